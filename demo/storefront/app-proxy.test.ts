// The storefront's app proxy signs as Shopify does (checked with Shopify's own
// library), passes the logged-in customer, strips cookies and streams answers.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoStore } from "../store/load-store";
import { APP_CONNECTIONS, signProxyQuery } from "./app-proxy";
import { startStorefront } from "./server";

const SECRET = "storefront-test-secret";
const shopify = shopifyApi({
  apiKey: "k",
  apiSecretKey: SECRET,
  apiVersion: ApiVersion.January26,
  isEmbeddedApp: true,
  hostName: "app.example",
  scopes: ["read_products"],
  logger: { level: 0 },
});

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
// Events instead of sleeps (the test must hold on a busy machine): /slow answers are held
// until the pool is full (or a generous bound passes); /stream ends once the test has
// read its first event.
let poolFull: () => void = () => {};
let poolFullPromise = new Promise<void>((resolve) => (poolFull = resolve));
let firstEventRead: () => void = () => {};
const firstEventReadPromise = new Promise<void>((resolve) => (firstEventRead = resolve));
const POOL_FILL_BOUND_MS = 20_000;
let app: http.Server;
let storefront: Awaited<ReturnType<typeof startStorefront>>;

beforeAll(async () => {
  app = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.url?.startsWith("/proxy/slow")) {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        if (inFlight >= APP_CONNECTIONS) poolFull();
        const bound = setTimeout(poolFull, POOL_FILL_BOUND_MS);
        void poolFullPromise.then(() => {
          clearTimeout(bound);
          // A moment for any request beyond the pool to show up (it must not).
          setTimeout(() => (inFlight--, res.end("{}")), 20);
        });
        return;
      }
      if (req.url?.startsWith("/proxy/stream")) {
        res.writeHead(200, { "content-type": "text/event-stream", "set-cookie": "x=1" });
        res.write('event: delta\ndata: {"text":"first"}\n\n');
        const bound = setTimeout(firstEventRead, POOL_FILL_BOUND_MS);
        void firstEventReadPromise.then(() => {
          clearTimeout(bound);
          res.end("event: done\ndata: {}\n\n");
        });
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "set-cookie": "leak=1" });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  storefront = await startStorefront({
    store: loadDemoStore(),
    extensionDir: "/nonexistent",
    publicDir: "/nonexistent",
    appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
    apiSecret: SECRET,
    widgetConfig: async () => null,
    log: () => {},
  });
});
afterAll(async () => {
  await storefront.close();
  await new Promise((resolve) => app.close(resolve));
});

describe("app proxy", () => {
  it("keeps a bounded pool of connections to the app: a rush waits its turn instead of opening a connection each", async () => {
    let opened = 0;
    const count = () => opened++;
    app.on("connection", count);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 3 * APP_CONNECTIONS }, () => fetch(`${storefront.url}/apps/assistant/slow`).then((r) => r.status)),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
    } finally {
      app.off("connection", count);
    }
    // Exactly the pool: the held answers let it fill however slowly the machine runs,
    // and nothing beyond it ever reached the app.
    expect(maxInFlight).toBe(APP_CONNECTIONS);
    expect(opened).toBeLessThanOrEqual(APP_CONNECTIONS);
    poolFullPromise = new Promise<void>((resolve) => (poolFull = resolve));
  });

  it("signs with the sorted key=value scheme (Shopify's known layout)", () => {
    const params = new URLSearchParams("shop=s.myshopify.com&path_prefix=/apps/a&timestamp=1&logged_in_customer_id=&extra=1&extra=2");
    const message = ["extra=1,2", "logged_in_customer_id=", "path_prefix=/apps/a", "shop=s.myshopify.com", "timestamp=1"].join("");
    expect(signProxyQuery(params, SECRET)).toBe(createHmac("sha256", SECRET).update(message).digest("hex"));
  });

  it("forwards method, body and query to /proxy/* with a signature Shopify's library accepts", async () => {
    const response = await fetch(`${storefront.url}/apps/assistant/chat?locale=fr&signature=forged&shop=evil.myshopify.com`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "cart=abc; customer_session=1.x" },
      body: '{"message":"hi"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const request = seen.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.body).toBe('{"message":"hi"}');
    expect(request.headers.cookie).toBeUndefined();
    const url = new URL(request.url, "http://x");
    expect(url.pathname).toBe("/proxy/chat");
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      shop: "demo-shop.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/assistant",
      locale: "fr",
    });
    expect(Math.abs(Number(query.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(await shopify.utils.validateHmac(query as never, { signator: "appProxy" })).toBe(true);
  });

  it("passes the logged-in demo customer's id", async () => {
    const login = await fetch(`${storefront.url}/account/login`, {
      method: "POST",
      redirect: "manual",
      body: "customer_id=7002",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const session = /customer_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")![0];
    await fetch(`${storefront.url}/apps/assistant/conversations/abc`, { headers: { cookie: session } });
    const query = Object.fromEntries(new URL(seen.at(-1)!.url, "http://x").searchParams);
    expect(query.logged_in_customer_id).toBe("7002");
    expect(await shopify.utils.validateHmac(query as never, { signator: "appProxy" })).toBe(true);
  });

  it("streams an event stream as it arrives", async () => {
    const response = await fetch(`${storefront.url}/apps/assistant/stream`, { method: "POST", body: "{}" });
    const reader = response.body!.getReader();
    // The app ends the stream only after this first event was read here: it arrived while
    // the app's answer was still open, so the proxy passed it on instead of buffering.
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("first");
    expect(first.done).toBe(false);
    firstEventRead();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain("event: done");
  });
});
