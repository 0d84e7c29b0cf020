// The one thing every webhook route does: check the HMAC, record the delivery and
// enqueue its job, answer within milliseconds. Shopify's checks want 401 for a missing
// or wrong HMAC on compliance topics; shopify-app-remix answers 400 when the HMAC
// header or the body is missing, so that becomes 401 here. Nothing is written before
// the HMAC is good.
import { InvalidShopError } from "@shopify/shopify-api";
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { receiveWebhook, type WebhookDeliveryInput } from "./receive-webhook.server";
import { parseTopic, type WebhookTopic } from "./payloads";

export interface WebhookRouteDeps {
  authenticateWebhook(request: Request): Promise<{ shop: string; topic: string | number | symbol; webhookId: string; payload: unknown }>;
  db: Database;
  vault: Vault;
  /** runs the queued job soon, in the background */
  kick(): void;
  now?: () => Date;
}

const errorJson = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

export async function handleWebhookRequest(request: Request, deps: WebhookRouteDeps, accepts: readonly WebhookTopic[]): Promise<Response> {
  let delivery: WebhookDeliveryInput;
  try {
    const context = await deps.authenticateWebhook(request);
    delivery = { shop: context.shop, topic: String(context.topic), webhookId: context.webhookId, payload: context.payload };
  } catch (thrown) {
    if (thrown instanceof Response) {
      if (thrown.status === 405) return errorJson(405, "METHOD_NOT_ALLOWED", "Webhooks are POST requests.");
      return errorJson(401, "UNAUTHORIZED", "The webhook signature is missing or invalid.");
    }
    // A signed body that is not JSON: authenticate.webhook's JSON.parse threw.
    if (thrown instanceof SyntaxError) return errorJson(400, "BAD_REQUEST", "The body is not JSON.");
    // A good HMAC with a shop header that is no *.myshopify.com domain (found by the fuzz test).
    if (thrown instanceof InvalidShopError) return errorJson(400, "BAD_REQUEST", "The shop domain header is not a valid shop.");
    throw thrown;
  }
  const topic = parseTopic(delivery.topic);
  if (!topic || !accepts.includes(topic)) return errorJson(400, "BAD_REQUEST", "This endpoint does not take that topic.");
  const result = await receiveWebhook({ db: deps.db, vault: deps.vault }, delivery, deps.now?.() ?? new Date());
  if (!result.ok) return errorJson(400, "BAD_REQUEST", result.message);
  if (!result.duplicate) deps.kick();
  return new Response(null, { status: 200 });
}
