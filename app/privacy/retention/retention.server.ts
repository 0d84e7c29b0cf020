// The scheduled purge: per shop, what is older than the shop's retention period goes
// (conversations with their messages, leads, order-verification attempts), expired
// data-request exports lose their content, and our own bookkeeping is trimmed.
import type { Database } from "../../infra/db/create-database.server";
import type { Clock } from "../../infra/clock";
import { parseStoredSettings } from "../../settings/settings-schema";
import { listShopSettingsJson } from "../../settings/shop-settings.server";
import { deleteConversationsInactiveSince } from "../../conversations/store/conversation-rows.server";
import { deleteExpiredMessages } from "../../conversations/store/message-rows.server";
import { deleteLeadsBefore } from "../../leads/lead-store.server";
import { deleteVerificationsBefore } from "../../order-verification/order-verification-store.server";
import { deleteShopEventsBefore } from "../../analytics/event-store.server";
import { deleteFinishedJobsBefore } from "../../infra/jobs/queue.server";
import { expireDataRequestExports } from "../store/data-requests.server";
import { deleteWebhookDeliveriesBefore } from "../store/webhook-deliveries.server";

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
  const total: PurgeCounts = {
    conversations: 0,
    messages: 0,
    leads: 0,
    orderVerifications: 0,
    exportsExpired: 0,
    shopEvents: 0,
    jobs: 0,
    webhookDeliveries: 0,
  };
  const shops = await listShopSettingsJson(db);
  for (const { shop, settingsJson } of shops) {
    const cutoff = new Date(now.getTime() - parseStoredSettings(settingsJson).privacy.retentionDays * DAY_MS);
    // A conversation's age is its last message, so an active chat never vanishes mid-way;
    // single old messages inside a long conversation still go.
    total.messages += await deleteExpiredMessages(db, shop, cutoff);
    total.conversations += await deleteConversationsInactiveSince(db, shop, cutoff);
    total.leads += await deleteLeadsBefore(db, shop, cutoff);
    total.orderVerifications += await deleteVerificationsBefore(db, shop, cutoff);
    total.shopEvents += await deleteShopEventsBefore(db, shop, new Date(now.getTime() - SHOP_EVENT_DAYS * DAY_MS));
  }
  // Exports of every shop (also shops without a Shop row any more).
  total.exportsExpired = await expireDataRequestExports(db, now);
  const bookkeepingCutoff = new Date(now.getTime() - BOOKKEEPING_DAYS * DAY_MS);
  total.jobs = await deleteFinishedJobsBefore(db, bookkeepingCutoff);
  total.webhookDeliveries = await deleteWebhookDeliveriesBefore(db, bookkeepingCutoff);
  return total;
}
