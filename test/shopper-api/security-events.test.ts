// Security events of the shopper API (card numbers that reached /chat, 429 answers)
// written through the real proxy handlers, and the admin's incident alerts they
// raise (app/admin/incidents.server.ts): each alert provoked the way a shopper or
// an attacker would provoke it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { detectAlerts } from "../../app/incidents/incidents.server";
import { CARD_BLOCKED_SPIKE, RATE_LIMITED_SPIKE, VERIFY_FAILED_BURST } from "../../app/incidents/incident-rules";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import type { Database } from "../../app/infra/db/create-database.server";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import type { ChatApiDeps as ShopperApiDeps } from "../../app/conversations/shopper/chat-turn";
import { createHarness, readSse, SHOP, signedRequest, type Harness } from "./harness";

const CARD = "my card is 4242 4242 4242 4242, exp 12/29";
const noOrders: AdminGraphql = async () => ({ ok: true, data: { orders: { nodes: [] } } });

const events = (h: Harness, kind: string) =>
  h.database.db.shopEvent.findMany({ where: { shop: SHOP, kind }, select: { conversationId: true } });

/** The same database, except that every ShopEvent insert fails. */
function withFailingEventWrites(db: Database): Database {
  const failing = { create: async () => Promise.reject(new Error("events table is gone")) };
  return new Proxy(db, {
    get(target, property) {
      if (property === "shopEvent") return failing;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The status, once the whole answer was read (a stream left running would outlive the test's database). */
async function statusOfWholeAnswer(answer: Promise<Response>): Promise<number> {
  const response = await answer;
  await response.text();
  return response.status;
}

async function consent(h: Harness, ip?: string) {
  const response = await handleConsent(signedRequest("/consent", { body: { accepted: true }, ip }), h.deps);
  return (await response.json()).conversation as { id: string; token: string };
}

describe("shopper API security events", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ admin: noOrders, env: { RATE_LIMIT_CONVERSATION_PER_MINUTE: "2", RATE_LIMIT_IP_PER_MINUTE: "1000" } });
  });
  afterAll(() => h.cleanup());
  beforeEach(async () => {
    await h.database.db.shopEvent.deleteMany();
    await h.setShopSettings({ privacy: { consentRequired: true } });
  });
  afterEach(() => vi.restoreAllMocks());

  it("records card_blocked before redaction, even without consent, with no conversation id when none is stored", async () => {
    const response = await handleChat(signedRequest("/chat", { body: { message: CARD }, ip: "198.51.100.20" }), h.deps);
    expect(response.status).toBe(200);
    await readSse(response);
    expect(await events(h, "card_blocked")).toEqual([{ conversationId: null }]);
    expect(await h.database.db.conversation.count({ where: { shop: SHOP } })).toBe(0);

    const c = await consent(h, "198.51.100.20");
    const body = { conversationId: c.id, conversationToken: c.token, message: CARD };
    await readSse(await handleChat(signedRequest("/chat", { body, ip: "198.51.100.20" }), h.deps));
    await readSse(await handleChat(signedRequest("/chat", { body: { ...body, message: "no card here: order 1001" } }), h.deps));
    expect(await events(h, "card_blocked")).toEqual([{ conversationId: null }, { conversationId: c.id }]);
  });

  it("records rate_limited for a conversation's turn limit, with the conversation id", async () => {
    const c = await consent(h);
    const body = { conversationId: c.id, conversationToken: c.token, message: "hello" };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push(await statusOfWholeAnswer(handleChat(signedRequest("/chat", { body }), h.deps)));
    expect(statuses).toEqual([200, 200, 429]);
    expect(await events(h, "rate_limited")).toEqual([{ conversationId: c.id }]);
  });

  it("records rate_limited for blocked order verification", async () => {
    const c = await consent(h, "192.0.2.40");
    const verify = () =>
      handleVerifyOrder(
        signedRequest("/verify-order", {
          ip: "192.0.2.40",
          body: { conversationId: c.id, token: c.token, orderNumber: "1001", email: "x@example.com" },
        }),
        h.deps,
      );
    for (let i = 0; i < 5; i++) expect((await verify()).status).toBe(422);
    expect((await verify()).status).toBe(429);
    expect(await events(h, "rate_limited")).toEqual([{ conversationId: c.id }]);
  });

  it("never turns an answer into a 5xx when the event cannot be written", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const deps: ShopperApiDeps = { ...h.deps, db: withFailingEventWrites(h.database.db) };
    const chat = await handleChat(signedRequest("/chat", { body: { message: CARD } }), deps);
    expect(chat.status).toBe(200);
    expect((await readSse(chat)).map((e) => e.event)).toContain("done");

    const c = await consent(h);
    const body = { conversationId: c.id, conversationToken: c.token, message: "hi" };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push(await statusOfWholeAnswer(handleChat(signedRequest("/chat", { body }), deps)));
    expect(statuses).toEqual([200, 200, 429]);
    expect(await h.database.db.shopEvent.count()).toBe(0);
    expect(error.mock.calls.map((call) => String(call[0]))).toEqual([
      "[shopper-api] could not record a card_blocked event (Error)",
      "[shopper-api] could not record a rate_limited event (Error)",
    ]);
  });
});

describe("incident alerts provoked through the shopper API", () => {
  let h: Harness;
  const clock = { now: () => new Date() };
  beforeAll(async () => {
    h = await createHarness({
      admin: noOrders,
      env: { RATE_LIMIT_IP_PER_MINUTE: "5", RATE_LIMIT_VERIFY_FAILURES_PER_HOUR: "1000" },
    });
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(() => h.cleanup());
  const alertKinds = async () => (await detectAlerts({ db: h.database.db, clock }, SHOP)).map((a) => a.kind);

  it("raises the card-number alert after a spike of card numbers sent to /chat", async () => {
    for (let i = 0; i < CARD_BLOCKED_SPIKE.count - 1; i++) {
      await readSse(await handleChat(signedRequest("/chat", { body: { message: CARD }, ip: `198.51.100.${i}` }), h.deps));
    }
    expect(await alertKinds()).not.toContain("card_blocked");
    await readSse(await handleChat(signedRequest("/chat", { body: { message: CARD }, ip: "198.51.100.99" }), h.deps));
    const alert = (await detectAlerts({ db: h.database.db, clock }, SHOP)).find((a) => a.kind === "card_blocked");
    expect(alert).toMatchObject({ count: CARD_BLOCKED_SPIKE.count, windowMinutes: CARD_BLOCKED_SPIKE.windowMinutes, actor: null });
  });

  it("raises the rate-limit alert after a burst of 429 answers", async () => {
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    for (let i = 0; i < 5 + RATE_LIMITED_SPIKE.count; i++) {
      statuses.push((await handleConversationRead(signedRequest("/conversations/abc", { ip }), "abc", h.deps)).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(RATE_LIMITED_SPIKE.count);
    const alert = (await detectAlerts({ db: h.database.db, clock }, SHOP)).find((a) => a.kind === "rate_limited");
    expect(alert).toMatchObject({ count: RATE_LIMITED_SPIKE.count, windowMinutes: RATE_LIMITED_SPIKE.windowMinutes, actor: null });
  });

  it("raises the verification alert after a burst of failed guest verifications", async () => {
    const body = { orderNumber: "1001", email: "guess@example.com" };
    const first = await (await handleVerifyOrder(signedRequest("/verify-order", { ip: "192.0.2.1", body }), h.deps)).json();
    expect(first.error.code).toBe("VERIFICATION_FAILED");
    expect(await alertKinds()).not.toContain("verify_failed");
    for (let i = 2; i <= VERIFY_FAILED_BURST.count; i++) {
      // A fresh conversation per guess (a guest without one gets one), each from its own IP:
      // the per-conversation and per-IP limits do not stop a spread-out attack, the alert does.
      const status = (await handleVerifyOrder(signedRequest("/verify-order", { ip: `192.0.2.${i}`, body }), h.deps)).status;
      expect(status).toBe(422);
    }
    const alert = (await detectAlerts({ db: h.database.db, clock }, SHOP)).find((a) => a.kind === "verify_failed");
    expect(alert).toMatchObject({ count: VERIFY_FAILED_BURST.count, windowMinutes: VERIFY_FAILED_BURST.windowMinutes, actor: null });
  });
});
