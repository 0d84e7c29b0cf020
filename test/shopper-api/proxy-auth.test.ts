// Every shopper route verifies Shopify's app-proxy signature first and takes the shop
// and customer only from the signed query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { handleLead } from "../../app/leads/shopper/handle-lead.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { handleConversationExport } from "../../app/privacy/shopper/handle-conversation-export.server";
import { handleConversationDelete } from "../../app/privacy/shopper/handle-conversation-delete.server";
import type { ChatApiDeps as ShopperApiDeps } from "../../app/conversations/shopper/chat-turn";
import { createHarness, OTHER_SHOP, readSse, SHOP, signedRequest, type Harness, type SignedRequestOptions } from "./harness";

const routes: Array<[string, string, (r: Request, d: ShopperApiDeps) => Promise<Response>]> = [
  ["/chat", "POST", handleChat],
  ["/consent", "POST", handleConsent],
  ["/lead", "POST", handleLead],
  ["/verify-order", "POST", handleVerifyOrder],
  ["/conversations/abc", "GET", (r, d) => handleConversationRead(r, "abc", d)],
  ["/conversations/abc/export", "GET", (r, d) => handleConversationExport(r, "abc", d)],
  ["/conversations/abc/delete", "POST", (r, d) => handleConversationDelete(r, "abc", d)],
];

describe("app proxy signature", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(() => h.cleanup());

  const cases: Array<[string, SignedRequestOptions]> = [
    ["a wrong secret", { secret: "not-the-secret" }],
    ["a stale timestamp (5 minutes old)", { timestamp: Math.floor(Date.now() / 1000) - 300 }],
    ["a timestamp from the future", { timestamp: Math.floor(Date.now() / 1000) + 300 }],
    ["no signature", { tamper: (q) => q.delete("signature") }],
    ["a tampered shop", { tamper: (q) => q.set("shop", OTHER_SHOP) }],
    ["a tampered customer id", { tamper: (q) => q.set("logged_in_customer_id", "7001") }],
    ["an added parameter", { tamper: (q) => q.set("extra", "1") }],
    ["a duplicated shop", { tamper: (q) => q.append("shop", OTHER_SHOP) }],
    ["no query at all", { tamper: (q) => [...q.keys()].forEach((k) => q.delete(k)) }],
  ];

  for (const [path, method, handler] of routes) {
    for (const [what, options] of cases) {
      it(`${method} ${path} refuses ${what} with 401 JSON`, async () => {
        const body = method === "POST" ? { message: "hi", accepted: true } : undefined;
        const response = await handler(signedRequest(path, { method, body, ...options }), h.deps);
        expect(response.status).toBe(401);
        const json = await response.json();
        expect(json.error.code).toBe("UNAUTHORIZED");
        expect(json.error.message).toMatch(/signature/);
      });
    }
  }

  it("refuses an unknown shop and an uninstalled shop with 404, even when signed", async () => {
    const unknown = await handleChat(signedRequest("/chat", { shop: "nobody.myshopify.com", body: { message: "hi" } }), h.deps);
    expect(unknown.status).toBe(404);
    await h.database.db.shop.update({ where: { shop: OTHER_SHOP }, data: { uninstalledAt: new Date() } });
    const uninstalled = await handleChat(signedRequest("/chat", { shop: OTHER_SHOP, body: { message: "hi" } }), h.deps);
    expect(uninstalled.status).toBe(404);
    expect((await uninstalled.json()).error.message).toMatch(/not available/);
  });

  it("takes the shop and the customer from the signed query, not from headers or the body", async () => {
    let seen: { shop: string; customerId?: string } | undefined;
    const deps: ShopperApiDeps = {
      ...h.deps,
      chatTurn: async function* ({ shop, scope }) {
        seen = { shop: shop.shop, customerId: scope.customerId };
        yield { type: "done", messageId: "m", mode: "basic" };
      },
    };
    const request = signedRequest("/chat", {
      customerId: "7001",
      body: { message: "hi", shop: OTHER_SHOP, logged_in_customer_id: "9999", customerId: "9999" },
      headers: { "x-shopify-shop-domain": OTHER_SHOP, "x-customer-id": "9999" },
    });
    const response = await handleChat(request, deps);
    expect(response.status).toBe(200);
    await readSse(response);
    expect(seen).toEqual({ shop: SHOP, customerId: "7001" });
    const stored = await h.database.db.conversation.findMany({ where: { shop: OTHER_SHOP } });
    expect(stored).toHaveLength(0);
  });

  it("answers 405 JSON to the wrong method", async () => {
    const response = await handleChat(signedRequest("/chat", { method: "PUT", body: { message: "x" } }), h.deps);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  });
});
