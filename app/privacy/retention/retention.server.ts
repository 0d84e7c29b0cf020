// The scheduled purge: per shop, what is older than the shop's retention period goes
// (conversations with their messages, leads, order-verification attempts), expired
// data-request exports lose their content, and our own bookkeeping is trimmed.
import type { Database } from "../../infra/db/create-database.server";
import type { Clock } from "../../infra/clock";
import { parseStoredSettings } from "../../settings/settings-schema";

const DAY_MS = 86_400_000;
/** Counted events (no message text, no contact data) feed the 12-month dashboard. */
export const SHOP_EVENT_DAYS = 400;
/** Finished jobs and webhook ids: long past Shopify's 4-hour redelivery window. */
export const BOOKKEEPING_DAYS = 30;

export interface PurgeCounts {
  conversations: number;
  messages: number;
  leads: number;
  orderVerifications: number;
  exportsExpired: number;
  shopEvents: number;
  jobs: number;
  webhookDeliveries: number;
}

export async function purgeExpired(db: Database, clock: Clock): Promise<PurgeCounts> {
  const now = clock.now();
  const total: PurgeCounts = { conversations: 0, messages: 0, leads: 0, orderVerifications: 0, exportsExpired: 0, shopEvents: 0, jobs: 0, webhookDeliveries: 0 };
  const shops = await db.shop.findMany({ select: { shop: true, settingsJson: true } });
  for (const { shop, settingsJson } of shops) {
    const cutoff = new Date(now.getTime() - parseStoredSettings(settingsJson).privacy.retentionDays * DAY_MS);
    // A conversation's age is its last message, so an active chat never vanishes mid-way;
    // single old messages inside a long conversation still go.
    const oldConversations = { shop, lastMessageAt: { lt: cutoff } };
    total.messages += (await db.message.deleteMany({ where: { shop, OR: [{ createdAt: { lt: cutoff } }, { conversation: oldConversations }] } })).count;
    total.conversations += (await db.conversation.deleteMany({ where: oldConversations })).count;
    total.leads += (await db.lead.deleteMany({ where: { shop, createdAt: { lt: cutoff } } })).count;
    total.orderVerifications += (await db.orderVerification.deleteMany({ where: { shop, createdAt: { lt: cutoff } } })).count;
    total.shopEvents += (await db.shopEvent.deleteMany({ where: { shop, createdAt: { lt: new Date(now.getTime() - SHOP_EVENT_DAYS * DAY_MS) } } })).count;
  }
  // Exports of every shop (also shops without a Shop row any more).
  total.exportsExpired = (
    await db.dataRequest.updateMany({ where: { exportEnc: { not: null }, exportExpiresAt: { lte: now } }, data: { exportEnc: null } })
  ).count;
  const bookkeepingCutoff = new Date(now.getTime() - BOOKKEEPING_DAYS * DAY_MS);
  total.jobs = (await db.job.deleteMany({ where: { status: { in: ["done", "failed"] }, finishedAt: { lt: bookkeepingCutoff } } })).count;
  total.webhookDeliveries = (await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: bookkeepingCutoff } } })).count;
  return total;
}
