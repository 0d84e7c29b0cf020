// shop/redact (48 hours after uninstall): deletes every row of the shop in every table,
// sessions included, each table through its owner's delete (one statement per table),
// all in one transaction. The tables come from the Prisma data model itself (every
// model carries `shop`; a test fails if one does not), and SHOP_DELETES is typed over
// every model name, so a table added later does not compile until its owner's delete
// is listed here.
import { Prisma } from "@prisma/client";
import type { Database } from "../../infra/db/create-database.server";
import type { DbClient } from "../../infra/db/sql";
import { deleteShopSessions } from "../../infra/shopify/sessions.server";
import { deleteShopJobs } from "../../infra/jobs/queue.server";
import { deleteShopRow } from "../../settings/shop-settings.server";
import { deleteShopConversations } from "../../conversations/store/conversation-rows.server";
import { deleteShopMessages } from "../../conversations/store/message-rows.server";
import { deleteShopLeads } from "../../leads/lead-store.server";
import { deleteShopVerifications } from "../../order-verification/order-verification-store.server";
import { deleteShopKnowledgeEntries } from "../../knowledge/knowledge-store.server";
import { deleteShopAuditEvents } from "../../audit/audit-store.server";
import { deleteShopEvents } from "../../analytics/event-store.server";
import { deleteShopDataRequests } from "../store/data-requests.server";
import { deleteShopWebhookDeliveries } from "../store/webhook-deliveries.server";

/** Each table's owner's "delete every row of this shop", returning the count. */
export const SHOP_DELETES: Record<Prisma.ModelName, (tx: DbClient, shop: string) => Promise<number>> = {
  Session: deleteShopSessions,
  Shop: deleteShopRow,
  Conversation: deleteShopConversations,
  Message: deleteShopMessages,
  Lead: deleteShopLeads,
  OrderVerification: deleteShopVerifications,
  KnowledgeEntry: deleteShopKnowledgeEntries,
  AuditEvent: deleteShopAuditEvents,
  DataRequest: deleteShopDataRequests,
  WebhookDelivery: deleteShopWebhookDeliveries,
  Job: deleteShopJobs,
  ShopEvent: deleteShopEvents,
};

/** Model names that hold a `shop` column, children before parents (Message before Conversation). */
export function shopScopedModels(): string[] {
  const models = Prisma.dmmf.datamodel.models;
  const scoped = models.filter((m) => m.fields.some((f) => f.name === "shop" && f.kind === "scalar"));
  // The generated client's data model is minimal (no relationFromFields): a model that
  // has a relation field `x` next to a scalar `xId` holds the foreign key, so goes first.
  const hasParent = (name: string) => {
    const fields = models.find((m) => m.name === name)!.fields;
    return fields.some((f) => f.kind === "object" && fields.some((g) => g.kind === "scalar" && g.name === `${f.name}Id`));
  };
  return scoped.map((m) => m.name).sort((a, b) => Number(hasParent(b)) - Number(hasParent(a)));
}

/** Every model of the data model, for the test that checks they are all shop-scoped. */
export function allModelNames(): string[] {
  return Prisma.dmmf.datamodel.models.map((m) => m.name);
}

export async function redactShop(db: Database, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      for (const model of shopScopedModels()) {
        counts[model] = await SHOP_DELETES[model as Prisma.ModelName](tx, shop);
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  return counts;
}
