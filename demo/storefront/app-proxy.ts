// Shopify's app proxy, played locally: `/apps/assistant/<rest>` on the storefront
// goes to `<app>/proxy/<rest>` with the same method and body, the shopper's cookies
// stripped, and signed query parameters added exactly as Shopify adds them (see
// shopify.dev, "App proxies"). The answer is piped back as it arrives, so an SSE
// stream reaches the browser event by event; a shopper who leaves aborts the call.
// It can spread requests over several instances of the app (ProxyTarget.appUrls), as the
// load balancer behind Shopify's proxy would (test/multi-instance).
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
  /**
   * Several instances of the app (separate processes, each its own URL). Requests are
   * spread over them, least busy first and in turn among equals; appUrl alone when absent.
   */
  appUrls?: readonly string[];
  apiSecret: string;
  shop: string;
  now?: () => number;
}

// Connections to the app: kept alive and bounded, as a proxy or load balancer in front of
// an app keeps a pool; requests beyond the pool wait here in arrival order. Without a
// bound, a rush opens a new connection per waiting request, and a saturated Node
// process accepts one new connection per event-loop turn (libuv), so the late ones
// waited close to a minute while the kept-alive ones were served (test/load).
// An agent's maxSockets holds per host:port, so with several app URLs this is one pool
// of APP_CONNECTIONS per upstream.
export const APP_CONNECTIONS = 64;
// A kept-alive connection idle this long is closed here, as a balancer's idle timeout
// does; the app must keep one open longer (docs/operations.md: the demo stack runs it
// with DEMO_APP_KEEP_ALIVE_MS). Otherwise the app closes it first, and a request sent on
// it in that moment fails with no retry possible (a POST): with the app's default 5 s
// and no idle timeout here, a run next to CPU burners, where this process stalled for
// seconds between two requests on one connection, had chat turns fail with 502s
// ("socket hang up", ECONNRESET). Only idle connections: a request's socket timing out
// emits an event nobody here listens to, so a quiet answer stream is not cut.
export const APP_IDLE_TIMEOUT_MS = 30_000;
export const appAgents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: APP_CONNECTIONS, timeout: APP_IDLE_TIMEOUT_MS }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: APP_CONNECTIONS, timeout: APP_IDLE_TIMEOUT_MS }),
};

// Several upstreams (ProxyTarget.appUrls), as nginx's `upstream` with `least_conn` and
// `proxy_next_upstream error`: an upstream whose connection was refused, or reset before
// its answer began, is skipped for UPSTREAM_DOWN_MS (then tried again). A request goes to
// another upstream only when none of its bytes reached the one that failed (the connection
// was never made): a chat turn that reached an instance which then died may have been
// stored there, so it is answered with an error (502, or a cut stream), never sent twice.
// The client may retry. Request bodies are read whole first (at most MAX_REQUEST_BODY
// bytes) so that a refused request can be sent again.
export const UPSTREAM_DOWN_MS = 2_000;
export const MAX_REQUEST_BODY = 1024 * 1024;

interface UpstreamState {
  /** Requests sent to it whose answer has not ended (waiting in its pool included). */
  inFlight: number;
  /** Requests sent to it so far (attempts, a refused one included). */
  sent: number;
  downUntil: number;
}
const upstreamStates = new Map<string, UpstreamState>();
let turn = 0;

function upstreamState(appUrl: string): UpstreamState {
  let state = upstreamStates.get(appUrl);
  if (!state) upstreamStates.set(appUrl, (state = { inFlight: 0, sent: 0, downUntil: 0 }));
  return state;
}

/** The upstream for the next attempt: not yet tried by this request, up if any is, least busy, in turn among equals. */
export function pickUpstream(appUrls: readonly string[], tried: ReadonlySet<string>, now = Date.now()): string | undefined {
  const untried = appUrls.filter((u) => !tried.has(u));
  const up = untried.filter((u) => upstreamState(u).downUntil <= now);
  const pool = up.length ? up : untried; // every one marked down: try them anyway
  if (pool.length === 0) return undefined;
  const first = turn++ % pool.length;
  let best: string | undefined;
  for (let i = 0; i < pool.length; i++) {
    const candidate = pool[(first + i) % pool.length]!;
    if (best === undefined || upstreamState(candidate).inFlight < upstreamState(best).inFlight) best = candidate;
  }
  return best;
}

/** Per upstream: requests in flight, requests sent so far, whether it is marked down (for tests and logs). */
export function upstreamLoad(now = Date.now()): Record<string, { inFlight: number; sent: number; down: boolean }> {
  return Object.fromEntries([...upstreamStates].map(([url, s]) => [url, { inFlight: s.inFlight, sent: s.sent, down: s.downUntil > now }]));
}

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
export function signedProxyUrl(target: ProxyTarget, storefrontUrl: URL, customerId: number | null, appUrl = target.appUrl): URL {
  const rest = storefrontUrl.pathname.slice(PROXY_PREFIX.length) || "/";
  const url = new URL(`/proxy${rest}`, appUrl);
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

const jsonError = (res: http.ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message } }));
};

export function forwardToApp(
  target: ProxyTarget,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  storefrontUrl: URL,
  customerId: number | null,
): void {
  const appUrls = target.appUrls?.length ? target.appUrls : [target.appUrl];
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED_REQUEST_HEADERS.has(name) && name !== "content-length" && value !== undefined) headers[name] = value;
  }
  const clientIp = req.socket.remoteAddress ?? "127.0.0.1";
  headers["x-forwarded-for"] = clientIp;
  headers["x-forwarded-host"] = target.shop;
  const method = req.method ?? "GET";
  const tried = new Set<string>();
  let current: http.ClientRequest | undefined;
  let abandoned = false;
  // The shopper went away: abort the app call too (the app then aborts the model call).
  res.on("close", () => {
    if (res.writableFinished) return;
    abandoned = true;
    current?.destroy();
  });

  const send = (body: Buffer) => {
    const appUrl = pickUpstream(appUrls, tried);
    if (appUrl === undefined || abandoned) return;
    tried.add(appUrl);
    const state = upstreamState(appUrl);
    const url = signedProxyUrl(target, storefrontUrl, customerId, appUrl);
    const client = url.protocol === "https:" ? https : http;
    const outHeaders =
      body.length > 0 || !["GET", "HEAD"].includes(method) ? { ...headers, "content-length": String(body.length) } : headers;
    let answered = false;
    let released = false;
    state.inFlight++;
    state.sent++;
    const release = () => {
      if (released) return;
      released = true;
      state.inFlight--;
    };
    // Whether any byte of this request went out on an open connection: until then (a
    // connection refused, or never made) the request can go to another upstream.
    let sentAny = () => false;
    const upstream = client.request(
      url,
      { method, headers: outHeaders, agent: appAgents[url.protocol === "https:" ? "https:" : "http:"] },
      (answer) => {
        answered = true;
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!DROPPED_RESPONSE_HEADERS.has(name) && value !== undefined) out[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, out);
        res.flushHeaders();
        answer.on("data", (chunk: Buffer) => res.write(chunk));
        answer.on("end", () => res.end());
        // The app died in the middle of its answer: cut the shopper's answer too.
        answer.on("aborted", () => {
          if (!abandoned) state.downUntil = Date.now() + UPSTREAM_DOWN_MS;
        });
        answer.on("error", () => res.destroy());
        answer.on("close", () => {
          release();
          if (!answer.complete) res.destroy();
        });
      },
    );
    current = upstream;
    upstream.on("socket", (socket) => {
      // 'socket' comes before the request is written: bytesWritten counts earlier requests on a kept-alive socket.
      const before = socket.bytesWritten ?? 0;
      let connected = !socket.connecting;
      if (!connected) socket.once("connect", () => (connected = true));
      sentAny = () => connected && (socket.bytesWritten ?? 0) > before;
    });
    upstream.on("close", () => {
      if (!answered) release();
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      release();
      if (abandoned) return;
      if (!answered) state.downUntil = Date.now() + UPSTREAM_DOWN_MS;
      if (!answered && !sentAny() && tried.size < appUrls.length) return send(body);
      if (res.headersSent) return void res.destroy();
      jsonError(res, 502, "BAD_GATEWAY", `The app did not answer (${error.message}).`);
    });
    upstream.end(body);
  };

  if (method === "GET" || method === "HEAD") {
    req.resume();
    return send(Buffer.alloc(0));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_REQUEST_BODY) chunks.push(chunk);
  });
  req.on("end", () => {
    if (size > MAX_REQUEST_BODY) return jsonError(res, 413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
    send(Buffer.concat(chunks));
  });
  req.on("error", () => res.destroy());
}
