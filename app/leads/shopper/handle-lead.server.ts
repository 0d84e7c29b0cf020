// POST /lead: "talk to a person". The consent box must be ticked (consent: true);
// only the fields the merchant collects are kept. See app/conversations/leads.server.ts.
import { z } from "zod";
import { createLead, leadContactSchema } from "../lead-store.server";
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import { jsonError, jsonResponse } from "../../infra/http/errors";
import { conversationIdField, conversationTokenField, ownedConversationOrNotFound } from "../../conversations/owned-conversation.server";
import { proxyPost } from "../../storefront-proxy/proxy-post.server";

export const leadBodySchema = leadContactSchema
  .extend({
    conversationId: conversationIdField.nullish(),
    token: conversationTokenField.nullish(),
    consent: z.literal(true, { error: "must be true: please agree to be contacted" }),
  })
  .refine((body) => !body.conversationId === !body.token, { message: "conversationId and token go together", path: ["token"] });

export function handleLead(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return proxyPost("lead", request, deps, leadBodySchema, async (context, body) => {
    const { conversationId, token, consent: _consent, ...contact } = body;
    const conversation = await ownedConversationOrNotFound(deps, context, conversationId, token);
    if (conversation instanceof Response) return conversation;
    const result = await createLead(
      { db: deps.db, vault: deps.vault, now: deps.now },
      { shop: context.shop, conversation, customerId: context.customerId, contact },
    );
    if (!result.ok) return jsonError(result.code === "FORBIDDEN" ? 403 : 400, result.code, result.message);
    return jsonResponse({ lead: { id: result.leadId }, message: "Thanks! Someone from the shop will get back to you." }, 201);
  });
}
