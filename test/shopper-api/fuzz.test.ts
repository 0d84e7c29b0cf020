// Hostile input across every shopper route (issue 7): at least 10,000 generated
// malformed requests (wrong types, huge and broken bodies, bad unicode, missing
// fields, bad or stale signatures, tampered parameters, wrong methods). Not one 5xx;
// every error is JSON `{error: {code, message}}` with a message. Runs in-process
// against the real handlers so it stays fast.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import type { ChatApiDeps as ShopperApiDeps } from "../../app/conversations/shopper/chat-turn";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { handleLead } from "../../app/leads/shopper/handle-lead.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { handleConversationExport } from "../../app/privacy/shopper/handle-conversation-export.server";
import { createHarness, OTHER_SHOP, SHOP, signedRequest, type Harness, type SignedRequestOptions } from "./harness";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const admin: AdminGraphql = async () => ({
  ok: true,
  data: { orders: { nodes: [{ id: "gid://shopify/Order/1", name: "#1001", email: "a@example.com" }] } },
});

type Route = { path: (id: string) => string; handle: (r: Request, id: string, d: ShopperApiDeps) => Promise<Response> };
const ROUTES: Record<string, Route> = {
  chat: { path: () => "/chat", handle: (r, _id, d) => handleChat(r, d) },
  consent: { path: () => "/consent", handle: (r, _id, d) => handleConsent(r, d) },
  lead: { path: () => "/lead", handle: (r, _id, d) => handleLead(r, d) },
  verify: { path: () => "/verify-order", handle: (r, _id, d) => handleVerifyOrder(r, d) },
  read: { path: (id) => `/conversations/${encodeURIComponent(id)}`, handle: (r, id, d) => handleConversationRead(r, id, d) },
  // Read-only; POST /conversations/:id/delete is left out so the known conversations
  // stay for the other routes (its refusals: shopper-export-delete.test.ts, proxy-auth.test.ts).
  export: { path: (id) => `/conversations/${encodeURIComponent(id)}/export`, handle: (r, id, d) => handleConversationExport(r, id, d) },
};
const GET_ROUTES = new Set(["read", "export"]);

describe("fuzzing the shopper API", () => {
  let h: Harness;
  const known: Array<{ id: string; token: string }> = [];

  beforeAll(async () => {
    h = await createHarness({
      admin,
      env: {
        RATE_LIMIT_IP_PER_MINUTE: "100000000",
        RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
        RATE_LIMIT_CONVERSATION_PER_MINUTE: "100000000",
      },
    });
    await h.setShopSettings({ privacy: { consentRequired: false, leadFields: ["name", "email", "phone", "message"] } });
    for (let i = 0; i < 3; i++) {
      const response = await handleConsent(signedRequest("/consent", { body: { accepted: true } }), h.deps);
      known.push((await response.json()).conversation);
    }
  });
  afterAll(() => h.cleanup());

  it(`answers ${RUNS} malformed requests without a 5xx, every error as JSON with a message`, async () => {
    const ref = fc.oneof(
      fc.constantFrom(...known.map((k) => ({ conversationId: k.id, token: k.token, conversationToken: k.token }))),
      fc.record(
        { conversationId: fc.string({ maxLength: 120 }), token: fc.string({ maxLength: 250 }), conversationToken: fc.string() },
        { requiredKeys: [] },
      ),
    );
    const oddValue = fc.oneof(
      fc.string({ maxLength: 1200 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.constantFrom("\ud800", "\udfff\ud800", "\u0000", "#1001", "a@example.com", "x".repeat(1001), "4111 1111 1111 1111"),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    );
    const fieldNames = [
      "message",
      "locale",
      "accepted",
      "consent",
      "orderNumber",
      "email",
      "name",
      "phone",
      "conversationId",
      "token",
      "conversationToken",
      "__proto__",
      "constructor",
    ];
    const jsonBody = fc
      .tuple(ref, fc.dictionary(fc.constantFrom(...fieldNames), oddValue, { maxKeys: 6 }))
      .map(([r, fields]) => ({ ...r, ...fields }));
    // Mostly well-formed bodies with one or two fields broken, so the run gets past
    // parsing into the domain code; the rest is garbage of every kind.
    const plausible = fc.tuple(ref, fc.dictionary(fc.constantFrom(...fieldNames), oddValue, { maxKeys: 2 })).map(([r, broken]) => ({
      message: "hello",
      accepted: true,
      consent: true,
      orderNumber: "#1001",
      email: "a@example.com",
      name: "N",
      ...r,
      ...broken,
    }));
    const rawBody = fc.oneof(
      { weight: 4, arbitrary: plausible.map((b) => JSON.stringify(b)) },
      { weight: 2, arbitrary: jsonBody.map((b) => JSON.stringify(b)) },
      fc.anything().map((v) => JSON.stringify(v) ?? "null"),
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom("", "{", "[1,2", '{"message":"\\ud800"}', '{"message":"' + "y".repeat(20_000) + '"}', "\u00ff\u00fe"),
    );
    const signing = fc.constantFrom<SignedRequestOptions>(
      {},
      {},
      {},
      {},
      { customerId: "7001" },
      { shop: OTHER_SHOP },
      { shop: "unknown-shop.myshopify.com" },
      { shop: "evil.example.com" },
      { secret: "wrong" },
      { timestamp: 1 },
      { timestamp: Math.floor(Date.now() / 1000) + 10_000 },
      { tamper: (q) => q.delete("signature") },
      { tamper: (q) => q.set("timestamp", "abc") },
      { tamper: (q) => q.append("signature", "00") },
      { tamper: (q) => q.set("logged_in_customer_id", "1") },
      { query: { logged_in_customer_id: "<script>" } },
      { query: { token: "t", extra: ["a", "b"] } },
    );
    const request = fc.record({
      route: fc.constantFrom(...Object.keys(ROUTES)),
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant("expected") },
        { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH") },
      ),
      body: rawBody,
      signing,
      id: fc.oneof(fc.constantFrom(...known.map((k) => k.id)), fc.string({ maxLength: 80 })),
      headers: fc.dictionary(
        fc.constantFrom("x-conversation-token", "content-length", "x-forwarded-for", "content-type", "x-shopify-shop-domain"),
        fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
        { maxKeys: 2 },
      ),
    });

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const route = ROUTES[input.route]!;
        let req: Request;
        try {
          const method = input.method === "expected" ? (GET_ROUTES.has(input.route) ? "GET" : "POST") : input.method;
          req = signedRequest(route.path(input.id), { ...input.signing, method, rawBody: input.body, headers: input.headers });
        } catch {
          return; // a header value that fetch itself refuses never reaches a server
        }
        const response = await route.handle(req, input.id, h.deps);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${input.route} ${input.method}`).toBeLessThan(500);
        const type = response.headers.get("content-type") ?? "";
        if (type.startsWith("text/event-stream")) {
          expect(response.status).toBe(200);
          await response.text();
          return;
        }
        expect(type).toMatch(/^application\/json/);
        const json = await response.json();
        if (response.status >= 400) {
          expect(typeof json.error?.code).toBe("string");
          expect(json.error.message.length).toBeGreaterThan(5);
          expect(json.error.message).not.toMatch(/\bat \S+:\d+|Prisma|Error:/);
        }
        if (response.status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) },
    );
    // The run must have reached past the signature into every kind of answer.
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    for (const status of [200, 400, 401, 404, 405, 413]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 600_000);

  it("wrote nothing for shops that are not installed", async () => {
    const installed = [SHOP, OTHER_SHOP];
    expect(await h.database.db.conversation.count({ where: { shop: { notIn: installed } } })).toBe(0);
    expect(await h.database.db.lead.count({ where: { shop: { notIn: installed } } })).toBe(0);
  });
});
