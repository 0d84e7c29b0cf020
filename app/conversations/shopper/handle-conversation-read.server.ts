// GET /conversations/:id: the stored, redacted transcript for the browser that owns
// it. The token comes in the X-Conversation-Token header (preferred) or the `token`
// query parameter. An unknown id, a wrong token and another shop's conversation get
// the same 404.
import { jsonResponse, conversationNotFound, methodNotAllowed } from "../../infra/http/errors";
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import { guardShopperRoute } from "../../storefront-proxy/guard.server";
import { conversationIdField, conversationStoreOf, conversationTokenField } from "../owned-conversation.server";
import { resolveProxyContext } from "../../storefront-proxy/proxy-context.server";

export function handleConversationRead(request: Request, id: string | undefined, deps: ShopperApiDeps): Promise<Response> {
  return guardShopperRoute("conversations", request, deps, async () => {
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    if (request.method !== "GET") return methodNotAllowed("GET");
    const { context } = resolved;
    const token = request.headers.get("x-conversation-token") ?? new URL(request.url).searchParams.get("token");
    const idOk = conversationIdField.safeParse(id);
    const tokenOk = conversationTokenField.safeParse(token);
    if (!idOk.success || !tokenOk.success) return conversationNotFound();
    const store = conversationStoreOf(deps);
    const conversation = await store.findOwned(context.shop.shop, idOk.data, tokenOk.data, context.customerId);
    if (!conversation) return conversationNotFound();
    const messages = await store.readTranscript(context.shop.shop, conversation.id);
    return jsonResponse({
      conversation: {
        id: conversation.id,
        consentState: conversation.consentState,
        orderVerified: conversation.verifiedOrderId !== null,
        outcome: conversation.outcome,
      },
      messages,
    });
  });
}
