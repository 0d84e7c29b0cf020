// The WebhookDelivery table's owner: idempotency of webhooks (a webhook id is the
// primary key, so a redelivery is refused by the database itself). Every read and
// write of the table goes through these functions (scripts/check-table-owners.ts).
import type { Vault } from "../../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../../infra/crypto/reencrypt.server";
import type { DbClient, PendingWrite } from "../../infra/db/sql";

/** The delivery's insert, not yet sent: it goes into one transaction with the job it enqueues. */
export function insertWebhookDeliveryWrite(
  db: DbClient,
  delivery: { webhookId: string; shop: string; topic: string; receivedAt: Date },
): PendingWrite {
  return db.webhookDelivery.create({ data: delivery });
}

export async function markWebhookProcessed(db: DbClient, webhookId: string, at: Date): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { webhookId }, data: { processedAt: at } });
}

/** Retention of our own bookkeeping: deliveries received before `cutoff`. */
export async function deleteWebhookDeliveriesBefore(db: DbClient, cutoff: Date): Promise<number> {
  return (await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: cutoff } } })).count;
}

/** shop/redact: every delivery of the shop. */
export async function deleteShopWebhookDeliveries(tx: DbClient, shop: string): Promise<number> {
  return (await tx.webhookDelivery.deleteMany({ where: { shop } })).count;
}

export function reencryptWebhookDeliveries(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("WebhookDelivery", db.webhookDelivery, vault, report, batchSize);
}
