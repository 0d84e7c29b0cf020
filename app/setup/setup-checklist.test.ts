import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { seedConversation, SHOP, testVault } from "../../test/support/admin-fixtures";
import { embedStatusFromWidgetSeen } from "./embed-status.server";
import { describeModelProvider } from "../settings/model-provider";
import { embedDeepLink, loadSetupChecklist } from "./setup-checklist.server";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

const NOW = new Date("2026-03-10T12:00:00Z");
const clock = { now: () => NOW };
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe("embed status (from the widget's last proxy request, no read_themes)", () => {
  it("is on while the widget was seen in the last 7 days, off before and when never seen", () => {
    expect(embedStatusFromWidgetSeen(null, NOW)).toEqual({ state: "off", reason: "never_seen", lastSeenAt: null });
    expect(embedStatusFromWidgetSeen(hoursAgo(0.5), NOW)).toEqual({ state: "on", reason: "seen", lastSeenAt: hoursAgo(0.5) });
    expect(embedStatusFromWidgetSeen(hoursAgo(7 * 24), NOW).state).toBe("on");
    // A code, never a sentence: the admin words it in the merchant's language.
    expect(embedStatusFromWidgetSeen(hoursAgo(7 * 24 + 1), NOW)).toMatchObject({ state: "off", reason: "stale" });
  });
});

describe("setup checklist", () => {
  const provider = (ai: boolean) => describeModelProvider({ OPENAI_PROVIDER_NAME: "OpenAI" }, ai);
  it("starts with everything to do, in basic mode without a model", async () => {
    const list = await loadSetupChecklist({ db: t.db, clock, provider }, SHOP);
    expect(list.items.map((i) => [i.id, i.state])).toEqual([
      ["embed", "todo"],
      ["privacy_notice", "todo"],
      ["retention", "todo"],
      ["knowledge", "todo"],
      ["test_conversation", "todo"],
    ]);
    expect(list.items.map((i) => i.detail)).toEqual([
      { code: "embed.never_seen", days: 7 },
      { code: "privacy_notice.default" },
      { code: "retention.default", days: 90 },
      { code: "knowledge.none" },
      { code: "test_conversation.none" },
    ]);
    expect(list.mode).toMatchObject({ mode: "basic", reason: "not_configured" });
  });

  it("ticks what the merchant did", async () => {
    await t.db.shop.create({
      data: {
        shop: SHOP,
        widgetSeenAt: hoursAgo(30),
        settingsJson: JSON.stringify({ privacy: { privacyNotice: "Our own notice.", retentionDays: 30 } }),
      },
    });
    await t.db.knowledgeEntry.create({ data: { id: "k1", shop: SHOP, kind: "faq", question: "Q?", answer: "A" } });
    await seedConversation(t.db, testVault());
    const list = await loadSetupChecklist(
      { db: t.db, clock, provider: (ai) => describeModelProvider({ OPENAI_API_KEY: "k", OPENAI_PROVIDER_NAME: "OpenAI" }, ai) },
      SHOP,
    );
    expect(list.items.every((i) => i.state === "done")).toBe(true);
    expect(list.items.map((i) => i.detail)).toEqual([
      { code: "embed.seen", seenAt: hoursAgo(30) },
      { code: "privacy_notice.own" },
      { code: "retention.chosen", days: 30 },
      { code: "knowledge.some", count: 1 },
      { code: "test_conversation.done" },
    ]);
    expect(list.mode).toMatchObject({ mode: "ai", reason: "ai", provider: { name: "OpenAI", host: "api.openai.com" } });
  });

  it("puts the embed back to do when the widget has not been seen for more than 7 days", async () => {
    await t.db.shop.create({ data: { shop: SHOP, widgetSeenAt: hoursAgo(8 * 24) } });
    const list = await loadSetupChecklist({ db: t.db, clock, provider }, SHOP);
    expect(list.items[0]).toMatchObject({ id: "embed", state: "todo", detail: { code: "embed.stale", days: 7 } });
  });

  it("builds the theme-editor deep link that activates the embed", () => {
    expect(embedDeepLink(SHOP, "abc123")).toBe(
      "https://demo-shop.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=abc123/assistant-embed",
    );
  });
});
