// POST /verify-order and POST /lead: generic failures, rate limits per conversation
// and per IP, hashes instead of plaintext, only the fields the merchant collects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import { ORDER_FOR_GUEST_VERIFICATION } from "../../app/orders/operations";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleLead } from "../../app/leads/shopper/handle-lead.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { createHarness, SHOP, signedRequest, type Harness } from "./harness";
import { scanTablesFor } from "./raw-rows";

const ORDERS = [{ id: "gid://shopify/Order/5001", name: "#1001", email: "Alice@Example.com" }];
const queries: Array<Record<string, unknown> | undefined> = [];
const admin: AdminGraphql = async (operation, variables) => {
  expect(operation).toBe(ORDER_FOR_GUEST_VERIFICATION);
  queries.push(variables);
  const digits = String(variables?.query).replace(/^name:#/, "");
  return { ok: true, data: { orders: { nodes: ORDERS.filter((o) => o.name === `#${digits}`) } } };
};

describe("guest order verification and leads", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ admin });
  });
  afterAll(() => h.cleanup());
  beforeEach(async () => {
    await h.setShopSettings({ privacy: { consentRequired: true } });
  });

  async function newConversation(ip?: string): Promise<{ id: string; token: string }> {
    const response = await handleConsent(signedRequest("/consent", { body: { accepted: true }, ip }), h.deps);
    return (await response.json()).conversation;
  }
  const verify = (c: { id: string; token: string }, orderNumber: string, email: string, ip?: string) =>
    handleVerifyOrder(signedRequest("/verify-order", { ip, body: { conversationId: c.id, token: c.token, orderNumber, email } }), h.deps);

  it("verifies the right pair, binds the order with hashes only, and fails generically otherwise", async () => {
    const c = await newConversation("198.51.100.1");
    const wrongEmail = await verify(c, "#1001", "bob@example.com", "198.51.100.1");
    const wrongOrder = await verify(c, "1999", "alice@example.com", "198.51.100.1");
    expect(wrongEmail.status).toBe(422);
    expect(wrongOrder.status).toBe(422);
    expect(await wrongEmail.text()).toBe(await wrongOrder.text());

    const ok = await verify(c, " #1001 ", "alice@EXAMPLE.com", "198.51.100.1");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ verified: true, order: { name: "#1001" } });
    const row = await h.database.db.conversation.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.verifiedOrderEnc).toMatch(/^v1\./);
    expect(row.verifiedOrderHash).toBe(h.deps.vault.hash("order", "5001"));
    expect(row.verifiedEmailHash).toBe(h.deps.vault.hash("email", "alice@example.com"));
    const attempts = await h.database.db.orderVerification.findMany({ where: { conversationId: c.id } });
    expect(attempts.map((a) => a.success).sort()).toEqual([false, false, true]);
    expect(await h.database.db.shopEvent.count({ where: { kind: "verify_failed", conversationId: c.id } })).toBe(2);
    expect(await scanTablesFor(h, ["alice@example.com", "Alice@Example.com", "198.51.100.1"])).toEqual([]);
  });

  it("allows 5 failures per conversation per hour, then 429 with Retry-After (even for the right pair)", async () => {
    const c = await newConversation();
    for (let i = 0; i < 5; i++) expect((await verify(c, "#1001", `wrong${i}@example.com`, `192.0.2.${i}`)).status).toBe(422);
    const blocked = await verify(c, "#1001", "alice@example.com", "192.0.2.99");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect((await blocked.json()).error.code).toBe("RATE_LIMITED");
  });

  it("allows 5 failures per IP per hour across conversations", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i < 5; i++) {
      const c = await newConversation();
      expect((await verify(c, "#1001", `nope${i}@example.com`, ip)).status).toBe(422);
    }
    const fresh = await newConversation();
    const blocked = await verify(fresh, "#1001", "alice@example.com", ip);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await verify(fresh, "#1001", "alice@example.com", "192.0.2.201")).status).toBe(200);
  });

  it("respects the merchant's order settings and the shopper's consent", async () => {
    const c = await newConversation();
    await h.setShopSettings({ privacy: { consentRequired: true, orderVerification: "logged_in" } });
    const loggedInOnly = await verify(c, "#1001", "alice@example.com");
    expect(loggedInOnly.status).toBe(403);
    expect((await loggedInOnly.json()).error.message).toMatch(/log in/);
    await h.setShopSettings({ privacy: { consentRequired: true, orderLookup: false } });
    expect((await verify(c, "#1001", "alice@example.com")).status).toBe(403);
    await h.setShopSettings({ privacy: { consentRequired: true } });
    await handleConsent(signedRequest("/consent", { body: { conversationId: c.id, token: c.token, accepted: false } }), h.deps);
    const declined = await verify(c, "#1001", "alice@example.com");
    expect(declined.status).toBe(403);
    expect((await declined.json()).error.code).toBe("CONSENT_REQUIRED");
    expect(await h.database.db.orderVerification.count({ where: { conversationId: c.id } })).toBe(0);
  });

  it("starts a conversation for a guest who verifies before chatting, only when storing is allowed", async () => {
    const body = { orderNumber: "#1001", email: "alice@example.com" };
    const before = await h.database.db.conversation.count();
    const refused = await handleVerifyOrder(signedRequest("/verify-order", { body, ip: "192.0.2.150" }), h.deps);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("CONSENT_REQUIRED");
    expect(await h.database.db.conversation.count()).toBe(before);

    await h.setShopSettings({ privacy: { consentRequired: false } });
    const ok = await handleVerifyOrder(signedRequest("/verify-order", { body, ip: "192.0.2.150" }), h.deps);
    expect(ok.status).toBe(200);
    const answer = await ok.json();
    expect(answer.order).toEqual({ name: "#1001" });
    const row = await h.database.db.conversation.findUniqueOrThrow({ where: { id: answer.conversation.id } });
    expect(row.verifiedOrderHash).toBe(h.deps.vault.hash("order", "5001"));
  });

  it("stores a lead with only the enabled fields, encrypted, with hashes, a handoff event and the outcome", async () => {
    await h.setShopSettings({ privacy: { consentRequired: true, leadFields: ["name", "email"] } });
    const c = await newConversation();
    const body = {
      conversationId: c.id,
      token: c.token,
      name: "Zed Lead",
      email: "zed.lead@example.com",
      phone: "+49 151 2345678",
      message: "call me about 4111 1111 1111 1111",
      consent: true,
    };
    const response = await handleLead(signedRequest("/lead", { body, customerId: "7003" }), h.deps);
    expect(response.status).toBe(201);
    const lead = await h.database.db.lead.findFirstOrThrow({ where: { conversationId: c.id } });
    expect(lead.phoneEnc).toBeNull();
    expect(lead.phoneHash).toBeNull();
    expect(lead.messageEnc).toBeNull();
    expect(h.deps.vault.decrypt(lead.nameEnc!)).toBe("Zed Lead");
    expect(h.deps.vault.decrypt(lead.emailEnc!)).toBe("zed.lead@example.com");
    expect(lead.emailHash).toBe(h.deps.vault.hash("email", "zed.lead@example.com"));
    expect(lead.customerIdHash).toBe(h.deps.vault.hash("customer", "7003"));
    expect(lead.consentText).toMatch(/version 1/);
    expect(await scanTablesFor(h, ["zed.lead@example.com", "Zed Lead", "2345678", "4111"])).toEqual([]);
    expect(await h.database.db.shopEvent.count({ where: { kind: "handoff", conversationId: c.id } })).toBe(1);
    expect((await h.database.db.conversation.findUniqueOrThrow({ where: { id: c.id } })).outcome).toBe("handed_off");
  });

  it("refuses a lead without consent: true, or without a way to reach the shopper", async () => {
    await h.setShopSettings({ privacy: { leadFields: ["name", "email", "message"] } });
    const noConsent = await handleLead(signedRequest("/lead", { body: { email: "a@example.com", consent: false } }), h.deps);
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).error.message).toMatch(/consent: must be true/);
    const missing = await handleLead(signedRequest("/lead", { body: { email: "a@example.com" } }), h.deps);
    expect(missing.status).toBe(400);
    const noContact = await handleLead(signedRequest("/lead", { body: { name: "N", consent: true } }), h.deps);
    expect(noContact.status).toBe(400);
    expect((await noContact.json()).error.message).toMatch(/email/);
    expect(await h.database.db.lead.count({ where: { shop: SHOP, nameEnc: { not: null }, emailEnc: null } })).toBe(0);
  });
});
