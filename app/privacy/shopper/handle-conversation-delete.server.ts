// POST /conversations/:id/delete: the shopper deletes their conversation and everything
// linked to it (app/privacy/compliance/conversation-delete.server.ts). Authorised by the
// conversation's token, in the X-Conversation-Token header (preferred) or the body's
// `token`; the body is a JSON object (`{}` when the token is in the header). An unknown
// id, a wrong token, another shop's conversation and one already deleted get the same
// 404. The storefront-proxy pipeline: signature, method (405), body (zod), rate limits.
import { z } from "zod";
import type { ConversationDeletedResponse } from "../../contracts/conversation-privacy";
import { conversationNotFound, jsonResponse } from "../../infra/http/errors";
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import { admissionOf, turnInProgress, turnKeyOf } from "../../storefront-proxy/admission.server";
import { proxyPost } from "../../storefront-proxy/proxy-post.server";
import { ownedConversationByToken } from "../../conversations/owned-conversation.server";
import { deleteShopperConversation } from "../compliance/conversation-delete.server";

// The token's format is checked with the id (a malformed one is a 404, as on GET).
export const conversationDeleteBodySchema = z.object({ token: z.string().max(256).nullish() });

export function handleConversationDelete(request: Request, id: string | undefined, deps: ShopperApiDeps): Promise<Response> {
  return proxyPost("conversation-delete", request, deps, conversationDeleteBodySchema, async (context, body) => {
    const token = request.headers.get("x-conversation-token") ?? body.token ?? null;
    const owned = await ownedConversationByToken(deps, context, id, token);
    if (owned instanceof Response) return owned;
    // Not while a turn of this conversation is running (its answer would be written after
    // the delete): the same in-memory slot POST /chat holds.
    const turnKey = turnKeyOf(context.shop.shop, owned.id, token);
    const release = admissionOf(deps).enterTurn(turnKey);
    if (!release) return turnInProgress();
    try {
      const counts = await deleteShopperConversation(
        deps.db,
        { shop: context.shop.shop, conversationId: owned.id },
        deps.now?.() ?? new Date(),
      );
      if (!counts) return conversationNotFound();
      const { conversations, messages, leads, orderVerifications } = counts;
      const answer: ConversationDeletedResponse = { deleted: { conversations, messages, leads, orderVerifications } };
      return jsonResponse(answer);
    } finally {
      release();
    }
  });
}
