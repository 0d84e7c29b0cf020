// The demo admin host: http://127.0.0.1:<port>/admin frames the app as Shopify's
// admin does (embedded=1, shop, host, id_token), serves the App Bridge stand-in at
// /app-bridge.js and fresh session tokens at /session-token. Loopback demo only:
// anyone who can reach this port can act as the demo shop's staff.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { renderHostPage } from "./host-page";
import { adminHostParam, signSessionToken } from "./session-token";

export interface AdminHostOptions {
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  shop: string;
  storefrontUrl?: string;
  host?: string;
  port?: number;
}

export const APP_BRIDGE_SCRIPT_PATH = "/app-bridge.js";

/** The admin languages the demo offers (?locale=de on the admin URL), as Shopify passes the merchant's. */
export const DEMO_ADMIN_LOCALES = ["en", "de", "fr", "es"] as const;

export function appFrameUrl(
  options: Pick<AdminHostOptions, "appUrl" | "apiKey" | "apiSecret" | "shop">,
  appPath = "/app",
  locale = "en",
): string {
  const url = new URL(appPath, options.appUrl);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", options.shop);
  url.searchParams.set("host", adminHostParam(options.shop));
  url.searchParams.set("locale", locale);
  url.searchParams.set("id_token", signSessionToken(options));
  return url.toString();
}

export async function startAdminHost(
  options: AdminHostOptions,
): Promise<{ url: string; adminUrl: string; appBridgeUrl: string; close(): Promise<void> }> {
  const script = readFileSync(path.join(import.meta.dirname, "app-bridge.js"), "utf8");
  const appOrigin = new URL(options.appUrl).origin;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://admin.local");
    if (url.pathname === APP_BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "no-cache",
        "access-control-allow-origin": "*",
      });
      return res.end(script);
    }
    if (url.pathname === "/session-token") {
      const cors = {
        "access-control-allow-origin": appOrigin,
        vary: "Origin",
        "cache-control": "no-store",
        "content-type": "application/json",
      };
      if (url.searchParams.get("shop") && url.searchParams.get("shop") !== options.shop) {
        res.writeHead(400, cors);
        return res.end(JSON.stringify({ error: { code: "UNKNOWN_SHOP", message: "The demo admin only knows the demo shop." } }));
      }
      res.writeHead(200, cors);
      return res.end(JSON.stringify({ token: signSessionToken(options) }));
    }
    if (url.pathname === "/") {
      res.writeHead(302, { location: "/admin" });
      return res.end();
    }
    if (url.pathname === "/admin" || url.pathname.startsWith("/admin/")) {
      // /admin/apps/shop-assistant/<path> opens that app page, as Shopify's admin URLs do.
      const appPath = url.pathname.replace(/^\/admin(\/apps\/[\w-]+)?/, "") || "/app";
      const requested = url.searchParams.get("locale") ?? "en";
      const locale = (DEMO_ADMIN_LOCALES as readonly string[]).includes(requested) ? requested : "en";
      const frame = appFrameUrl(options, appPath.startsWith("/app") ? appPath : "/app", locale);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return res.end(renderHostPage({ appFrameUrl: frame, appOrigin, shop: options.shop, storefrontUrl: options.storefrontUrl, locale }));
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    url: base,
    adminUrl: `${base}/admin`,
    appBridgeUrl: `${base}${APP_BRIDGE_SCRIPT_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
