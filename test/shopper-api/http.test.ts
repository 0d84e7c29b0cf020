// The shopper API over HTTP through the built app (server.ts, as in production) with
// the OpenAI-compatible fake as the model: real SSE framing through express, no
// buffering (a heartbeat reaches the client while the model is still silent), and
// signature checks before anything else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiFake, type OpenAiFake } from "../../demo/openai-fake/server";
import { startAppServer, TEST_APP_ENV, type AppServer } from "../support/app-server";
import { appProxyParams, signAppProxyQuery } from "../support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { parseSse } from "./harness";

const SHOP = "demo-shop.myshopify.com";

describe("shopper API over HTTP", () => {
  let database: TestDatabase;
  let fake: OpenAiFake;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
    fake = await startOpenAiFake({
      brain: (body) => {
        const last = body.messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
        return /slow/.test(last) ? { fault: "hang" } : { text: "Hello from the fake model. We have trail boots in stock." };
      },
    });
    server = await startAppServer({
      DATABASE_URL: database.url,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseUrl,
      SSE_HEARTBEAT_MS: "100",
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
    await database?.cleanup();
  });

  const url = (path: string, extra: Record<string, string> = {}, secret: string = TEST_APP_ENV.SHOPIFY_API_SECRET) =>
    `${server.url}/proxy${path}?${signAppProxyQuery({ ...appProxyParams({ shop: SHOP }), ...extra }, secret)}`;
  const post = (path: string, body: unknown, init: RequestInit = {}) =>
    fetch(url(path), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.50" },
      body: JSON.stringify(body),
      ...init,
    });

  it("streams a turn as SSE with anti-buffering headers, then serves the stored transcript", async () => {
    const response = await post("/chat", { message: "Do you have boots?" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("content-encoding")).toBeNull();
    const events = parseSse(await response.text());
    expect(events[0]!.event).toBe("conversation");
    expect(events.filter((e) => e.event === "delta").length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ event: "done", data: { mode: "ai" } });
    const { id, token } = events[0]!.data as { id: string; token: string };

    const read = await fetch(url(`/conversations/${id}`), { headers: { "X-Conversation-Token": token } });
    expect(read.status).toBe(200);
    const transcript = await read.json();
    expect(transcript.messages.map((m: { role: string }) => m.role)).toEqual(["shopper", "assistant"]);
    expect(transcript.messages[1].text).toContain("trail boots");
  });

  it("flushes heartbeats while the model is silent, and survives the shopper leaving", async () => {
    const client = new AbortController();
    const response = await post("/chat", { message: "a slow question" }, { signal: client.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const started = Date.now();
    while (!/: ping\n\n[\s\S]*: ping\n\n/.test(text)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain("event: conversation");
    expect(text).not.toContain("event: done");
    expect(Date.now() - started).toBeLessThan(5_000);
    client.abort();
    await reader.cancel().catch(() => undefined);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("refuses bad signatures, wrong methods and oversized messages with JSON", async () => {
    const forged = await fetch(url("/chat", {}, "wrong-secret"), { method: "POST", body: JSON.stringify({ message: "hi" }) });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe("UNAUTHORIZED");
    const get = await fetch(url("/chat"));
    expect(get.status).toBe(405);
    expect((await get.json()).error.code).toBe("METHOD_NOT_ALLOWED");
    const long = await post("/chat", { message: "x".repeat(1001) });
    expect(long.status).toBe(413);
    expect((await long.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
