// The job that does a webhook's work, one branch per topic. Every branch is idempotent
// (deleting what is already gone, rebuilding the same export), so a retry after a
// crash is safe.
import { z } from "zod";
import type { JobContext } from "../../infra/jobs/queue.server";
import { fulfilDataRequest } from "./customer-export.server";
import { redactCustomer } from "./customers-redact.server";
import { redactShop } from "./shop-redact.server";
import { recordAudit } from "../../audit/audit-store.server";
import { deleteShopSessions, updateShopSessionScope } from "../../infra/shopify/sessions.server";
import { recordShopUninstall } from "../../settings/shop-settings.server";
import { markDataRequestProcessing } from "../store/data-requests.server";
import { markWebhookProcessed } from "../store/webhook-deliveries.server";
import { appScopesUpdateSchema, customersDataRequestSchema, customersRedactSchema, WEBHOOK_TOPICS } from "./payloads";

const jobPayloadSchema = z.object({
  webhookId: z.string().min(1),
  topic: z.enum(WEBHOOK_TOPICS),
  dataRequestId: z.string().optional(),
  body: z.unknown(),
});

export async function runWebhookJob(rawPayload: unknown, ctx: JobContext): Promise<void> {
  const { db, vault, clock } = ctx;
  const shop = ctx.job.shop;
  const job = jobPayloadSchema.parse(rawPayload);
  const now = clock.now();
  switch (job.topic) {
    case "customers/data_request": {
      const body = customersDataRequestSchema.parse(job.body);
      if (job.dataRequestId) {
        await markDataRequestProcessing(db, shop, job.dataRequestId);
      }
      await fulfilDataRequest(
        db,
        vault,
        {
          dataRequestId: job.dataRequestId ?? "",
          shop,
          customer: body.customer,
          orderIds: body.orders_requested,
          shopifyRequestId: body.data_request?.id ?? null,
        },
        now,
      );
      break;
    }
    case "customers/redact": {
      const body = customersRedactSchema.parse(job.body);
      await redactCustomer(
        db,
        vault,
        { shop, customer: body.customer, orderIds: body.orders_to_redact, dataRequestId: job.dataRequestId },
        now,
      );
      break;
    }
    case "shop/redact": {
      const counts = await redactShop(db, shop);
      ctx.forgetShop(shop);
      // No audit row: the shop's audit log is part of what was deleted. Counts only.
      console.info(
        `shop/redact done: ${Object.entries(counts)
          .map(([m, n]) => `${m}=${n}`)
          .join(" ")}`,
      );
      return; // the delivery row is gone with the rest
    }
    case "app/uninstalled": {
      const sessionsDeleted = await deleteShopSessions(db, shop);
      await recordShopUninstall(db, shop, now);
      // The shopper routes of this process refuse the shop from the next request on.
      ctx.forgetShop(shop);
      await recordAudit(db, { shop, actor: "system", action: "app.uninstalled", detail: { sessionsDeleted } }, now);
      break;
    }
    case "app/scopes_update": {
      const body = appScopesUpdateSchema.parse(job.body);
      await updateShopSessionScope(db, shop, body.current.join(","));
      ctx.forgetShop(shop); // scope checks read the session's scope
      break;
    }
  }
  await markWebhookProcessed(db, job.webhookId, now);
}
