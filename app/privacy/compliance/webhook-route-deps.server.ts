// The real adapters for the webhook routes, in one place so the routes stay one line.
import prisma from "../../db.server";
import { authenticate } from "../../shopify.server";
import { kickJobWorker } from "../../jobs/worker.server";
import { appVault } from "../vault.server";
import type { WebhookRouteDeps } from "./webhook-route.server";

export function webhookRouteDeps(): WebhookRouteDeps {
  return { authenticateWebhook: authenticate.webhook, db: prisma, vault: appVault(), kick: kickJobWorker };
}
