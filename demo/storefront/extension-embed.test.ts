// The storefront gives the app embed what Shopify gives it: schema defaults as
// block.settings, asset_url, t with locale fallback, app.metafields, template.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadExtensionEmbed, type EmbedContext } from "./extension-embed";

const dir = mkdtempSync(path.join(tmpdir(), "psa-embed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeExtension(block: string) {
  mkdirSync(path.join(dir, "blocks"), { recursive: true });
  mkdirSync(path.join(dir, "locales"), { recursive: true });
  mkdirSync(path.join(dir, "assets"), { recursive: true });
  writeFileSync(path.join(dir, "blocks", "assistant-embed.liquid"), block);
  writeFileSync(
    path.join(dir, "locales", "en.default.json"),
    JSON.stringify({ a: { hello: "Hello {{ name }}", only_en: "English only" } }),
  );
  writeFileSync(path.join(dir, "locales", "fr.json"), JSON.stringify({ a: { hello: "Bonjour {{ name }}" } }));
  writeFileSync(path.join(dir, "locales", "en.default.schema.json"), JSON.stringify({ ignored: true }));
  writeFileSync(path.join(dir, "assets", "loader.js"), "//");
}

const context = (over: Partial<EmbedContext> = {}): EmbedContext => ({
  locale: "en",
  templateName: "product",
  templateDirectory: null,
  path: "/products/x",
  shop: {
    name: "Demo",
    domain: "demo-shop.myshopify.com",
    currency: "EUR",
    locale: "en",
    policies: [{ type: "PRIVACY_POLICY", title: "Privacy", url: "/policies/privacy-policy" }],
  },
  customer: null,
  widgetConfig: { greeting: "</script><script>alert(1)</script>" },
  ...over,
});

const BLOCK = `<div data-color="{{ block.settings.color }}" data-t="{{ template.name }}" data-c="{{ customer.id }}" data-p="{{ shop.privacy_policy.url }}">{{ 'a.hello' | t: name: 'Ann' }}|{{ 'a.only_en' | t }}</div>
<script type="application/json">{{ app.metafields.shop_assistant.widget_config.value | json }}</script>
<script src="{{ 'loader.js' | asset_url }}" defer></script>
{% schema %}{"name":"x","target":"body","settings":[{"type":"color","id":"color","label":"c","default":"#123456"},{"type":"header","content":"h"}]}{% endschema %}`;

describe("the app embed, rendered as Shopify renders it", () => {
  it("fills settings from schema defaults, translates with fallback, escapes JSON for <script>", async () => {
    writeExtension(BLOCK);
    const embed = loadExtensionEmbed(dir);
    expect(embed.locales).toEqual(["en", "fr"]);
    const en = (await embed.render(context())).body;
    expect(en).toContain('data-color="#123456"');
    expect(en).toContain('data-t="product"');
    expect(en).toContain('data-c=""');
    expect(en).toContain('data-p="/policies/privacy-policy"');
    expect(en).toContain("Hello Ann|English only");
    expect(en).not.toContain("</script><script>");
    expect(en).toContain('src="/cdn/shop/extensions/shop-assistant/assets/loader.js"');
    const fr = (
      await embed.render(context({ locale: "fr", customer: { id: 7, email: "e", first_name: "f", last_name: "l", name: "f l" } }))
    ).body;
    expect(fr).toContain("Bonjour Ann|English only");
    expect(fr).toContain('data-c="7"');
  });

  it("renders null when the metafield was never set", async () => {
    writeExtension(BLOCK);
    const out = (await loadExtensionEmbed(dir).render(context({ widgetConfig: null }))).body;
    expect(out).toContain('<script type="application/json">null</script>');
  });

  it("refuses a filter Shopify does not have, and serves only the extension's assets", async () => {
    writeExtension(`{{ 'x' | no_such_filter }}{% schema %}{"name":"x","target":"body"}{% endschema %}`);
    expect(() => loadExtensionEmbed(dir)).toThrow(/no_such_filter/);
    writeExtension(BLOCK);
    const embed = loadExtensionEmbed(dir);
    expect(embed.assetPath("loader.js")).toBe(path.join(dir, "assets", "loader.js"));
    expect(embed.assetPath("../blocks/assistant-embed.liquid")).toBeNull();
  });

  it("renders the real extension's block", async () => {
    const real = loadExtensionEmbed(path.resolve(import.meta.dirname, "..", "..", "extensions", "shop-assistant"));
    const out = (await real.render(context({ locale: "de" }))).body;
    expect(out).toContain('id="shop-assistant"');
    expect(out).toContain('id="shop-assistant-config"');
    expect(out).not.toMatch(/translation missing/);
  });
});
