// The real adapters for the webhook routes, in one place so the routes stay one line.
import prisma from "../infra/db/prisma.server";
import { authenticate } from "./shopify.server";
import { kickJobWorker, startJobWorkerWithServer } from "../infra/jobs/worker.server";
import { appVault } from "../infra/crypto/vault.server";
import type { WebhookRouteDeps } from "../privacy/compliance/webhook-route.server";

// The server build evaluates every route module when it starts, so this starts the job
// worker (queued webhooks, retries, the daily retention purge) with the server.
startJobWorkerWithServer();

export function webhookRouteDeps(): WebhookRouteDeps {
  return { authenticateWebhook: authenticate.webhook, db: prisma, vault: appVault(), kick: kickJobWorker };
}
