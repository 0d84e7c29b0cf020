// POST /lead: "talk to a person". The consent box must be ticked (consent: true);
// only the fields the merchant collects are kept. See app/conversations/leads.server.ts.
import { z } from "zod";
import { createLead, leadContactSchema } from "../conversations/leads.server";
import type { ShopperApiDeps } from "./deps";
import { conversationNotFound, jsonError, jsonResponse, methodNotAllowed } from "./errors";
import { guardRoute } from "./guard.server";
import { conversationIdField, conversationStoreOf, conversationTokenField } from "./owned-conversation.server";
import { resolveProxyContext } from "./proxy-context.server";
import { readJsonBody } from "./read-json-body";

export const leadBodySchema = leadContactSchema
  .extend({
    conversationId: conversationIdField.nullish(),
    token: conversationTokenField.nullish(),
    consent: z.literal(true, { error: "must be true: please agree to be contacted" }),
  })
  .refine((body) => !body.conversationId === !body.token, { message: "conversationId and token go together", path: ["token"] });

export function handleLead(request: Request, deps: ShopperApiDeps): Promise<Response> {
  return guardRoute("lead", async () => {
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    if (request.method !== "POST") return methodNotAllowed("POST");
    const { context } = resolved;
    const body = await readJsonBody(request, leadBodySchema);
    if (!body.ok) return body.response;
    const { conversationId, token, consent: _consent, ...contact } = body.data;
    let conversation = null;
    if (conversationId && token) {
      conversation = await conversationStoreOf(deps).findOwned(context.shop.shop, conversationId, token, context.customerId);
      if (!conversation) return conversationNotFound();
    }
    const result = await createLead(
      { db: deps.db, vault: deps.vault, now: deps.now },
      { shop: context.shop, conversation, customerId: context.customerId, contact },
    );
    if (!result.ok) return jsonError(result.code === "FORBIDDEN" ? 403 : 400, result.code, result.message);
    return jsonResponse({ lead: { id: result.leadId }, message: "Thanks! Someone from the shop will get back to you." }, 201);
  });
}
