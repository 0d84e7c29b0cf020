// POST /verify-order {conversationId, token, orderNumber, email}: binds one order to
// a guest's conversation, or answers the same generic failure whatever was wrong.
// See app/conversations/order-verification.server.ts.
import { z } from "zod";
import { verifyGuestOrder } from "../conversations/order-verification.server";
import type { ShopperApiDeps } from "./deps";
import { conversationNotFound, jsonError, jsonResponse, methodNotAllowed, rateLimited } from "./errors";
import { guardRoute } from "./guard.server";
import { conversationIdField, conversationStoreOf, conversationTokenField } from "./owned-conversation.server";
import { resolveProxyContext } from "./proxy-context.server";
import { readJsonBody } from "./read-json-body";

export const verifyOrderBodySchema = z.object({
  conversationId: conversationIdField,
  token: conversationTokenField,
  orderNumber: z.string().trim().min(1, "must not be empty").max(40),
  email: z.email("must be an email address").max(254),
});

export function handleVerifyOrder(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return guardRoute("verify-order", async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    const { context } = resolved;
    const body = await readJsonBody(request, verifyOrderBodySchema);
    if (!body.ok) return body.response;
    const conversation = await conversationStoreOf(deps).findOwned(
      context.shop.shop,
      body.data.conversationId,
      body.data.token,
      context.customerId,
    );
    if (!conversation) return conversationNotFound();
    const result = await verifyGuestOrder(
      { db: deps.db, vault: deps.vault, limits: deps.limits, admin: context.admin, now: deps.now },
      { shop: context.shop, conversation, ipKey: context.ipKey, orderNumber: body.data.orderNumber, email: body.data.email },
    );
    if (result.ok) return jsonResponse({ verified: true, order: { name: result.orderName } });
    switch (result.code) {
      case "RATE_LIMITED":
        return rateLimited(result.retryAfterSeconds, result.message);
      case "UNAVAILABLE":
        return jsonError(503, "UNAVAILABLE", result.message, { "Retry-After": "10" });
      case "VERIFICATION_FAILED":
        return jsonError(422, result.code, result.message);
      default:
        return jsonError(403, result.code, result.message);
    }
  });
}
