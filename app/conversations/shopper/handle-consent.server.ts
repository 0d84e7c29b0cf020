// POST /consent {conversationId?, token?, accepted}: records the shopper's answer to
// the privacy notice. Without a conversation, accepting creates one and answers its
// id and token (the widget's first call when consent is required); declining stores
// nothing. See app/conversations/consent.server.ts.
import { z } from "zod";
import { recordConsent } from "../consent.server";
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import { jsonResponse } from "../../infra/http/errors";
import {
  conversationIdField,
  conversationStoreOf,
  conversationTokenField,
  localeField,
  ownedConversationOrNotFound,
} from "../owned-conversation.server";
import { proxyPost } from "../../storefront-proxy/proxy-post.server";

export const consentBodySchema = z
  .object({
    conversationId: conversationIdField.nullish(),
    token: conversationTokenField.nullish(),
    accepted: z.boolean({ error: "must be true or false" }),
    locale: localeField.nullish(),
  })
  .refine((body) => !body.conversationId === !body.token, { message: "conversationId and token go together", path: ["token"] });

export function handleConsent(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return proxyPost("consent", request, deps, consentBodySchema, async (context, body) => {
    const conversation = await ownedConversationOrNotFound(deps, context, body.conversationId, body.token);
    if (conversation instanceof Response) return conversation;
    const result = await recordConsent(
      { db: deps.db, conversations: conversationStoreOf(deps), now: deps.now },
      { shop: context.shop, conversation, customerId: context.customerId, accepted: body.accepted, locale: body.locale ?? null },
    );
    return jsonResponse(result);
  });
}
