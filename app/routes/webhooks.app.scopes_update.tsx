// app/scopes_update: the stored sessions get the newly granted scopes (by a queued job).
import type { ActionFunctionArgs } from "@remix-run/node";
import { webhookRouteDeps } from "../composition/webhook-deps.server";
import { handleWebhookRequest } from "../privacy/compliance/webhook-route.server";

export const action = ({ request }: ActionFunctionArgs) => handleWebhookRequest(request, webhookRouteDeps(), ["app/scopes_update"]);

// A GET reaches the loader, not authenticate.webhook: answer 405 the same way.
export const loader = () =>
  Response.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Webhooks are POST requests." } }, { status: 405 });
