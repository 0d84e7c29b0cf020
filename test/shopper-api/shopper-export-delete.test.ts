// "Privacy in the shopper's hands": GET /conversations/:id/export and POST
// /conversations/:id/delete, authorised by the conversation's token. The export holds
// exactly what is stored for that conversation; the delete leaves nothing linked to it
// in any table (every table scanned, plaintext, keyed hashes and decrypted values),
// touches no other conversation, audits counts only, and is not repeatable. A wrong
// token, an unknown id and another shop get the same 404 and change nothing.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import type { ConversationDeletedResponse, ConversationExport } from "../../app/contracts/conversation-privacy";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { handleLead } from "../../app/leads/shopper/handle-lead.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { handleConversationExport } from "../../app/privacy/shopper/handle-conversation-export.server";
import { handleConversationDelete } from "../../app/privacy/shopper/handle-conversation-delete.server";
import { cellsContaining, scanAllCells } from "../support/table-scan";
import { createHarness, OTHER_SHOP, readSse, signedRequest, type Harness } from "./harness";

const ORDERS = [
  { id: "gid://shopify/Order/5001", name: "#1001", email: "alice@example.com" },
  { id: "gid://shopify/Order/5002", name: "#1002", email: "bruno@example.com" },
  { id: "gid://shopify/Order/5003", name: "#1003", email: "carla@example.com" },
];
const admin: AdminGraphql = async (_operation, variables) => {
  const digits = String(variables?.query).replace(/^name:#/, "");
  return { ok: true, data: { orders: { nodes: ORDERS.filter((o) => o.name === `#${digits}`) } } };
};

/** The numeric Shopify order id, as a verified conversation stores it. */
const orderNumber = (c: Seeded) => c.order.id.replace(/^gid:\/\/shopify\/Order\//, "");

interface Seeded {
  shop?: string;
  id: string;
  token: string;
  marker: string;
  leadName: string;
  leadEmail: string;
  order: (typeof ORDERS)[number];
}

describe("the shopper's export and delete of their conversation", () => {
  let h: Harness;
  let alice: Seeded;
  let bruno: Seeded;
  let carla: Seeded; // another shop

  async function seed(tag: string, order: (typeof ORDERS)[number], shop?: string): Promise<Seeded> {
    const consent = await handleConsent(signedRequest("/consent", { shop, body: { accepted: true } }), h.deps);
    expect(consent.status).toBe(200);
    const { id, token } = (await consent.json()).conversation as { id: string; token: string };
    const marker = `MARKER-${tag}-${randomBytes(6).toString("hex")}`;
    for (const message of [`Do you have hiking boots? ${marker}`, `and socks? ${marker}`]) {
      const response = await handleChat(
        signedRequest("/chat", { shop, body: { conversationId: id, conversationToken: token, message } }),
        h.deps,
      );
      expect((await readSse(response)).at(-1)?.event).toBe("done");
    }
    const verify = (email: string) =>
      handleVerifyOrder(
        signedRequest("/verify-order", { shop, body: { conversationId: id, token, orderNumber: order.name, email } }),
        h.deps,
      );
    expect((await verify(`wrong-${order.email}`)).status).toBe(422);
    expect((await verify(order.email)).status).toBe(200);
    const leadName = `Lead ${tag} ${randomBytes(3).toString("hex")}`;
    const leadEmail = `${tag}.${randomBytes(3).toString("hex")}@example.org`;
    const lead = await handleLead(
      signedRequest("/lead", {
        shop,
        body: { conversationId: id, token, name: leadName, email: leadEmail, message: `please call ${marker}`, consent: true },
      }),
      h.deps,
    );
    expect(lead.status).toBe(201);
    return { shop, id, token, marker, leadName, leadEmail, order };
  }

  /** Everything of one seeded conversation a table could hold: ids, text, contact data and their keyed hashes. */
  const needlesOf = (c: Seeded) => [
    c.id,
    c.marker,
    c.leadName,
    c.leadEmail,
    c.order.email,
    c.order.id,
    createHash("sha256").update(c.token).digest("hex"),
    createHash("sha256").update(c.token).digest("base64url"),
    h.deps.vault.hash("email", c.leadEmail),
    h.deps.vault.hash("email", c.order.email),
    h.deps.vault.hash("email", `wrong-${c.order.email}`),
    h.deps.vault.hash("order", c.order.id),
    h.deps.vault.hash("order", orderNumber(c)),
  ];

  const exportOf = (c: Pick<Seeded, "id" | "token">, options: Parameters<typeof signedRequest>[1] = {}) =>
    handleConversationExport(
      signedRequest(`/conversations/${c.id}/export`, { headers: { "X-Conversation-Token": c.token }, ...options }),
      c.id,
      h.deps,
    );
  const deleteOf = (c: Pick<Seeded, "id" | "token">, options: Parameters<typeof signedRequest>[1] = {}) =>
    handleConversationDelete(
      signedRequest(`/conversations/${c.id}/delete`, {
        method: "POST",
        body: {},
        headers: { "X-Conversation-Token": c.token },
        ...options,
      }),
      c.id,
      h.deps,
    );

  async function rowCounts() {
    const db = h.database.db;
    return {
      conversations: await db.conversation.count(),
      messages: await db.message.count(),
      leads: await db.lead.count(),
      verifications: await db.orderVerification.count(),
      events: await db.shopEvent.count(),
      linkedEvents: await db.shopEvent.count({ where: { conversationId: { not: null } } }),
      audit: await db.auditEvent.count(),
    };
  }

  beforeAll(async () => {
    h = await createHarness({ admin, env: { RATE_LIMIT_IP_PER_MINUTE: "1000" } });
    const settings = { privacy: { consentRequired: true, leadFields: ["name", "email", "message"] } };
    await h.setShopSettings(settings);
    await h.setShopSettings(settings, OTHER_SHOP);
    alice = await seed("alice", ORDERS[0]!);
    bruno = await seed("bruno", ORDERS[1]!);
    carla = await seed("carla", ORDERS[2]!, OTHER_SHOP);
  });
  afterAll(() => h.cleanup());

  it("exports exactly this conversation's stored data as a JSON download", async () => {
    const response = await exportOf(alice);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="conversation-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const exported = JSON.parse(text) as ConversationExport;
    expect(exported).toMatchObject({ format: "privacy-shop-assistant/conversation-export", version: 1 });
    expect(exported.conversation).toMatchObject({ id: alice.id, outcome: "handed_off", consent: { state: "accepted", noticeVersion: 1 } });
    expect(exported.conversation.consent.at).toMatch(/^\d{4}-/);
    expect(exported.conversation.verifiedOrder).toEqual({ id: orderNumber(alice), at: expect.any(String) });
    expect(exported.messages.map((m) => `${m.role}:${m.text}`)).toEqual([
      `shopper:Do you have hiking boots? ${alice.marker}`,
      `assistant:You said: Do you have hiking boots? ${alice.marker}`,
      `shopper:and socks? ${alice.marker}`,
      `assistant:You said: and socks? ${alice.marker}`,
    ]);
    expect(exported.leads).toEqual([
      {
        createdAt: expect.any(String),
        name: alice.leadName,
        email: alice.leadEmail,
        phone: null,
        message: `please call ${alice.marker}`,
        status: "new",
        consent: { at: expect.any(String), text: expect.stringMatching(/version 1/) },
      },
    ]);
    expect(exported.orderVerifications.map((v) => v.success)).toEqual([false, true]);
    // Nothing of any other conversation, in this shop or another.
    for (const needle of [...needlesOf(bruno), ...needlesOf(carla)]) expect(text).not.toContain(needle);
    // The token may also come as the `token` query parameter, like GET /conversations/:id.
    expect((await exportOf(alice, { headers: {}, query: { token: alice.token } })).status).toBe(200);
  });

  it("answers an unknown id, a wrong token, another shop's conversation the same 404; other methods 405; no signature 401", async () => {
    const notFound = await (await exportOf(alice, { headers: { "X-Conversation-Token": bruno.token } })).text();
    expect(JSON.parse(notFound)).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    const cases = [
      exportOf({ id: "AAAAAAAAAAAAAAAAAAAAAA", token: alice.token }),
      exportOf({ id: alice.id, token: "not a token!" }),
      exportOf(alice, { headers: {} }),
      exportOf(alice, { shop: OTHER_SHOP }),
      exportOf(carla),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(notFound);
    }
    expect((await exportOf(carla, { shop: OTHER_SHOP })).status).toBe(200);
    const post = await exportOf(alice, { method: "POST", body: {} });
    expect(post.status).toBe(405);
    expect(await post.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    const unsigned = await exportOf(alice, { tamper: (q) => q.set("signature", "0".repeat(64)) });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });

  it("refuses a wrong token, another shop, an unknown id, GET and a bad signature, deleting nothing", async () => {
    const before = await rowCounts();
    const attempts = [
      deleteOf({ id: bruno.id, token: alice.token }),
      deleteOf({ id: bruno.id, token: "not a token!" }),
      deleteOf(bruno, { headers: {} }),
      deleteOf(bruno, { shop: OTHER_SHOP }),
      deleteOf(carla),
      deleteOf({ id: "AAAAAAAAAAAAAAAAAAAAAA", token: bruno.token }),
      deleteOf({ id: bruno.id, token: "" }, { headers: {}, body: { token: alice.token } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Conversation not found." } });
    }
    const get = await deleteOf(bruno, { method: "GET", body: undefined });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await deleteOf(bruno, { tamper: (q) => q.set("signature", "0".repeat(64)) })).status).toBe(401);
    expect((await deleteOf(bruno, { rawBody: "token=x" })).status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("deletes every row linked to the conversation in every table, leaves the others, audits counts only", async () => {
    const before = await rowCounts();
    const scanBefore = await scanAllCells(h.database.db, h.database.provider, h.deps.vault);
    expect(cellsContaining(scanBefore, [alice.marker]).length).toBeGreaterThan(0); // the scan sees the data
    expect(cellsContaining(scanBefore, [alice.id]).length).toBeGreaterThan(5);
    const aliceEvents = await h.database.db.shopEvent.count({ where: { conversationId: alice.id } });
    expect(aliceEvents).toBeGreaterThanOrEqual(2); // a failed verification and a handoff

    // The token in the body works as well as in the header.
    const response = await deleteOf({ id: alice.id, token: "" }, { headers: {}, body: { token: alice.token } });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ConversationDeletedResponse;
    expect(answer).toEqual({ deleted: { conversations: 1, messages: 4, leads: 1, orderVerifications: 2 } });

    const scanAfter = await scanAllCells(h.database.db, h.database.provider, h.deps.vault);
    expect(cellsContaining(scanAfter, needlesOf(alice))).toEqual([]);
    // The other conversation of the shop and the other shop's are untouched.
    for (const other of [bruno, carla]) {
      expect(cellsContaining(scanBefore, needlesOf(other)).length).toBeGreaterThan(10);
      expect(cellsContaining(scanAfter, needlesOf(other)).sort()).toEqual(cellsContaining(scanBefore, needlesOf(other)).sort());
    }
    const after = await rowCounts();
    expect(after).toEqual({
      conversations: before.conversations - 1,
      messages: before.messages - 4,
      leads: before.leads - 1,
      verifications: before.verifications - 2,
      events: before.events, // analytics keep their counts…
      linkedEvents: before.linkedEvents - aliceEvents, // …and lose the link
      audit: before.audit + 1,
    });
    const audit = await h.database.db.auditEvent.findFirstOrThrow({ where: { action: "conversation.deleted_by_shopper" } });
    expect(audit).toMatchObject({ shop: "demo-shop.myshopify.com", actor: "shopper", actorName: null, targetId: null });
    expect(JSON.parse(audit.detailJson)).toEqual({
      deleted: { conversations: 1, messages: 4, leads: 1, orderVerifications: 2 },
      eventsUnlinked: aliceEvents,
    });

    // Gone for the shopper too: a second delete, the export and the transcript are 404.
    const again = await deleteOf(alice);
    expect(again.status).toBe(404);
    expect((await exportOf(alice)).status).toBe(404);
    const read = await handleConversationRead(
      signedRequest(`/conversations/${alice.id}`, { headers: { "X-Conversation-Token": alice.token } }),
      alice.id,
      h.deps,
    );
    expect(read.status).toBe(404);
    expect(await h.database.db.auditEvent.count({ where: { action: "conversation.deleted_by_shopper" } })).toBe(1);

    // Bruno can still read and export his.
    const brunos = JSON.parse(await (await exportOf(bruno)).text()) as ConversationExport;
    expect(brunos.messages).toHaveLength(4);
  });
});
