// The real adapters for the webhook routes, in one place so the routes stay one line.
import prisma from "../../db.server";
import { authenticate } from "../../shopify.server";
import { kickJobWorker, startJobWorkerWithServer } from "../../jobs/worker.server";
import { appVault } from "../vault.server";
import type { WebhookRouteDeps } from "./webhook-route.server";

// The server build evaluates every route module when it starts, so this starts the job
// worker (queued webhooks, retries, the daily retention purge) with the server.
startJobWorkerWithServer();

export function webhookRouteDeps(): WebhookRouteDeps {
  return { authenticateWebhook: authenticate.webhook, db: prisma, vault: appVault(), kick: kickJobWorker };
}
