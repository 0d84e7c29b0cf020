// Renders the app embed with liquidjs, standing in for Shopify's Liquid: the filters a
// storefront provides (t from this extension's locales/, asset_url) are stubbed here.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";

const dir = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(dir, "blocks/assistant-embed.liquid"), "utf8");
const [liquid = "", schemaText = ""] = source.split(/\{%\s*schema\s*%\}/);
const schema = JSON.parse(schemaText.replace(/\{%\s*endschema\s*%\}/, ""));
const defaults = Object.fromEntries(schema.settings.filter((s: any) => s.id).map((s: any) => [s.id, s.default ?? ""]));

function render(options: { template?: string; settings?: Record<string, unknown>; config?: unknown; locale?: string } = {}) {
  const strings = JSON.parse(readFileSync(join(dir, `locales/${options.locale ?? "en.default"}.json`), "utf8"));
  const engine = new Liquid();
  engine.registerFilter("t", (key: string) => key.split(".").reduce((node: any, part) => node?.[part], strings) ?? key);
  engine.registerFilter("asset_url", (name: string) => `https://cdn.shopify.com/extensions/abc/assets/${name}`);
  return engine.parseAndRenderSync(liquid, {
    template: { name: options.template ?? "product" },
    block: { settings: { ...defaults, ...options.settings } },
    app: { metafields: { shop_assistant: { widget_config: options.config === undefined ? undefined : { value: options.config } } } },
    routes: { cart_add_url: "/cart/add" },
    request: { locale: { iso_code: options.locale === "fr" ? "fr" : "en" } },
    localization: { country: { iso_code: options.locale === "fr" ? "FR" : "DE" } },
    shop: { privacy_policy: { url: "/policies/privacy-policy" } },
  });
}

const jsonScript = (html: string, id: string) =>
  JSON.parse(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)?.[1] ?? "");

describe("app embed block", () => {
  it("is an app embed for the body with the merchant settings", () => {
    expect(schema.target).toBe("body");
    expect(Object.keys(defaults)).toEqual(
      expect.arrayContaining(["accent_color", "position", "launcher_offset", "font", "greeting", "launcher_label", "show_on_cart"]),
    );
  });

  it("passes the launcher's side, bottom offset and font choice to the loader", () => {
    const html = render();
    expect(html).toContain('data-position="right"');
    expect(html).toContain('data-offset="20"');
    expect(html).toContain('data-font="system"');
    const moved = render({ settings: { position: "left", launcher_offset: 96, font: "theme" } });
    expect(moved).toContain('data-position="left"');
    expect(moved).toContain('data-offset="96"');
    expect(moved).toContain('data-font="theme"');
    const offset = schema.settings.find((s: any) => s.id === "launcher_offset");
    expect(offset).toMatchObject({ type: "range", min: 0, max: 200, unit: "px" });
  });

  it("passes the widget config from the app-data metafield, or null when it is not written yet", () => {
    const config = { greeting: "Welcome", consentRequired: false, leadFields: ["email"] };
    expect(jsonScript(render({ config }), "shop-assistant-config")).toEqual(config);
    expect(jsonScript(render(), "shop-assistant-config")).toBeNull();
  });

  it("passes every shopper-facing string in the storefront's language", () => {
    const en = JSON.parse(readFileSync(join(dir, "locales/en.default.json"), "utf8")).assistant;
    const strings = jsonScript(render({ locale: "fr" }), "shop-assistant-i18n");
    expect(Object.keys(strings)).toEqual(Object.keys(en));
    expect(strings.launcher).toBe("Discuter avec nous");
  });

  it("loads only a deferred loader and tells it where the chat UI and the proxy are", () => {
    const html = render();
    expect(html).toMatch(/<script src="https:\/\/cdn\.shopify\.com\/extensions\/abc\/assets\/loader\.js" defer><\/script>/);
    expect(html).toContain('data-chat-js="https://cdn.shopify.com/extensions/abc/assets/chat.js"');
    expect(html).toContain('data-chat-css="https://cdn.shopify.com/extensions/abc/assets/chat.css"');
    expect(html).toContain('data-proxy="/apps/assistant"');
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
  });

  it("uses the merchant's launcher label (escaped) or the translated default", () => {
    expect(render()).toContain('data-label="Chat with us"');
    expect(render({ settings: { launcher_label: 'Ask "us" <now>' } })).toContain('data-label="Ask &#34;us&#34; &lt;now&gt;"');
  });

  it("shows only on the templates the merchant picked", () => {
    expect(render({ template: "cart", settings: { show_on_cart: false } }).trim()).toBe("");
    expect(render({ template: "cart" })).toContain('id="shop-assistant"');
    expect(render({ template: "list-collections", settings: { show_on_collection: false } }).trim()).toBe("");
    expect(render({ template: "page", settings: { show_on_other: false } }).trim()).toBe("");
    expect(render({ template: "index", settings: { show_on_other: false } })).toContain('id="shop-assistant"');
  });

  it("passes the storefront's locale and country, which the widget sends with each chat message", () => {
    expect(render()).toContain('data-country="DE"');
    const fr = render({ locale: "fr" });
    expect(fr).toContain('data-locale="fr"');
    expect(fr).toContain('data-country="FR"');
  });
});
