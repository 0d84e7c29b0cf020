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
    expect(embedStatusFromWidgetSeen(null, NOW)).toMatchObject({ state: "off", lastSeenAt: null });
    expect(embedStatusFromWidgetSeen(hoursAgo(0.5), NOW)).toMatchObject({
      state: "on",
      reason: expect.stringContaining("within the last hour"),
    });
    expect(embedStatusFromWidgetSeen(hoursAgo(5), NOW).reason).toContain("5 hours ago");
    expect(embedStatusFromWidgetSeen(hoursAgo(7 * 24), NOW).state).toBe("on");
    const stale = embedStatusFromWidgetSeen(hoursAgo(7 * 24 + 1), NOW);
    expect(stale.state).toBe("off");
    expect(stale.reason).toContain("more than 7 days");
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
    expect(list.items[0]!.detail).toContain("theme editor");
    expect(list.mode.mode).toBe("basic");
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
    expect(list.items[0]!.detail).toBe("The assistant was seen on your storefront 1 day ago.");
    expect(list.mode.mode).toBe("ai");
  });

  it("puts the embed back to do when the widget has not been seen for more than 7 days", async () => {
    await t.db.shop.create({ data: { shop: SHOP, widgetSeenAt: hoursAgo(8 * 24) } });
    const list = await loadSetupChecklist({ db: t.db, clock, provider }, SHOP);
    expect(list.items[0]).toMatchObject({ id: "embed", state: "todo" });
  });

  it("builds the theme-editor deep link that activates the embed", () => {
    expect(embedDeepLink(SHOP, "abc123")).toBe(
      "https://demo-shop.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=abc123/assistant-embed",
    );
  });
});
