// Issue 13, part 7: the merchant's greeting, AI disclosure and privacy notice per storefront
// language, in settings and in the published widget config; the widget shows the shopper's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { databaseAudit, owner, SHOP } from "../../test/support/admin-fixtures";
import { parseWidgetConfig, textsFor } from "../../extensions/shop-assistant/src/config";
import { saveSettings } from "./save-settings.server";
import { loadShopSettings } from "./shop-settings.server";
import { shopSettingsSchema, type ShopSettings } from "./settings-schema";
import { widgetConfigFromSettings } from "./widget-config";

const de = {
  greeting: "Hallo! Ich helfe bei Produkten, Bestellungen und Richtlinien.",
  aiDisclosure: "Sie chatten mit einer KI.",
  privacyNotice: "Wir speichern dieses Gespräch 90 Tage.",
};
const fallback = { greeting: "Hi", aiDisclosure: "AI", privacyNotice: "Notice", privacyPolicyUrl: "" };

describe("merchant texts per language", () => {
  it("are settings, validated by locale and length, published only when written", () => {
    const settings = shopSettingsSchema.parse({ privacy: { localizedTexts: { de, "pt-BR": { greeting: "Olá!" } } } });
    expect(widgetConfigFromSettings(settings).localizedTexts).toEqual({ de, "pt-BR": { greeting: "Olá!" } });
    expect(widgetConfigFromSettings(shopSettingsSchema.parse({}))).not.toHaveProperty("localizedTexts");
    expect(shopSettingsSchema.safeParse({ privacy: { localizedTexts: { "<script>": { greeting: "x" } } } }).success).toBe(false);
    expect(shopSettingsSchema.safeParse({ privacy: { localizedTexts: { de: { greeting: "x".repeat(301) } } } }).success).toBe(false);
    expect(shopSettingsSchema.safeParse({ privacy: { localizedTexts: { de: { instructions: "x" } } } }).success).toBe(false);
  });

  it("reach the widget, which shows the shopper's language (de-CH → de) and the default texts elsewhere", () => {
    const settings = shopSettingsSchema.parse({ privacy: { localizedTexts: { de, fr: { greeting: "Bonjour !" } } } });
    const config = parseWidgetConfig(JSON.parse(JSON.stringify(widgetConfigFromSettings(settings))), fallback);
    expect(textsFor(config, "de")).toEqual(de);
    expect(textsFor(config, "de-CH")).toEqual(de);
    expect(textsFor(config, "fr")).toEqual({ greeting: "Bonjour !" });
    expect(textsFor(config, "es")).toEqual({});
    // A hostile or broken config drops what is not text.
    const broken = parseWidgetConfig(
      { localizedTexts: { de: { greeting: 42, privacyNotice: " Ok " }, "x y": { greeting: "no" } } },
      fallback,
    );
    expect(broken.localizedTexts).toEqual({ de: { privacyNotice: "Ok" } });
  });
});

describe("saving translated notices", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => t.cleanup());

  it("moves the notice version when a translated notice or disclosure changes, not for a greeting", async () => {
    const d = {
      db: t.db,
      audit: databaseAudit(t.db),
      forgetShop: () => undefined,
      publish: async (_s: ShopSettings) => ({ ok: true as const, metafieldId: "gid://shopify/Metafield/1" }),
    };
    const version = async () => (await loadShopSettings(t.db, SHOP)).privacy.noticeVersion;
    await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { localizedTexts: { de: { greeting: de.greeting } } } } });
    expect(await version()).toBe(1);
    await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { localizedTexts: { de } } } });
    expect(await version()).toBe(2);
    expect((await loadShopSettings(t.db, SHOP)).privacy.localizedTexts).toEqual({ de });
  });
});
