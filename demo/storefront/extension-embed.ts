// Renders the theme app extension's REAL app embed block with liquidjs, giving it
// what Shopify's storefront gives it: block settings from the schema defaults,
// `asset_url`, `t` from the extension's locales/, `app.metafields`, `template`,
// `request`, `shop`, `customer`. Unknown filters fail loudly (strictFilters) so
// the demo never hides Liquid that Shopify would not accept either.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import { createTranslator, type Translator } from "./extension-locales";

export interface EmbedContext {
  locale: string;
  /** The shopper's country (ISO 3166 alpha-2), as Shopify's localization.country, when the storefront knows one. */
  country?: string;
  templateName: string;
  templateDirectory: string | null;
  path: string;
  shop: { name: string; domain: string; currency: string; locale: string; policies: { type: string; title: string; url: string }[] };
  customer: { id: number; email: string; first_name: string; last_name: string; name: string } | null;
  /** Parsed value of the app-data metafield shop_assistant.widget_config, or null when absent. */
  widgetConfig: unknown;
}

export interface ExtensionEmbed {
  /** The handle of the block (file name without .liquid). */
  readonly handle: string;
  readonly target: "body" | "head";
  /** HTML to place in <head> (the schema's javascript/stylesheet assets) and at the target. */
  render(context: EmbedContext): Promise<{ head: string; body: string }>;
  /** Absolute file path of an asset, or null when it is not one of the extension's assets. */
  assetPath(name: string): string | null;
  readonly locales: string[];
}

interface BlockSchema {
  name?: string;
  target?: "body" | "head" | "section";
  javascript?: string;
  stylesheet?: string;
  enabled_on?: { templates?: string[] };
  disabled_on?: { templates?: string[] };
  settings?: { id?: string; type: string; default?: unknown }[];
}

export const ASSET_ROUTE = "/cdn/shop/extensions/shop-assistant/assets/";

const SCHEMA_TAG = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;
// Shopify bundles these blocks' contents separately; they render nothing in place.
const BUNDLED_TAGS = /{%-?\s*(javascript|stylesheet)\s*-?%}[\s\S]*?{%-?\s*end\1\s*-?%}/g;

/** JSON that cannot close a <script> element or start an HTML comment. */
function scriptSafeJson(value: unknown): string {
  return (JSON.stringify(value ?? null) ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function loadExtensionEmbed(extensionDir: string, handle = "assistant-embed"): ExtensionEmbed {
  const blockFile = path.join(extensionDir, "blocks", `${handle}.liquid`);
  const source = readFileSync(blockFile, "utf8");
  const schemaMatch = SCHEMA_TAG.exec(source);
  if (!schemaMatch) throw new Error(`${blockFile} has no {% schema %}`);
  const schema = JSON.parse(schemaMatch[1]!) as BlockSchema;
  const templateSource = source.replace(SCHEMA_TAG, "").replace(BUNDLED_TAGS, "");
  const settings: Record<string, unknown> = {};
  for (const setting of schema.settings ?? []) if (setting.id) settings[setting.id] = setting.default ?? null;

  const assetsDir = path.join(extensionDir, "assets");
  const translator: Translator = createTranslator(path.join(extensionDir, "locales"));
  const snippetsDir = path.join(extensionDir, "snippets");
  const engine = new Liquid({
    root: existsSync(snippetsDir) ? [snippetsDir] : [],
    extname: ".liquid",
    strictFilters: true,
    jsTruthy: false,
  });
  const assetUrl = (name: unknown) => `${ASSET_ROUTE}${encodeURIComponent(String(name))}`;
  engine.registerFilter("asset_url", assetUrl);
  engine.registerFilter("json", scriptSafeJson);
  engine.registerFilter("script_tag", (url: unknown) => `<script src="${escapeAttr(String(url))}" type="text/javascript"></script>`);
  engine.registerFilter(
    "stylesheet_tag",
    (url: unknown) => `<link href="${escapeAttr(String(url))}" rel="stylesheet" type="text/css" media="all" />`,
  );
  engine.registerFilter("t", function (this: { context: { environments: unknown } }, key: unknown, ...args: unknown[]) {
    const scope = this.context.environments as { request?: { locale?: { iso_code?: string } } };
    const named: Record<string, unknown> = {};
    for (const arg of args) if (Array.isArray(arg) && arg.length === 2) named[String(arg[0])] = arg[1];
    return translator.translate(scope.request?.locale?.iso_code ?? "en", String(key), named);
  });
  const template = engine.parse(templateSource, blockFile);
  const blockId = `AA${handle.replace(/\W/g, "")}`;

  function enabledOn(templateName: string): boolean {
    const only = schema.enabled_on?.templates;
    if (only && !only.includes("*") && !only.includes(templateName)) return false;
    return !(schema.disabled_on?.templates ?? []).includes(templateName);
  }

  return {
    handle,
    target: schema.target === "head" ? "head" : "body",
    locales: translator.locales,
    assetPath(name) {
      if (!/^[\w.-]+$/.test(name)) return null;
      const file = path.join(assetsDir, name);
      return existsSync(file) ? file : null;
    },
    async render(ctx) {
      if (!enabledOn(ctx.templateName)) return { head: "", body: "" };
      const scope = {
        block: { id: blockId, type: `shopify://apps/shop-assistant/blocks/${handle}`, settings, shopify_attributes: "" },
        app: {
          metafields: { shop_assistant: { widget_config: ctx.widgetConfig == null ? null : { value: ctx.widgetConfig, type: "json" } } },
        },
        template: { name: ctx.templateName, directory: ctx.templateDirectory, suffix: null },
        request: {
          locale: {
            iso_code: ctx.locale,
            primary: ctx.locale === ctx.shop.locale,
            root_url: ctx.locale === ctx.shop.locale ? "/" : `/${ctx.locale}`,
          },
          path: ctx.path,
          design_mode: false,
          host: ctx.shop.domain,
        },
        shop: {
          name: ctx.shop.name,
          permanent_domain: ctx.shop.domain,
          domain: ctx.shop.domain,
          currency: ctx.shop.currency,
          locale: ctx.shop.locale,
          // shop.privacy_policy etc. are policy objects ({title, url}) or nil, as in Shopify's Liquid.
          ...Object.fromEntries(ctx.shop.policies.map((p) => [p.type.toLowerCase(), { title: p.title, url: p.url }])),
        },
        customer: ctx.customer,
        localization: { language: { iso_code: ctx.locale }, ...(ctx.country ? { country: { iso_code: ctx.country } } : {}) },
        routes: Object.fromEntries(
          Object.entries({
            root_url: "/",
            cart_url: "/cart",
            cart_add_url: "/cart/add",
            account_login_url: "/account/login",
            account_logout_url: "/account/logout",
          }).map(([k, v]) => [k, ctx.locale === ctx.shop.locale ? v : `/${ctx.locale}${v === "/" ? "" : v}`]),
        ),
      };
      const body = (await engine.render(template, scope)) as string;
      let head = "";
      if (schema.stylesheet) head += `<link rel="stylesheet" href="${assetUrl(schema.stylesheet)}">`;
      if (schema.javascript) head += `<script src="${assetUrl(schema.javascript)}" defer></script>`;
      return { head, body };
    },
  };
}

/** Every block in the extension (for a sanity listing), by handle. */
export function listExtensionBlocks(extensionDir: string): string[] {
  const dir = path.join(extensionDir, "blocks");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".liquid"))
        .map((f) => f.slice(0, -7))
    : [];
}
