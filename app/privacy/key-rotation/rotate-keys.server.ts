// Key rotation: re-encrypts every stored ciphertext whose key id is not the current
// key. Run after putting a new key first in ENCRYPTION_KEYS (old keys stay listed so
// they still decrypt); when it reports nothing left, the old key can be removed.
// Each table is re-encrypted by its owner (app/infra/crypto/reencrypt.server.ts does
// the work; the owner passes its own table). REENCRYPT is typed over every model name,
// so a table added later does not compile until its owner's function is listed here.
import { Prisma } from "@prisma/client";
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import type { Reencrypt, RotationReport } from "../../infra/crypto/reencrypt.server";
import { reencryptSessions } from "../../infra/shopify/sessions.server";
import { reencryptJobs } from "../../infra/jobs/queue.server";
import { reencryptShops } from "../../settings/shop-settings.server";
import { reencryptConversations } from "../../conversations/store/conversation-rows.server";
import { reencryptMessages } from "../../conversations/store/message-rows.server";
import { reencryptLeads } from "../../leads/lead-store.server";
import { reencryptOrderVerifications } from "../../order-verification/order-verification-store.server";
import { reencryptKnowledgeEntries } from "../../knowledge/knowledge-store.server";
import { reencryptAuditEvents } from "../../audit/audit-store.server";
import { reencryptShopEvents } from "../../analytics/event-store.server";
import { reencryptDataRequests } from "../store/data-requests.server";
import { reencryptWebhookDeliveries } from "../store/webhook-deliveries.server";

export type { RotationReport };

export const REENCRYPT: Record<Prisma.ModelName, Reencrypt> = {
  Session: reencryptSessions,
  Shop: reencryptShops,
  Conversation: reencryptConversations,
  Message: reencryptMessages,
  Lead: reencryptLeads,
  OrderVerification: reencryptOrderVerifications,
  KnowledgeEntry: reencryptKnowledgeEntries,
  AuditEvent: reencryptAuditEvents,
  DataRequest: reencryptDataRequests,
  WebhookDelivery: reencryptWebhookDeliveries,
  Job: reencryptJobs,
  ShopEvent: reencryptShopEvents,
};

export async function rotateKeys(db: Database, vault: Vault, batchSize = 500): Promise<RotationReport> {
  const report: RotationReport = { reencrypted: {}, unreadable: 0 };
  // In the data model's order, as the rotation always ran.
  for (const model of Prisma.dmmf.datamodel.models) {
    await REENCRYPT[model.name as Prisma.ModelName](db, vault, report, batchSize);
  }
  return report;
}
