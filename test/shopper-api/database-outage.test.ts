// The database away for a moment: every shopper route answers 503 JSON with
// Retry-After (never a 500 or a stack), writes nothing, and works again as soon as
// the database is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../app/infra/db/create-database.server";
import { isDatabaseUnavailable } from "../../app/storefront-proxy/guard.server";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { handleLead } from "../../app/leads/shopper/handle-lead.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { createShopStateCache } from "../../app/settings/shop-settings.server";
import { createHarness, readSse, signedRequest, type Harness } from "./harness";

describe("database outage", () => {
  let h: Harness;
  // Nothing listens on port 1: every query fails to connect, as during a failover.
  const down = createDatabase("postgresql://postgres@127.0.0.1:1/unreachable");
  beforeAll(async () => {
    h = await createHarness();
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(async () => {
    await down.$disconnect().catch(() => undefined);
    await h.cleanup();
  });

  it("answers 503 with Retry-After on every route, then recovers", async () => {
    const deps = { ...h.deps, db: down };
    const id = "AAAAAAAAAAAAAAAAAAAAAA";
    const calls = [
      () => handleChat(signedRequest("/chat", { body: { message: "hi" } }), deps),
      () => handleConsent(signedRequest("/consent", { body: { accepted: true } }), deps),
      () => handleLead(signedRequest("/lead", { body: { email: "a@example.com", consent: true } }), deps),
      () =>
        handleVerifyOrder(
          signedRequest("/verify-order", { body: { conversationId: id, token: "t", orderNumber: "1", email: "a@example.com" } }),
          deps,
        ),
      () => handleConversationRead(signedRequest(`/conversations/${id}`, { query: { token: "t" } }), id, deps),
    ];
    for (const call of calls) {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      const json = await response.json();
      expect(json.error.code).toBe("UNAVAILABLE");
      expect(json.error.message).not.toMatch(/postgres|prisma|ECONN/i);
    }
    const recovered = await handleConsent(signedRequest("/consent", { body: { accepted: true } }), h.deps);
    expect(recovered.status).toBe(200);
  });

  it("once a stream has started (shop state cached), ends it with UNAVAILABLE, hands out no conversation and writes nothing", async () => {
    await h.setShopSettings({ privacy: { consentRequired: false } });
    const shopStates = createShopStateCache({ ttlMs: 60_000 });
    const cached = { ...h.deps, caches: { shopStates } };
    const warm = await readSse(await handleChat(signedRequest("/chat", { body: { message: "hi" } }), cached));
    expect(warm.at(-1)?.event).toBe("done");
    const before = { conversations: await h.database.db.conversation.count(), messages: await h.database.db.message.count() };

    // The shop comes from the cache, so the route starts the stream; the turn's first write
    // (the new conversation with the shopper's message, one transaction) then fails.
    const response = await handleChat(signedRequest("/chat", { body: { message: "are you there?" } }), { ...cached, db: down });
    expect(response.status).toBe(200);
    const events = await readSse(response);
    expect(events.map((e) => e.event)).toEqual(["error"]);
    expect(events[0]!.data).toMatchObject({ code: "UNAVAILABLE", message: expect.not.stringMatching(/postgres|prisma|ECONN/i) });
    expect({ conversations: await h.database.db.conversation.count(), messages: await h.database.db.message.count() }).toEqual(before);

    const recovered = await readSse(await handleChat(signedRequest("/chat", { body: { message: "hi again" } }), cached));
    expect(recovered.map((e) => e.event)).toContain("conversation");
    expect(recovered.at(-1)?.event).toBe("done");
  });

  it("recognises connection failures as an outage", async () => {
    const error = await down.shop.findUnique({ where: { shop: "x" } }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
  });
});
