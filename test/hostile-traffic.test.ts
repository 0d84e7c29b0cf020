// The built app (server.ts) against hostile and broken clients, over raw sockets
// (node:net) so the test controls the connection: answers sent before the body was read
// leave the connection usable (the next request on it, and the next shopper through the
// demo storefront's pooled app proxy, is answered at once); a 50 MB chunked body gets a
// JSON 413, not a reset; errors raised below the app are JSON; the client address comes
// from the trusted hop; a client that drops mid-body is logged as such. Loopback only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoStore } from "../demo/store/load-store";
import { startStorefront } from "../demo/storefront/server";
import { startAppServer, TEST_APP_ENV, type AppServer } from "./support/app-server";
import { appProxyParams, signAppProxyQuery } from "./support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { RawConnection, requestHead } from "./support/raw-http";

const SHOP = "demo-shop.myshopify.com";
/** "At once": far below the ~6 s a stuck connection took, with room for a busy machine. */
const AT_ONCE_MS = 3_000;

const signedTarget = (path: string, extra: Record<string, string> = {}, timestamp?: number) =>
  `/proxy${path}?${signAppProxyQuery({ ...appProxyParams({ shop: SHOP, timestamp }), ...extra }, TEST_APP_ENV.SHOPIFY_API_SECRET)}`;

const healthz = requestHead("GET", "/healthz");

function expectJsonError(response: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) {
  expect(response.status, response.body).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const parsed = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe(code);
  expect(typeof parsed.error.message).toBe("string");
}

describe("hostile traffic against the built app", () => {
  let database: TestDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
    server = await startAppServer({
      DATABASE_URL: database.url,
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      RATE_LIMIT_CONCURRENT_PER_CLIENT: "1000",
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  describe("an answer sent before the body was read never poisons the connection", () => {
    const cases: Array<[string, () => string, number, string]> = [
      // Bodies above 64 KiB: the app's body stream stops reading there, which is what left
      // the connection stuck. 401: the signature is checked before the body is read.
      [
        "401 for a stale signature, 200 KB body (drained)",
        () => signedTarget("/chat", {}, Math.floor(Date.now() / 1000) - 3600),
        200_000,
        "UNAUTHORIZED",
      ],
      // 413 from the declared Content-Length, before reading.
      ["413 for a 200 KB body (drained)", () => signedTarget("/chat"), 200_000, "PAYLOAD_TOO_LARGE"],
      // 413 above the drain bound: Connection: close, and a clean close.
      ["413 for a 600 KB body (Connection: close)", () => signedTarget("/chat"), 600_000, "PAYLOAD_TOO_LARGE"],
    ];
    for (const [label, target, size, code] of cases) {
      it(`${label}: the next request is answered at once`, async () => {
        const connection = await RawConnection.open(server.url);
        try {
          const body = Buffer.alloc(size, "a");
          await connection.write(requestHead("POST", target(), { "Content-Type": "application/json", "Content-Length": size }));
          // The body keeps coming while (and after) the answer goes out.
          void connection.write(body).catch(() => undefined);
          const first = await connection.readResponse(AT_ONCE_MS);
          expectJsonError(first, code === "UNAUTHORIZED" ? 401 : 413, code);
          if (first.headers.connection === "close") {
            // Ended cleanly: the client read the whole answer, then the server's FIN (no reset).
            await connection.closed;
            expect(connection.error).toBeNull();
            const again = await RawConnection.open(server.url);
            await again.write(healthz);
            expect((await again.readResponse(AT_ONCE_MS)).status).toBe(200);
            again.destroy();
            return;
          }
          const started = Date.now();
          await connection.write(healthz);
          const next = await connection.readResponse(AT_ONCE_MS);
          expect(next.status).toBe(200);
          expect(Date.now() - started).toBeLessThan(AT_ONCE_MS);
        } finally {
          connection.destroy();
        }
      });
    }

    it("429 before the body is read (the per-minute limit): the next request is answered at once", async () => {
      const limited = await startAppServer({ DATABASE_URL: database.url, RATE_LIMIT_IP_PER_MINUTE: "1" });
      try {
        const target = () => signedTarget("/conversations/AAAAAAAAAAAAAAAAAAAAAA");
        const first = await RawConnection.open(limited.url);
        await first.write(requestHead("GET", target()));
        expect((await first.readResponse(AT_ONCE_MS)).status).toBe(404);
        const size = 200_000;
        await first.write(requestHead("POST", signedTarget("/chat"), { "Content-Type": "application/json", "Content-Length": size }));
        void first.write(Buffer.alloc(size, "b")).catch(() => undefined);
        const refused = await first.readResponse(AT_ONCE_MS);
        expectJsonError(refused, 429, "RATE_LIMITED");
        expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
        await first.write(healthz);
        expect((await first.readResponse(AT_ONCE_MS)).status).toBe(200);
        first.destroy();
      } finally {
        await limited.close();
      }
    }, 180_000); // starts an app server: tens of seconds on a busy machine

    it("a 50 MB chunked body without Content-Length gets a JSON 413 and a clean close, not a reset", async () => {
      const connection = await RawConnection.open(server.url);
      try {
        await connection.write(
          requestHead("POST", signedTarget("/chat"), { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }),
        );
        const chunk = Buffer.alloc(64 * 1024, "x");
        const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
        let answered = false;
        const answer = connection.readResponse(60_000).finally(() => (answered = true));
        // Like a client that keeps sending until it sees the answer (bounded: 50 MB).
        for (let sent = 0; sent < 50 * 1024 * 1024 && !answered && !connection.socket.destroyed; sent += chunk.length) {
          await connection.write(frame).catch(() => undefined);
        }
        const response = await answer;
        expectJsonError(response, 413, "PAYLOAD_TOO_LARGE");
        expect(response.headers.connection).toBe("close");
        connection.socket.end();
        await connection.closed;
        expect(connection.error).toBeNull();
      } finally {
        connection.destroy();
      }
    });

    it("through the demo storefront's pooled app proxy, the next shopper is answered at once (no 502)", async () => {
      const storefront = await startStorefront({
        store: loadDemoStore(),
        extensionDir: "/nonexistent",
        publicDir: "/nonexistent",
        appUrl: server.url,
        apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
        widgetConfig: async () => null,
        log: () => {},
      });
      try {
        for (let round = 0; round < 5; round++) {
          const oversized = await fetch(`${storefront.url}/apps/assistant/chat`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ message: "x".repeat(200_000) }),
          });
          expect(oversized.status).toBe(413);
          await oversized.text();
          const started = Date.now();
          const next = await fetch(`${storefront.url}/apps/assistant/conversations/AAAAAAAAAAAAAAAAAAAAAA`, {
            signal: AbortSignal.timeout(30_000),
          });
          expect(next.status).toBe(404);
          expect((await next.json()).error.code).toBe("NOT_FOUND");
          expect(Date.now() - started).toBeLessThan(AT_ONCE_MS);
        }
      } finally {
        await storefront.close();
      }
    });
  });

  describe("errors raised below the app are JSON too", () => {
    it("a path that is not valid percent-encoding: 400 JSON", async () => {
      const response = await fetch(`${server.url}/proxy/conversations/%ED%A0%80`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("BAD_REQUEST");
      const elsewhere = await fetch(`${server.url}/app/%E0%A4%A`);
      expect(elsewhere.status).toBe(400);
      expect((await elsewhere.json()).error.code).toBe("BAD_REQUEST");
      // Under the bundles' directory too (served by express-static-gzip).
      const bundle = await fetch(`${server.url}/build/_shared/%E0%A4%A.js`, { headers: { "Accept-Encoding": "br" } });
      expect(bundle.status).toBe(400);
      expect((await bundle.json()).error.code).toBe("BAD_REQUEST");
    });

    it("unknown paths under /proxy and /webhooks: 404 JSON for every method", async () => {
      for (const [method, path] of [
        ["GET", "/proxy/nope"],
        ["POST", "/proxy/chat/extra"],
        ["GET", "/proxy"],
        ["POST", "/webhooks/nope"],
        ["GET", "/webhooks/x/y"],
      ] as const) {
        const response = await fetch(`${server.url}${path}`, { method, body: method === "POST" ? "{}" : undefined });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect((await response.json()).error.code).toBe("NOT_FOUND");
      }
    });

    it("oversized headers: 431 with a JSON body; bytes that are not HTTP: 400 JSON", async () => {
      const big = await RawConnection.open(server.url);
      await big.write(requestHead("GET", "/healthz", { "X-Big": "a".repeat(20_000) }));
      expectJsonError(await big.readResponse(AT_ONCE_MS), 431, "HEADERS_TOO_LARGE");
      big.destroy();
      const garbage = await RawConnection.open(server.url);
      await garbage.write("HELLO THERE\r\n\r\n");
      expectJsonError(await garbage.readResponse(AT_ONCE_MS), 400, "BAD_REQUEST");
      garbage.destroy();
    });

    it("a declared body larger than any route takes: 413 JSON before the app runs", async () => {
      const connection = await RawConnection.open(server.url);
      await connection.write(requestHead("POST", "/webhooks/compliance", { "Content-Length": 50 * 1024 * 1024 }));
      const response = await connection.readResponse(AT_ONCE_MS);
      expectJsonError(response, 413, "PAYLOAD_TOO_LARGE");
      expect(response.headers.connection).toBe("close");
      connection.destroy();
    });
  });

  it("logs a client that drops its connection mid-body as a client abort, never as a database outage", async () => {
    const connection = await RawConnection.open(server.url);
    await connection.write(requestHead("POST", signedTarget("/chat"), { "Content-Type": "application/json", "Content-Length": 2_000 }));
    await connection.write('{"message":"hello, this body never ends');
    // Give the app time to start reading the body, then drop the connection.
    const deadline = Date.now() + 20_000;
    await new Promise((resolve) => setTimeout(resolve, 300));
    connection.destroy();
    while (!server.output().includes("client aborted") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.output()).toContain("[shopper-api] chat: client aborted");
    expect(server.output()).not.toContain("database unavailable");
  });
});

describe("the client address comes from the trusted hop, not the leftmost X-Forwarded-For", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP } });
  });
  afterAll(() => database?.cleanup());

  const read = (server: AppServer, forwardedFor: string) =>
    fetch(`${server.url}${signedTarget("/conversations/AAAAAAAAAAAAAAAAAAAAAA")}`, { headers: { "x-forwarded-for": forwardedFor } }).then(
      async (r) => {
        await r.text();
        return r.status;
      },
    );
  const randomIp = () => `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  it("TRUSTED_PROXY_HOPS=0 (default): the socket address; a new X-Forwarded-For on each request does not escape the limit", async () => {
    const server = await startAppServer({ DATABASE_URL: database.url, RATE_LIMIT_IP_PER_MINUTE: "20" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push(await read(server, `${randomIp()}, ${randomIp()}`));
      expect(statuses.filter((s) => s === 404)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    } finally {
      await server.close();
    }
  }, 180_000); // an app server and 40 requests: over a minute at load average 19

  it("TRUSTED_PROXY_HOPS=1: the entry the trusted proxy appended; what the client wrote to its left is ignored", async () => {
    const server = await startAppServer({ DATABASE_URL: database.url, RATE_LIMIT_IP_PER_MINUTE: "20", TRUSTED_PROXY_HOPS: "1" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push(await read(server, `${randomIp()}, 198.51.100.7`));
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      // Another client behind the same proxy has a budget of its own.
      expect(await read(server, "198.51.100.8")).toBe(404);
    } finally {
      await server.close();
    }
  }, 180_000);
});
