// POST /verify-order {conversationId, token, orderNumber, email}: binds one order to
// a guest's conversation, or answers the same generic failure whatever was wrong.
// See app/conversations/order-verification.server.ts.
import { z } from "zod";
import { guestVerificationRefusal, verifyGuestOrder, type VerifyOrderResult } from "../conversations/order-verification.server";
import { initialConsentState } from "../conversations/storage-policy";
import type { ShopperApiDeps } from "./deps";
import { conversationNotFound, jsonError, jsonResponse, methodNotAllowed } from "./errors";
import { guardRoute } from "./guard.server";
import { conversationIdField, conversationStoreOf, conversationTokenField } from "./owned-conversation.server";
import { resolveProxyContext, type ProxyContext } from "./proxy-context.server";
import { readJsonBody } from "./read-json-body";
import { rateLimitedAndRecorded } from "./security-events.server";

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
  const store = conversationStoreOf(deps);
  const { shop, customerId } = context;
  if (body.conversationId && body.token) {
    const owned = await store.findOwned(shop.shop, body.conversationId, body.token, customerId);
    return owned ? { conversation: owned, created: null } : conversationNotFound();
  }
  const consentState = initialConsentState(shop.settings);
  const refused = guestVerificationRefusal(shop, { consentState });
  if (refused) return refusalResponse(refused, { deps, shop: shop.shop, conversationId: null });
  const created = await store.create({ shop: shop.shop, customerId, consentState });
  const conversation = await store.findOwned(shop.shop, created.id, created.token, customerId);
  return conversation ? { conversation, created } : conversationNotFound();
}

export function handleVerifyOrder(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return guardRoute("verify-order", async () => {
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    if (request.method !== "POST") return methodNotAllowed("POST");
    const { context } = resolved;
    const body = await readJsonBody(request, verifyOrderBodySchema);
    if (!body.ok) return body.response;
    const target = await conversationFor(deps, context, body.data);
    if (target instanceof Response) return target;
    const result = await verifyGuestOrder(
      { db: deps.db, vault: deps.vault, limits: deps.limits, admin: context.admin, now: deps.now },
      { shop: context.shop, conversation: target.conversation, ipKey: context.ipKey, orderNumber: body.data.orderNumber, email: body.data.email },
    );
    if (!result.ok) return refusalResponse(result, { deps, shop: context.shop.shop, conversationId: target.conversation.id });
    return jsonResponse({ verified: true, order: { name: result.orderName }, ...(target.created ? { conversation: target.created } : {}) });
  });
}
