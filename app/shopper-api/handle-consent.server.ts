// POST /consent {conversationId?, token?, accepted}: records the shopper's answer to
// the privacy notice. Without a conversation, accepting creates one and answers its
// id and token (the widget's first call when consent is required); declining stores
// nothing. See app/conversations/consent.server.ts.
import { z } from "zod";
import { recordConsent } from "../conversations/consent.server";
import type { ShopperApiDeps } from "./deps";
import { conversationNotFound, jsonResponse, methodNotAllowed } from "./errors";
import { guardRoute } from "./guard.server";
import { conversationIdField, conversationStoreOf, conversationTokenField, localeField } from "./owned-conversation.server";
import { resolveProxyContext } from "./proxy-context.server";
import { readJsonBody } from "./read-json-body";

export const consentBodySchema = z
  .object({
    conversationId: conversationIdField.nullish(),
    token: conversationTokenField.nullish(),
    accepted: z.boolean({ error: "must be true or false" }),
    locale: localeField.nullish(),
  })
  .refine((body) => !body.conversationId === !body.token, { message: "conversationId and token go together", path: ["token"] });

export function handleConsent(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return guardRoute("consent", async () => {
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    if (request.method !== "POST") return methodNotAllowed("POST");
    const { context } = resolved;
    const body = await readJsonBody(request, consentBodySchema);
    if (!body.ok) return body.response;
    const conversations = conversationStoreOf(deps);
    let conversation = null;
    if (body.data.conversationId && body.data.token) {
      conversation = await conversations.findOwned(context.shop.shop, body.data.conversationId, body.data.token, context.customerId);
      if (!conversation) return conversationNotFound();
    }
    const result = await recordConsent(
      { db: deps.db, conversations, now: deps.now },
      { shop: context.shop, conversation, customerId: context.customerId, accepted: body.data.accepted, locale: body.data.locale ?? null },
    );
    return jsonResponse(result);
  });
}
