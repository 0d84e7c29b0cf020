// customers/redact: deletes every row that refers to the customer in this shop (by
// customer id, email or phone keyed hash, and the orders Shopify lists), set-based
// (a few indexed DELETE statements, never row by row), in one transaction.
import { Prisma } from "@prisma/client";
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { auditEventRow } from "../../audit/audit-store.server";
import {
  chunks,
  customerKeys,
  dataRequestByCustomer,
  findCustomerConversations,
  inList,
  leadByCustomer,
  verificationByCustomer,
} from "./customer-footprint.server";
import type { CustomerRef } from "./payloads";

export interface CustomerRedactRequest {
  shop: string;
  customer: CustomerRef;
  orderIds: string[];
  /** Our DataRequest row for this webhook, which gets the counts. */
  dataRequestId?: string;
}

export interface RedactCounts {
  conversations: number;
  messages: number;
  leads: number;
  orderVerifications: number;
  dataRequestsCleared: number;
  eventsUnlinked: number;
}

export async function redactCustomer(
  db: Database,
  vault: Vault,
  request: CustomerRedactRequest,
  now: Date,
): Promise<RedactCounts> {
  const { shop } = request;
  const keys = customerKeys(vault, request.customer, request.orderIds);
  const audit = (counts: RedactCounts) =>
    auditEventRow(
      {
        shop,
        actor: "system",
        action: "customer.redacted",
        targetType: request.dataRequestId ? "data_request" : undefined,
        targetId: request.dataRequestId,
        detail: { deleted: { ...counts } },
      },
      now,
    );
  // One transaction, so one commit: the look-up, the set-based deletes, the request's
  // summary and the audit event. SQL for the reason given in customer-footprint.server.ts.
  return db.$transaction(
    async (tx) => {
      const conversations = await findCustomerConversations(tx, shop, keys);
      const conversationIds = conversations.map((conversation) => conversation.id);
      const c: RedactCounts = { conversations: 0, messages: 0, leads: 0, orderVerifications: 0, dataRequestsCleared: 0, eventsUnlinked: 0 };
      // Messages go with their conversation: onDelete: Cascade in the schema, enforced by
      // both databases (libSQL switches SQLite's foreign keys on); the tests check it.
      c.messages = conversations.reduce((total, conversation) => total + conversation.messages, 0);
      for (const ids of chunks(conversationIds)) {
        c.conversations += await tx.$executeRaw(Prisma.sql`DELETE FROM "Conversation" WHERE "shop" = ${shop} AND ${inList("id", ids)}`);
        // Analytics keep their counts; only the link to a deleted conversation goes.
        c.eventsUnlinked += await tx.$executeRaw(Prisma.sql`UPDATE "ShopEvent" SET "conversationId" = NULL WHERE "shop" = ${shop} AND ${inList("conversationId", ids)}`);
        c.leads += await tx.$executeRaw(Prisma.sql`DELETE FROM "Lead" WHERE "shop" = ${shop} AND ${inList("conversationId", ids)}`);
        c.orderVerifications += await tx.$executeRaw(Prisma.sql`DELETE FROM "OrderVerification" WHERE "shop" = ${shop} AND ${inList("conversationId", ids)}`);
      }
      c.leads += await tx.$executeRaw(Prisma.sql`DELETE FROM "Lead" WHERE "shop" = ${shop} AND ${leadByCustomer(keys)}`);
      c.orderVerifications += await tx.$executeRaw(Prisma.sql`DELETE FROM "OrderVerification" WHERE "shop" = ${shop} AND ${verificationByCustomer(keys)}`);
      // Earlier data requests of this customer: the export holds their data, the hashes point at them.
      c.dataRequestsCleared = await tx.$executeRaw(Prisma.sql`
        UPDATE "DataRequest" SET "customerIdHash" = NULL, "emailHash" = NULL, "phoneHash" = NULL, "exportEnc" = NULL, "exportExpiresAt" = NULL
        WHERE "shop" = ${shop} AND ${dataRequestByCustomer(keys)}`);
      if (request.dataRequestId) {
        await tx.$executeRaw(Prisma.sql`
          UPDATE "DataRequest" SET "status" = 'done', "summaryJson" = ${JSON.stringify(c)}, "completedAt" = ${now}
          WHERE "id" = ${request.dataRequestId} AND "shop" = ${shop}`);
      }
      const row = audit(c);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "AuditEvent" ("id", "shop", "actor", "actorName", "action", "targetType", "targetId", "detailJson", "createdAt")
        VALUES (${row.id}, ${row.shop}, ${row.actor}, ${row.actorName}, ${row.action}, ${row.targetType}, ${row.targetId}, ${row.detailJson}, ${row.createdAt})`);
      return c;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
