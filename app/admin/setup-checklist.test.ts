import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { seedConversation, SHOP, testVault } from "../../test/support/admin-fixtures";
import { checkEmbedStatus, embedStateFromSettingsData } from "./embed-status.server";
import { describeModelProvider } from "./model-provider";
import type { AdminGraphql } from "./ports";
import { embedDeepLink, loadSetupChecklist } from "./setup-checklist.server";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

const answering = (body: unknown): AdminGraphql => ({ graphql: async () => Response.json(body) });
const themeWith = (content: string) => answering({
  data: { themes: { nodes: [{ id: "gid://shopify/OnlineStoreTheme/1", name: "Dawn", files: { nodes: [{ filename: "config/settings_data.json", body: { content } }] } }] } },
});
const settingsData = (disabled: boolean) => `/* auto-generated */ ${JSON.stringify({
  current: { blocks: { "123": { type: "shopify://apps/shop-assistant/blocks/assistant-embed/0a1b", disabled, settings: {} } } },
})}`;

describe("embed status", () => {
  it("reads the app embed from the main theme's settings_data.json", async () => {
    expect(await checkEmbedStatus(themeWith(settingsData(false)))).toMatchObject({ state: "on", themeName: "Dawn" });
    expect(await checkEmbedStatus(themeWith(settingsData(true)))).toMatchObject({ state: "off" });
    expect(embedStateFromSettingsData('{"current":"Default"}')).toBe("off");
    expect(embedStateFromSettingsData("not json")).toBe("unknown");
  });

  it("says unknown, honestly, without theme access", async () => {
    const denied = answering({ errors: [{ message: "Access denied for themes field. Required access: `read_themes` access scope.", extensions: { code: "ACCESS_DENIED" } }] });
    const status = await checkEmbedStatus(denied);
    expect(status.state).toBe("unknown");
    expect(status.reason).toContain("read_themes");
  });
});

describe("setup checklist", () => {
  const provider = (ai: boolean) => describeModelProvider({ OPENAI_PROVIDER_NAME: "OpenAI" }, ai);
  it("starts with everything to do, in basic mode without a model", async () => {
    const list = await loadSetupChecklist({ db: t.db, embedStatus: async () => ({ state: "unknown", reason: "?", themeName: null }), provider }, SHOP);
    expect(list.items.map((i) => [i.id, i.state])).toEqual([
      ["embed", "unknown"], ["privacy_notice", "todo"], ["retention", "todo"], ["knowledge", "todo"], ["test_conversation", "todo"],
    ]);
    expect(list.mode.mode).toBe("basic");
  });

  it("ticks what the merchant did", async () => {
    await t.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { privacyNotice: "Our own notice.", retentionDays: 30 } }) } });
    await t.db.knowledgeEntry.create({ data: { id: "k1", shop: SHOP, kind: "faq", question: "Q?", answer: "A" } });
    await seedConversation(t.db, testVault());
    const list = await loadSetupChecklist({ db: t.db, embedStatus: async () => ({ state: "on", reason: "on", themeName: "Dawn" }), provider: (ai) => describeModelProvider({ OPENAI_API_KEY: "k", OPENAI_PROVIDER_NAME: "OpenAI" }, ai) }, SHOP);
    expect(list.items.every((i) => i.state === "done")).toBe(true);
    expect(list.mode.mode).toBe("ai");
  });

  it("builds the theme-editor deep link that activates the embed", () => {
    expect(embedDeepLink(SHOP, "abc123")).toBe("https://demo-shop.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=abc123/assistant-embed");
  });
});
