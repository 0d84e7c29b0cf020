// POST /verify-order {conversationId, token, orderNumber, email}: binds one order to
// a guest's conversation, or answers the same generic failure whatever was wrong.
// See app/conversations/order-verification.server.ts.
import { z } from "zod";
import { guestVerificationRefusal, verifyGuestOrder, type VerifyOrderResult } from "../order-verification.server";
import { initialConsentState } from "../../conversations/storage-policy";
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import { jsonError, jsonResponse } from "../../infra/http/errors";
import {
  conversationIdField,
  conversationStoreOf,
  conversationTokenField,
  ownedConversationOrNotFound,
} from "../../conversations/owned-conversation.server";
import type { ProxyContext } from "../../storefront-proxy/proxy-context.server";
import { proxyPost } from "../../storefront-proxy/proxy-post.server";
import { rateLimitedAndRecorded } from "../../storefront-proxy/security-events.server";

export const verifyOrderBodySchema = z
  .object({
    conversationId: conversationIdField.nullish(),
    token: conversationTokenField.nullish(),
    orderNumber: z.string().trim().min(1, "must not be empty").max(40),
    email: z.email("must be an email address").max(254),
  })
  .refine((body) => !body.conversationId === !body.token, { message: "conversationId and token go together", path: ["token"] });

type RefusalAt = { deps: ShopperApiDeps; shop: string; conversationId: string | null };

function refusalResponse(result: Exclude<VerifyOrderResult, { ok: true }>, at: RefusalAt): Response | Promise<Response> {
  switch (result.code) {
    case "RATE_LIMITED":
      return rateLimitedAndRecorded(at.deps, at, result.retryAfterSeconds, result.message);
    case "UNAVAILABLE":
      return jsonError(503, "UNAVAILABLE", result.message, { "Retry-After": "10" });
    case "VERIFICATION_FAILED":
      return jsonError(422, result.code, result.message);
    default:
      return jsonError(403, result.code, result.message);
  }
}

/**
 * The conversation to bind the order to. A shopper who verifies before chatting has
 * none yet: one is started when the shop's settings and consent allow storing it,
 * and its id and token go back with the answer.
 */
async function conversationFor(deps: ShopperApiDeps, context: ProxyContext, body: z.infer<typeof verifyOrderBodySchema>) {
  const owned = await ownedConversationOrNotFound(deps, context, body.conversationId, body.token);
  if (owned) return owned instanceof Response ? owned : { conversation: owned, created: null };
  const { shop, customerId } = context;
  const consentState = initialConsentState(shop.settings);
  const refused = guestVerificationRefusal(shop, { consentState });
  if (refused) return refusalResponse(refused, { deps, shop: shop.shop, conversationId: null });
  const { conversation, ...created } = await conversationStoreOf(deps).create({ shop: shop.shop, customerId, consentState });
  return { conversation, created };
}

export function handleVerifyOrder(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return proxyPost("verify-order", request, deps, verifyOrderBodySchema, async (context, body) => {
    const target = await conversationFor(deps, context, body);
    if (target instanceof Response) return target;
    const result = await verifyGuestOrder(
      { db: deps.db, vault: deps.vault, limits: deps.limits, admin: context.admin, now: deps.now },
      { shop: context.shop, conversation: target.conversation, ipKey: context.ipKey, orderNumber: body.orderNumber, email: body.email },
    );
    if (!result.ok) return refusalResponse(result, { deps, shop: context.shop.shop, conversationId: target.conversation.id });
    return jsonResponse({ verified: true, order: { name: result.orderName }, ...(target.created ? { conversation: target.created } : {}) });
  });
}
