// The app proxy with several app instances (ProxyTarget.appUrls): it spreads requests over
// them, skips one whose connection is refused and sends the request to another (nothing of
// it reached the first), but never sends a request again once it reached an instance that
// then died: the shopper gets a clean error (a 502, or a cut stream) and may retry.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_IDLE_TIMEOUT_MS, appAgents, forwardToApp, upstreamLoad, type ProxyTarget } from "./app-proxy";
import { DEMO_APP_KEEP_ALIVE_MS } from "./stack/demo-stack";

interface Upstream {
  url: string;
  seen: Array<{ method: string; path: string; body: string }>;
  server: http.Server;
}

/** An app instance: answers 200 with its name; /proxy/die drops the connection once the request is in; /proxy/cut dies mid-answer. */
async function upstream(name: string): Promise<Upstream> {
  const seen: Upstream["seen"] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      seen.push({ method: req.method ?? "", path, body });
      if (path === "/proxy/die") return void req.socket.destroy();
      if (path === "/proxy/cut") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write('event: delta\ndata: {"text":"hal"}\n\n', () => setTimeout(() => req.socket.destroy(), 20));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ name, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/** A URL where nothing listens (connections are refused). */
async function refusingUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function proxyFor(appUrls: string[]): Promise<{ url: string; server: http.Server }> {
  const target: ProxyTarget = { appUrl: appUrls[0]!, appUrls, apiSecret: "s", shop: "multi.myshopify.com" };
  const server = http.createServer((req, res) => forwardToApp(target, req, res, new URL(req.url ?? "/", "http://storefront.local"), null));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const closers: Array<() => Promise<unknown>> = [];
const close = (server: http.Server) => closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
let a: Upstream, b: Upstream, c: Upstream;
beforeAll(async () => {
  [a, b, c] = await Promise.all([upstream("a"), upstream("b"), upstream("c")]);
  for (const u of [a, b, c]) close(u.server);
});
afterAll(async () => {
  for (const closer of closers) await closer();
});
const received = (path: string) => [a, b, c].flatMap((u) => u.seen.filter((s) => s.path === path));

describe("app proxy with several app instances", () => {
  it("spreads requests over the instances in turn when none is busy", async () => {
    const proxy = await proxyFor([a.url, b.url, c.url]);
    close(proxy.server);
    for (let i = 0; i < 30; i++) expect(await (await fetch(`${proxy.url}/apps/assistant/spread`)).json()).toHaveProperty("name");
    // In turn among equals: 10 each, give or take an answer whose end the proxy had not seen yet.
    const counts = [a, b, c].map((u) => u.seen.filter((s) => s.path === "/proxy/spread").length);
    expect(counts.reduce((x, y) => x + y)).toBe(30);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(8);
  });

  it("sends a POST refused by one instance to another, body and all, and skips the refusing one for a while", async () => {
    const dead = await refusingUrl();
    const proxy = await proxyFor([dead, b.url]);
    close(proxy.server);
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy.url}/apps/assistant/chat`, { method: "POST", body: `{"n":${i}}` });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ name: "b", body: `{"n":${i}}` });
    }
    const load = upstreamLoad();
    expect(load[dead]).toMatchObject({ down: true, inFlight: 0 });
    expect(load[dead]!.sent).toBe(1); // tried once, then skipped while marked down
  });

  it("closes a connection to the app that is idle for APP_IDLE_TIMEOUT_MS, sooner than the demo app closes it", async () => {
    // An instance that keeps connections as the demo app does. Node's agent also reads the
    // app's `Keep-Alive: timeout=` and closes a second before it: with the app's default 5 s
    // that is 4 s, a second of margin that a stalled process overruns.
    const app = await upstream("kept");
    app.server.keepAliveTimeout = DEMO_APP_KEEP_ALIVE_MS;
    close(app.server);
    const proxy = await proxyFor([app.url]);
    close(proxy.server);
    expect(await (await fetch(`${proxy.url}/apps/assistant/idle`)).json()).toHaveProperty("name", "kept");
    // The connection is back in the pool, with the idle timeout that makes the pool close it.
    const port = new URL(app.url).port;
    const free = Object.entries(appAgents["http:"].freeSockets)
      .filter(([name]) => name.includes(`:${port}:`))
      .flatMap(([, sockets]) => sockets ?? []);
    expect(free.length).toBe(1);
    expect(free[0]!.timeout).toBe(APP_IDLE_TIMEOUT_MS);
    // The demo app keeps a connection open well after that (a margin for a stalled process).
    expect(DEMO_APP_KEEP_ALIVE_MS - APP_IDLE_TIMEOUT_MS).toBeGreaterThanOrEqual(30_000);
  });

  it("answers 502 when every instance refuses", async () => {
    const proxy = await proxyFor([await refusingUrl(), await refusingUrl()]);
    close(proxy.server);
    const response = await fetch(`${proxy.url}/apps/assistant/chat`, { method: "POST", body: "{}" });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_GATEWAY" } });
  });

  it("never sends a request again once it reached an instance that died: a clean 502", async () => {
    const proxy = await proxyFor([a.url, b.url, c.url]);
    close(proxy.server);
    const response = await fetch(`${proxy.url}/apps/assistant/die`, { method: "POST", body: '{"message":"once"}' });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_GATEWAY" } });
    expect(received("/proxy/die")).toHaveLength(1);
    const getResponse = await fetch(`${proxy.url}/apps/assistant/die`);
    expect(getResponse.status).toBe(502);
    expect(received("/proxy/die")).toHaveLength(2);
  });

  it("cuts the shopper's stream when the instance dies in the middle of its answer", async () => {
    const proxy = await proxyFor([a.url, b.url, c.url]);
    close(proxy.server);
    const response = await fetch(`${proxy.url}/apps/assistant/cut`, { method: "POST", body: "{}" });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(received("/proxy/cut")).toHaveLength(1);
  });
});
