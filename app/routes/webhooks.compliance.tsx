// Shopify's three mandatory compliance webhooks (shopify.app.toml compliance_topics).
// HMAC checked, delivery recorded, work queued; see app/privacy/compliance/.
import type { ActionFunctionArgs } from "@remix-run/node";
import { webhookRouteDeps } from "../composition/webhook-deps.server";
import { handleWebhookRequest } from "../privacy/compliance/webhook-route.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhookRequest(request, webhookRouteDeps(), ["customers/data_request", "customers/redact", "shop/redact"]);

// A GET reaches the loader, not authenticate.webhook: answer 405 the same way.
export const loader = () =>
  Response.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Webhooks are POST requests." } }, { status: 405 });
