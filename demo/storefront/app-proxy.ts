// Shopify's app proxy, played locally: `/apps/assistant/<rest>` on the storefront
// goes to `<app>/proxy/<rest>` with the same method and body, the shopper's cookies
// stripped, and signed query parameters added exactly as Shopify adds them (see
// shopify.dev, "App proxies"). The answer is piped back as it arrives, so an SSE
// stream reaches the browser event by event; a shopper who leaves aborts the call.
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";

export const PROXY_PREFIX = "/apps/assistant";

/**
 * Shopify's app-proxy signature: every parameter but `signature` as `key=value`
 * (several values of one key joined with ","), sorted, concatenated with no
 * separator, HMAC-SHA256 with the app's API secret, hex.
 */
export function signProxyQuery(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export interface ProxyTarget {
  appUrl: string;
  apiSecret: string;
  shop: string;
  now?: () => number;
}

// Connections to the app: kept alive and bounded, as a proxy or load balancer in front of
// an app keeps a pool; requests beyond the pool wait here in arrival order. Without a
// bound, a rush opens a new connection per waiting request, and a saturated Node
// process accepts one new connection per event-loop turn (libuv), so the late ones
// waited close to a minute while the kept-alive ones were served (test/load).
export const APP_CONNECTIONS = 64;
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: APP_CONNECTIONS }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: APP_CONNECTIONS }),
};

// Hop-by-hop and identity headers that Shopify's proxy does not pass on.
const DROPPED_REQUEST_HEADERS = new Set([
  "cookie",
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "authorization",
  "origin",
  "referer",
]);
const DROPPED_RESPONSE_HEADERS = new Set(["set-cookie", "connection", "keep-alive", "transfer-encoding"]);

/** Builds the signed URL for a storefront path under PROXY_PREFIX. */
export function signedProxyUrl(target: ProxyTarget, storefrontUrl: URL, customerId: number | null): URL {
  const rest = storefrontUrl.pathname.slice(PROXY_PREFIX.length) || "/";
  const url = new URL(`/proxy${rest}`, target.appUrl);
  const params = new URLSearchParams();
  // The shopper cannot smuggle in the parameters Shopify sets.
  for (const [key, value] of storefrontUrl.searchParams) {
    if (!["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"].includes(key)) params.append(key, value);
  }
  params.set("shop", target.shop);
  params.set("logged_in_customer_id", customerId === null ? "" : String(customerId));
  params.set("path_prefix", PROXY_PREFIX);
  params.set("timestamp", String(Math.floor((target.now?.() ?? Date.now()) / 1000)));
  params.set("signature", signProxyQuery(params, target.apiSecret));
  url.search = params.toString();
  return url;
}

export function forwardToApp(
  target: ProxyTarget,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  storefrontUrl: URL,
  customerId: number | null,
): void {
  const url = signedProxyUrl(target, storefrontUrl, customerId);
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED_REQUEST_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  const clientIp = req.socket.remoteAddress ?? "127.0.0.1";
  headers["x-forwarded-for"] = clientIp;
  headers["x-forwarded-host"] = target.shop;
  const client = url.protocol === "https:" ? https : http;
  const upstream = client.request(
    url,
    { method: req.method, headers, agent: agents[url.protocol === "https:" ? "https:" : "http:"] },
    (answer) => {
      const out: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!DROPPED_RESPONSE_HEADERS.has(name) && value !== undefined) out[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, out);
      res.flushHeaders();
      answer.on("data", (chunk: Buffer) => res.write(chunk));
      answer.on("end", () => res.end());
      answer.on("error", () => res.destroy());
    },
  );
  upstream.on("error", (error) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "BAD_GATEWAY", message: `The app did not answer (${error.message}).` } }));
  });
  // The shopper went away: abort the app call too (the app then aborts the model call).
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
