// POST /proxy/chat is served by server.ts straight from the chat handler, without Remix's
// request handling (app/composition/direct-routes.server.ts). The same requests sent to a
// server with the direct route and to one without it (SERVER_DIRECT_ROUTES_OFF=1, every
// request through Remix) get the same answers: status, the headers a client reads, the
// JSON error codes, the SSE events (only a small JSON error is gzipped on the Remix path
// and not on the direct one). And the direct route is really taken: a JSON error
// from it has not been through the compression middleware (no `Vary: Accept-Encoding`).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiFake, type OpenAiFake } from "../demo/openai-fake/server";
import { startAppServer, TEST_APP_ENV, type AppServer } from "./support/app-server";
import { appProxyParams, signAppProxyQuery } from "./support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { parseSse } from "./shopper-api/harness";

const SHOP = "demo-shop.myshopify.com";

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  /** The JSON error code, or the SSE event names in order (the text of deltas left out). */
  body: unknown;
}

describe("the chat route served directly and through Remix", () => {
  let database: TestDatabase;
  let fake: OpenAiFake;
  let direct: AppServer;
  let viaRemix: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
    fake = await startOpenAiFake({ brain: () => ({ text: "We have trail boots in sizes 38 to 46." }) });
    const env = { DATABASE_URL: database.url, OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseUrl };
    [direct, viaRemix] = await Promise.all([startAppServer(env), startAppServer({ ...env, SERVER_DIRECT_ROUTES_OFF: "1" })]);
  });
  afterAll(async () => {
    await Promise.all([direct?.close(), viaRemix?.close()]);
    await fake?.close();
    await database?.cleanup();
  });

  const signed = (extra: Record<string, string> = {}, secret: string = TEST_APP_ENV.SHOPIFY_API_SECRET) =>
    String(signAppProxyQuery({ ...appProxyParams({ shop: SHOP }), ...extra }, secret));

  async function send(server: AppServer, path: string, init: RequestInit & { query?: string }): Promise<Answer> {
    const response = await fetch(`${server.url}${path}?${init.query ?? signed()}`, {
      ...init,
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.60", "accept-encoding": "gzip", ...init.headers },
    });
    const type = response.headers.get("content-type") ?? "";
    const text = await response.text();
    const body = type.startsWith("text/event-stream")
      ? parseSse(text).map((e) => e.event)
      : type.startsWith("application/json")
        ? (JSON.parse(text) as { error?: { code?: string } }).error?.code
        : text;
    const headers: Answer["headers"] = {};
    // Not content-encoding: through Remix the compression middleware gzips a small JSON error; the direct route sends it as it is.
    for (const name of ["content-type", "cache-control", "x-accel-buffering", "retry-after"]) headers[name] = response.headers.get(name);
    return { status: response.status, headers, body };
  }

  const cases: Array<[string, string, RequestInit & { query?: string }]> = [
    ["a turn that opens a conversation", "/proxy/chat", { method: "POST", body: JSON.stringify({ message: "Do you have boots?" }) }],
    ["the path with a trailing slash and in capitals", "/PROXY/Chat/", { method: "POST", body: JSON.stringify({ message: "Boots?" }) }],
    ["a forged signature", "/proxy/chat", { method: "POST", body: JSON.stringify({ message: "hi" }), query: signed({}, "wrong-secret") }],
    ["no signature at all", "/proxy/chat", { method: "POST", body: JSON.stringify({ message: "hi" }), query: "shop=" + SHOP }],
    ["a body that is not JSON", "/proxy/chat", { method: "POST", body: "{not json" }],
    ["an empty message", "/proxy/chat", { method: "POST", body: JSON.stringify({ message: "   " }) }],
    ["a message too long", "/proxy/chat", { method: "POST", body: JSON.stringify({ message: "x".repeat(20_000) }) }],
    ["an id without its token", "/proxy/chat", { method: "POST", body: JSON.stringify({ message: "hi", conversationId: "a".repeat(22) }) }],
    [
      "a conversation that does not exist",
      "/proxy/chat",
      {
        method: "POST",
        body: JSON.stringify({ message: "hi", conversationId: "a".repeat(22), conversationToken: "b".repeat(43) }),
      },
    ],
    ["GET (still Remix's loader in both)", "/proxy/chat", { method: "GET" }],
  ];

  it.each(cases)("%s: the same answer both ways", async (_name, path, init) => {
    const [a, b] = await Promise.all([send(direct, path, init), send(viaRemix, path, init)]);
    expect(a).toEqual(b);
    expect(a.status).toBeLessThan(500);
  });

  it("a stored turn through the direct route is stored and continues through Remix (and back)", async () => {
    const first = await fetch(`${direct.url}/proxy/chat?${signed()}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "Do you have boots?" }),
    });
    const events = parseSse(await first.text());
    const { id, token } = events[0]!.data as { id: string; token: string };
    const second = await send(viaRemix, "/proxy/chat", {
      method: "POST",
      body: JSON.stringify({ message: "In size 44?", conversationId: id, conversationToken: token }),
    });
    expect(second.body).toEqual(expect.arrayContaining(["delta", "done"]));
    const third = await send(direct, "/proxy/chat", {
      method: "POST",
      body: JSON.stringify({ message: "Thanks", conversationId: id, conversationToken: token }),
    });
    expect(third.body).toEqual(expect.arrayContaining(["delta", "done"]));
    const stored = await database.db.message.count({ where: { conversationId: id } });
    expect(stored).toBe(6);
  });

  it("takes the direct route when it is on (a JSON error skips the compression middleware and its Vary header)", async () => {
    const init = { method: "POST", headers: { "content-type": "application/json", "accept-encoding": "gzip" }, body: "{not json" };
    const [a, b] = await Promise.all([
      fetch(`${direct.url}/proxy/chat?${signed()}`, init),
      fetch(`${viaRemix.url}/proxy/chat?${signed()}`, init),
    ]);
    expect(a.status).toBe(400);
    expect(b.status).toBe(400);
    expect(a.headers.get("vary")).toBeNull();
    expect(b.headers.get("vary")).toMatch(/accept-encoding/i);
  });
});
