// The real adapters for the webhook routes, in one place so the routes stay one line.
import { authenticate } from "./shopify.server";
import { appRoot } from "./root.server";
import type { WebhookRouteDeps } from "../privacy/compliance/webhook-route.server";

export function webhookRouteDeps(): WebhookRouteDeps {
  const { db, vault, jobs } = appRoot();
  return { authenticateWebhook: authenticate.webhook, db, vault, kick: () => void jobs.kick() };
}
