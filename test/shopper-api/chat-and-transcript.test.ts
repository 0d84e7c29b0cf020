// POST /chat and GET /conversations/:id: conversations owned by a secret token,
// storage only as the shop's settings and the shopper's consent allow, bad input
// answered with clear 400/413 JSON.
import { afterAll, beforeEach, beforeAll, describe, expect, it } from "vitest";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { createHarness, OTHER_SHOP, readSse, signedRequest, type Harness } from "./harness";

async function rowCounts(h: Harness) {
  const db = h.database.db;
  return {
    conversations: await db.conversation.count(),
    messages: await db.message.count(),
    events: await db.shopEvent.count(),
  };
}

async function clearRows(h: Harness) {
  const db = h.database.db;
  await db.message.deleteMany();
  await db.shopEvent.deleteMany();
  await db.conversation.deleteMany();
}

async function chat(h: Harness, body: unknown, options: Parameters<typeof signedRequest>[1] = {}) {
  const response = await handleChat(signedRequest("/chat", { body, ...options }), h.deps);
  return { response, events: response.headers.get("content-type")?.startsWith("text/event-stream") ? await readSse(response) : [] };
}

describe("POST /chat and the transcript", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.cleanup());
  beforeEach(() => clearRows(h));

  it("starts a conversation (event: conversation first), streams the turn and stores it encrypted", async () => {
    await h.setShopSettings({ privacy: { consentRequired: false } });
    const { response, events } = await chat(h, { message: "Do you have hiking boots?" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(events.map((e) => e.event)).toEqual(["conversation", "delta", "delta", "done"]);
    const { id, token } = events[0]!.data as { id: string; token: string };
    expect(Buffer.from(id, "base64url")).toHaveLength(16);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await h.database.db.conversation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.consentState).toBe("not_required");
    const messages = await h.database.db.message.findMany({ where: { conversationId: id } });
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.bodyEnc).not.toContain("hiking");

    const second = await chat(h, { conversationId: id, conversationToken: token, message: "and socks?" });
    expect(second.events.map((e) => e.event)).toEqual(["delta", "delta", "done"]);

    const read = await handleConversationRead(
      signedRequest(`/conversations/${id}`, { headers: { "X-Conversation-Token": token } }),
      id,
      h.deps,
    );
    expect(read.status).toBe(200);
    const transcript = await read.json();
    expect(transcript.messages.map((m: { role: string; text: string }) => `${m.role}:${m.text}`)).toEqual([
      "shopper:Do you have hiking boots?",
      "assistant:You said: Do you have hiking boots?",
      "shopper:and socks?",
      "assistant:You said: and socks?",
    ]);
    const viaQuery = await handleConversationRead(signedRequest(`/conversations/${id}`, { query: { token } }), id, h.deps);
    expect(viaQuery.status).toBe(200);
  });

  it("answers a wrong token, an unknown id, a missing token and another shop the same 404", async () => {
    await h.setShopSettings({ privacy: { consentRequired: false } });
    const { events } = await chat(h, { message: "hello" });
    const { id, token } = events[0]!.data as { id: string; token: string };
    const read = (convId: string, tok: string | null, shop?: string) =>
      handleConversationRead(
        signedRequest(`/conversations/${convId}`, { shop, headers: tok === null ? {} : { "X-Conversation-Token": tok } }),
        convId,
        h.deps,
      );
    const answers = [
      // The last character changed (to one it is not: a fixed "A" left 1 token in 64 unchanged).
      await read(id, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`),
      await read("AAAAAAAAAAAAAAAAAAAAAA", token),
      await read(id, null),
      await read(id, token, OTHER_SHOP),
    ];
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    const chatWrong = await chat(h, { conversationId: id, conversationToken: "wrong", message: "hi" });
    expect(chatWrong.response.status).toBe(404);
    expect(await chatWrong.response.text()).toBe(bodies[0]);
  });

  it("keeps a logged-in customer's conversation from another customer and from guests on the same browser", async () => {
    await h.setShopSettings({ privacy: { consentRequired: false } });
    const { events } = await chat(h, { message: "where is my order" }, { customerId: "7001" });
    const { id, token } = events[0]!.data as { id: string; token: string };
    const read = (customerId?: string) =>
      handleConversationRead(signedRequest(`/conversations/${id}`, { customerId, query: { token } }), id, h.deps);
    expect((await read("7001")).status).toBe(200);
    expect((await read("7002")).status).toBe(404);
    expect((await read()).status).toBe(404);
  });

  it("stores nothing before consent when the shop requires it, and stores after /consent accepted", async () => {
    await h.setShopSettings({ privacy: { consentRequired: true } });
    const before = await chat(h, { message: "my email is a@b.example" });
    expect(before.response.status).toBe(200);
    expect(before.events.map((e) => e.event)).toEqual(["delta", "delta", "done"]);
    expect(await rowCounts(h)).toEqual({ conversations: 0, messages: 0, events: 0 });

    const declined = await handleConsent(signedRequest("/consent", { body: { accepted: false } }), h.deps);
    expect(await declined.json()).toEqual({ consent: "declined", conversation: null, stored: false });
    expect(await rowCounts(h)).toEqual({ conversations: 0, messages: 0, events: 0 });

    const accepted = await handleConsent(signedRequest("/consent", { body: { accepted: true } }), h.deps);
    const answer = await accepted.json();
    expect(answer.consent).toBe("accepted");
    const { id, token } = answer.conversation;
    const row = await h.database.db.conversation.findUniqueOrThrow({ where: { id } });
    expect(row.consentState).toBe("accepted");
    expect(row.consentNoticeVersion).toBe(1);
    expect(row.consentAt).toBeInstanceOf(Date);

    await chat(h, { conversationId: id, conversationToken: token, message: "now keep it" });
    expect((await rowCounts(h)).messages).toBe(2);

    // Withdrawing consent deletes what was kept and keeps nothing afterwards.
    await handleConsent(signedRequest("/consent", { body: { conversationId: id, token, accepted: false } }), h.deps);
    expect((await rowCounts(h)).messages).toBe(0);
    const after = await chat(h, { conversationId: id, conversationToken: token, message: "still there?" });
    expect(after.events.at(-1)!.event).toBe("done");
    expect((await rowCounts(h)).messages).toBe(0);
  });

  it("keeps no messages when the merchant keeps no transcripts, and nothing while the shop is paused", async () => {
    await h.setShopSettings({ privacy: { consentRequired: false, keepTranscripts: false } });
    const off = await chat(h, { message: "hello" });
    expect(off.events[0]!.event).toBe("conversation");
    expect(await rowCounts(h)).toMatchObject({ conversations: 1, messages: 0 });

    await clearRows(h);
    await h.setShopSettings({ privacy: { consentRequired: false } });
    await h.database.db.shop.update({ where: { shop: "demo-shop.myshopify.com" }, data: { paused: true } });
    const paused = await chat(h, { message: "hello" });
    expect(paused.events.map((e) => e.event)).toEqual(["delta", "delta", "done"]);
    expect(await rowCounts(h)).toEqual({ conversations: 0, messages: 0, events: 0 });
    await h.database.db.shop.update({ where: { shop: "demo-shop.myshopify.com" }, data: { paused: false } });
  });

  it("answers 413 to a message over 1000 characters and to a huge body, 400 with a clear message to bad input", async () => {
    await h.setShopSettings({ privacy: { consentRequired: false } });
    const long = await chat(h, { message: "x".repeat(1001) });
    expect(long.response.status).toBe(413);
    expect((await long.response.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/message/) });
    expect((await chat(h, { message: "x".repeat(1000) })).response.status).toBe(200);

    const huge = await handleChat(
      signedRequest("/chat", { rawBody: JSON.stringify({ message: "a", pad: "x".repeat(5_000_000) }) }),
      h.deps,
    );
    expect(huge.status).toBe(413);

    const cases: Array<[string | Uint8Array, RegExp]> = [
      ["{not json", /JSON/],
      ["[]", /body/],
      [JSON.stringify({ message: 42 }), /message: .*string/],
      [JSON.stringify({}), /message/],
      [JSON.stringify({ message: "   " }), /message: must not be empty/],
      [JSON.stringify({ message: "hi", conversationId: "abc" }), /conversationToken/],
      [JSON.stringify({ message: "hi", locale: "<script>" }), /locale/],
      [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /UTF-8/],
    ];
    for (const [rawBody, message] of cases) {
      const response = await handleChat(signedRequest("/chat", { rawBody }), h.deps);
      expect(response.status, String(rawBody)).toBe(400);
      const json = await response.json();
      expect(json.error.code).toBe("BAD_REQUEST");
      expect(json.error.message).toMatch(message);
      expect(json.error.message).not.toMatch(/at .*\.ts|Error:/);
    }
  });
});
