// The offline demo: the Shopify library's outgoing requests for the demo shop go to
// the local Admin GraphQL fake instead of https://demo-shop.myshopify.com. Switched
// on only by DEMO_MODE=1, refused with NODE_ENV=production (here and in env()), and
// announced with a banner nobody can miss.
import { abstractFetch, setAbstractFetchFunc, type AbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { isbot } from "isbot";
import { env, type Env } from "../env.server";

export const DEMO_SHOP_DOMAIN = "demo-shop.myshopify.com";

type DemoConfig = Pick<Env, "DEMO_MODE" | "DEMO_ADMIN_API_ORIGIN" | "NODE_ENV">;

/** Where a request for the demo shop goes instead; undefined for any other URL. */
export function demoRewrite(url: string, origin: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || parsed.hostname !== DEMO_SHOP_DOMAIN) return undefined;
  return new URL(`${parsed.pathname}${parsed.search}`, origin).toString();
}

export function createDemoFetch(origin: string, next: AbstractFetchFunc): AbstractFetchFunc {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const target = demoRewrite(url, origin);
    if (!target) return next(input, init);
    return next(input instanceof Request ? new Request(target, input) : target, init);
  };
}

let installed = false;

/** Rewrites the library's fetch when the demo is on; returns whether it is on. */
export function installDemoMode(config: DemoConfig = env(), log: (text: string) => void = console.warn): boolean {
  if (!config.DEMO_MODE) return false;
  if (config.NODE_ENV === "production") throw new Error("DEMO_MODE cannot run with NODE_ENV=production");
  const origin = config.DEMO_ADMIN_API_ORIGIN;
  if (!origin) throw new Error("DEMO_MODE needs DEMO_ADMIN_API_ORIGIN");
  if (installed) return true;
  installed = true;
  setAbstractFetchFunc(createDemoFetch(origin, abstractFetch));
  log(banner(origin));
  return true;
}

/**
 * The demo admin frames the app from a local page, not from admin.shopify.com, so
 * in demo mode the frame-ancestors policy also allows local origins.
 */
export function allowLocalFraming(headers: Headers, config: Pick<Env, "DEMO_MODE"> = env()): void {
  if (!config.DEMO_MODE) return;
  const policy = headers.get("Content-Security-Policy");
  if (!policy?.includes("frame-ancestors")) return;
  headers.set("Content-Security-Policy", policy.replace("frame-ancestors", "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*"));
}

/**
 * Shopify's library answers admin requests from bots 410 Gone (isbot), and a headless
 * browser's user agent says "HeadlessChrome". In demo mode only, such a request is
 * let through as a browser's, so the demo admin opens in headless Chromium, Puppeteer
 * or Playwright as it does in a person's browser. Production keeps the bot check.
 */
export const DEMO_BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export function skipBotCheckInDemo(request: Request, config: Pick<Env, "DEMO_MODE"> = env()): Request {
  if (!config.DEMO_MODE) return request;
  const userAgent = request.headers.get("User-Agent") ?? "";
  if (!isbot(userAgent)) return request;
  try {
    request.headers.set("User-Agent", DEMO_BROWSER_USER_AGENT);
  } catch {
    // immutable headers (a Request from fetch): the library's bot check stays
  }
  return request;
}

export const SHOPIFY_CDN_ORIGIN = "https://cdn.shopify.com";

/**
 * The demo makes no outside request: shopify-app-remix's addDocumentResponseHeaders
 * (and its session-token bounce page) send `Link: <https://cdn.shopify.com/…/app-bridge.js>;
 * rel="preload"`, which a browser fetches at once. The demo serves its own App Bridge
 * stand-in (APP_BRIDGE_URL), so in demo mode the preload of Shopify's CDN is dropped.
 */
export function dropShopifyCdnPreload(headers: Headers, config: Pick<Env, "DEMO_MODE"> = env()): void {
  if (!config.DEMO_MODE) return;
  const link = headers.get("Link");
  if (!link) return;
  const kept = link.split(/,(?=\s*<)/).filter((entry) => !entry.includes(`<${SHOPIFY_CDN_ORIGIN}/`));
  if (kept.length > 0) headers.set("Link", kept.join(","));
  else headers.delete("Link");
}

function banner(origin: string): string {
  const lines = [
    "DEMO MODE IS ON: this is not a real Shopify app installation.",
    `Admin API calls for ${DEMO_SHOP_DOMAIN} go to ${origin}.`,
    "Never set DEMO_MODE on a server that real merchants use.",
  ];
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = "#".repeat(width);
  return ["", rule, ...lines.map((line) => `# ${line.padEnd(width - 4)} #`), rule, ""].join("\n");
}
