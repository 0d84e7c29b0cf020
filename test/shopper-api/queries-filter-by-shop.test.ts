// Invariant: every database operation the shopper API makes on shop data names the shop
// of the request it serves, in its filter or in the row it writes. Checked over every
// operation (recorded by a Prisma query extension around the real client, and every
// statement of the chat turn's direct SQL, app/infra/db/direct-sql.server.ts), not one
// example: two shops' shoppers go through every route (consent, chat with the real
// assistant in basic mode, transcript, lead, order verification, a card number, a
// forged ownership attempt across shops, the shopper's export and delete), and each
// operation is compared with the shop of the request that caused it (kept in an
// AsyncLocalStorage around each call).
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directSqlOf, registerDirectSql, type Database } from "../../app/infra/db/create-database.server";
import { observedDirectSql, type SqlStatement } from "../../app/infra/db/direct-sql.server";
import { createPrismaKnowledgeStore } from "../../app/knowledge/knowledge-store.server";
import { createCircuitBreaker } from "../../app/infra/model/circuit-breaker";
import { createAssistantChatTurn } from "../../app/conversations/shopper/assistant-chat-turn.server";
import type { ChatApiDeps as ShopperApiDeps } from "../../app/conversations/shopper/chat-turn";
import { handleChat } from "../../app/conversations/shopper/handle-chat.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import { handleLead } from "../../app/leads/shopper/handle-lead.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { handleConversationExport } from "../../app/privacy/shopper/handle-conversation-export.server";
import { handleConversationDelete } from "../../app/privacy/shopper/handle-conversation-delete.server";
import { createHarness, OTHER_SHOP, readSse, SHOP, signedRequest, type Harness } from "./harness";

// Every model with a `shop` column (prisma/schema.prisma); Shop's id is its shop.
const SHOP_SCOPED = new Set([
  "Shop",
  "Session",
  "Conversation",
  "Message",
  "Lead",
  "OrderVerification",
  "KnowledgeEntry",
  "AuditEvent",
  "DataRequest",
  "WebhookDelivery",
  "Job",
  "ShopEvent",
]);

interface Recorded {
  model: string;
  operation: string;
  args: unknown;
  requestShop: string | undefined;
}

/** Every value of a `shop` key in a filter or in written rows, at any depth (AND/OR, nested writes, arrays). */
function shopsNamedIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(shopsNamedIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === "shop" ? [inner, ...shopsNamedIn(inner)] : shopsNamedIn(inner)));
}

/** The shop values an operation is bound to: its filter, or for a create the row(s) it writes. */
function boundShops(operation: string, args: Record<string, unknown> | undefined): unknown[] {
  const where = shopsNamedIn(args?.where);
  if (operation === "create" || operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(args?.data) ? args.data : [args?.data];
    // Each written row must carry the shop itself.
    return rows.every((row) => row && typeof row === "object" && "shop" in row) ? rows.map((row) => (row as { shop: unknown }).shop) : [];
  }
  if (operation === "upsert") return [...where, ...shopsNamedIn(args?.create).slice(0, 1)];
  return where;
}

/**
 * The shop values a direct SQL statement is bound to: the `"shop"` column of the row an
 * INSERT writes, or every `"shop" = ?` condition of a SELECT, UPDATE or DELETE.
 */
function shopsBoundBySql(statement: SqlStatement): unknown[] {
  const text = statement.sql.replace(/\s+/g, " ").trim();
  const argAt = (position: number) => statement.args[(text.slice(0, position).match(/\?/g) ?? []).length];
  const insert = /^INSERT INTO "\w+" \(([^)]*)\) VALUES \(/.exec(text);
  if (insert) {
    const column = insert[1]!
      .split(",")
      .map((c) => c.trim())
      .indexOf('"shop"');
    const values = text.slice(insert[0].length).split(",");
    if (column < 0 || values[column]?.trim().replace(/\)$/, "") !== "?") return [];
    return [argAt(insert[0].length + values.slice(0, column).join(",").length + (column > 0 ? 1 : 0))];
  }
  const where = text.indexOf(" WHERE ");
  if (where < 0) return [];
  return [...text.slice(where).matchAll(/"shop" = \?/g)].map((m) => argAt(where + m.index!));
}

const sqlTable = (statement: SqlStatement) => /(?:INSERT INTO|FROM|UPDATE|DELETE FROM) "(\w+)"/.exec(statement.sql)?.[1] ?? "?";
const sqlOperation = (statement: SqlStatement) => `sql.${statement.sql.trim().split(/\s/)[0]!.toLowerCase()}`;

describe("shopsBoundBySql", () => {
  it("finds the shop of an insert and of each condition, and nothing when a statement has none", () => {
    const insert = { sql: 'INSERT INTO "Message" ("id", "shop", "role") VALUES (?, ?, ?)', args: ["m1", "a.myshopify.com", "shopper"] };
    expect(shopsBoundBySql(insert)).toEqual(["a.myshopify.com"]);
    const update = { sql: 'UPDATE "Conversation" SET "turnCount" = ? WHERE "id" = ? AND "shop" = ?', args: [1, "c1", "b.myshopify.com"] };
    expect(shopsBoundBySql(update)).toEqual(["b.myshopify.com"]);
    expect(shopsBoundBySql({ sql: 'SELECT * FROM "Message" WHERE "id" = ?', args: ["m1"] })).toEqual([]);
    expect(shopsBoundBySql({ sql: 'INSERT INTO "Message" ("id", "role") VALUES (?, ?)', args: ["m1", "x"] })).toEqual([]);
  });
});

describe("every shopper-API query is bound to the request's shop", () => {
  let h: Harness;
  const recorded: Recorded[] = [];
  const currentShop = new AsyncLocalStorage<string>();
  let deps: ShopperApiDeps;

  beforeAll(async () => {
    h = await createHarness();
    const recording = h.database.db.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            recorded.push({ model, operation, args, requestShop: currentShop.getStore() });
            return query(args);
          },
        },
      },
    }) as unknown as Database;
    registerDirectSql(
      recording,
      observedDirectSql(directSqlOf(h.database.db), (statement) =>
        recorded.push({
          model: sqlTable(statement),
          operation: sqlOperation(statement),
          args: statement,
          requestShop: currentShop.getStore(),
        }),
      ),
    );
    deps = {
      ...h.deps,
      db: recording,
      chatTurn: createAssistantChatTurn({ model: null, breaker: createCircuitBreaker(), knowledge: createPrismaKnowledgeStore(recording) }),
      // The Admin API answers with nothing: order verification fails, product search finds nothing.
      adminFor: () => async () => ({
        ok: true,
        data: { orders: { nodes: [] }, products: { nodes: [] }, shop: { name: "Shop", shopPolicies: [] } },
      }),
    };
    for (const shop of [SHOP, OTHER_SHOP]) {
      await h.setShopSettings({ privacy: { consentRequired: true, orderVerification: "logged_in_or_email" } }, shop);
      await h.database.db.knowledgeEntry.create({
        data: {
          id: `faq-${shop}`,
          shop,
          kind: "faq",
          question: "How long does shipping take?",
          answer: `Shipping from ${shop} takes 3 days.`,
        },
      });
    }
  });
  afterAll(() => h.cleanup());

  const as = <T>(shop: string, run: () => Promise<T>) => currentShop.run(shop, run);

  it("over every route, for two shops, including a cross-shop attempt", async () => {
    const owned: Record<string, { id: string; token: string }> = {};
    for (const shop of [SHOP, OTHER_SHOP]) {
      const consent = await as(shop, () => handleConsent(signedRequest("/consent", { shop, body: { accepted: true } }), deps));
      expect(consent.status).toBe(200);
      const { id, token } = ((await consent.json()) as { conversation: { id: string; token: string } }).conversation;
      owned[shop] = { id, token };
      const ref = { conversationId: id, conversationToken: token };
      for (const message of [
        "How long does shipping take?",
        "Do you have socks?",
        "my card is 4111 1111 1111 1111",
        "I want to talk to a person",
      ]) {
        const events = await as(shop, async () =>
          readSse(await handleChat(signedRequest("/chat", { shop, body: { message, ...ref } }), deps)),
        );
        expect(events.at(-1)?.event).toBe("done");
      }
      const read = await as(shop, () =>
        handleConversationRead(signedRequest(`/conversations/${id}`, { shop, query: { token } }), id, deps),
      );
      expect(read.status).toBe(200);
      const lead = await as(shop, () =>
        handleLead(
          signedRequest("/lead", { shop, body: { conversationId: id, token, email: "a@example.com", consent: true, message: "Call me" } }),
          deps,
        ),
      );
      expect(lead.status).toBeLessThan(300);
      const verify = await as(shop, () =>
        handleVerifyOrder(
          signedRequest("/verify-order", { shop, body: { conversationId: id, token, orderNumber: "#1001", email: "a@example.com" } }),
          deps,
        ),
      );
      expect(verify.status).toBe(422); // no order of this shop matches
      // A chat with no conversation yet (consent pending: nothing is stored, still answered).
      const anonymous = await as(shop, async () =>
        readSse(await handleChat(signedRequest("/chat", { shop, body: { message: "hello" } }), deps)),
      );
      expect(anonymous.at(-1)?.event).toBe("done");
    }
    // The other shop's storefront presents a conversation of SHOP with its right token.
    const stolen = owned[SHOP]!;
    const crossRead = await as(OTHER_SHOP, () =>
      handleConversationRead(
        signedRequest(`/conversations/${stolen.id}`, { shop: OTHER_SHOP, query: { token: stolen.token } }),
        stolen.id,
        deps,
      ),
    );
    expect(crossRead.status).toBe(404);
    const crossChat = await as(OTHER_SHOP, () =>
      handleChat(
        signedRequest("/chat", { shop: OTHER_SHOP, body: { message: "hi", conversationId: stolen.id, conversationToken: stolen.token } }),
        deps,
      ),
    );
    expect(crossChat.status).toBe(404);
    // The shopper's own export and delete (their deletes are set-based SQL, bound to the shop by construction).
    const crossExport = await as(OTHER_SHOP, () =>
      handleConversationExport(
        signedRequest(`/conversations/${stolen.id}/export`, { shop: OTHER_SHOP, query: { token: stolen.token } }),
        stolen.id,
        deps,
      ),
    );
    expect(crossExport.status).toBe(404);
    const crossDelete = await as(OTHER_SHOP, () =>
      handleConversationDelete(
        signedRequest(`/conversations/${stolen.id}/delete`, { shop: OTHER_SHOP, body: { token: stolen.token } }),
        stolen.id,
        deps,
      ),
    );
    expect(crossDelete.status).toBe(404);
    for (const shop of [SHOP, OTHER_SHOP]) {
      const { id, token } = owned[shop]!;
      const exported = await as(shop, () =>
        handleConversationExport(signedRequest(`/conversations/${id}/export`, { shop, query: { token } }), id, deps),
      );
      expect(exported.status).toBe(200);
      const deleted = await as(shop, () =>
        handleConversationDelete(signedRequest(`/conversations/${id}/delete`, { shop, body: { token } }), id, deps),
      );
      expect(deleted.status).toBe(200);
    }

    const scoped = recorded.filter((r) => SHOP_SCOPED.has(r.model));
    // Not vacuous: the flows read and wrote every kind of shop data the shopper API touches.
    const seen = new Set(scoped.map((r) => `${r.model}.${r.operation}`));
    for (const expected of [
      "Shop.findUnique",
      "Conversation.create",
      // The chat turn's direct SQL (app/infra/db/direct-sql.server.ts).
      "Conversation.sql.select",
      "Conversation.sql.update",
      "Message.sql.insert",
      "Message.sql.select",
      "Lead.create",
      "ShopEvent.create",
      "KnowledgeEntry.findMany",
    ]) {
      expect(seen, `no ${expected} was recorded`).toContain(expected);
    }
    expect(scoped.length).toBeGreaterThan(60);

    const unbound = scoped.filter((r) => {
      const shops = r.operation.startsWith("sql.")
        ? shopsBoundBySql(r.args as SqlStatement)
        : boundShops(r.operation, r.args as Record<string, unknown> | undefined);
      return r.requestShop === undefined || shops.length === 0 || shops.some((s) => s !== r.requestShop);
    });
    expect(unbound.map((r) => `${r.model}.${r.operation} ${JSON.stringify(r.args).slice(0, 200)} (request: ${r.requestShop})`)).toEqual([]);
  });
});
