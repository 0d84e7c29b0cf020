// GET /conversations/:id/export: the shopper downloads everything stored for their
// conversation (app/privacy/compliance/conversation-export.server.ts) as a JSON file.
// Authorised like GET /conversations/:id: the token in the X-Conversation-Token header
// (preferred) or the `token` query parameter; an unknown id, a wrong token and another
// shop's conversation get the same 404. Signature first, then the method (405).
import { conversationNotFound, methodNotAllowed } from "../../infra/http/errors";
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import { guardShopperRoute } from "../../storefront-proxy/guard.server";
import { resolveProxyContext } from "../../storefront-proxy/proxy-context.server";
import { ownedConversationByToken } from "../../conversations/owned-conversation.server";
import { buildConversationExport } from "../compliance/conversation-export.server";

export function handleConversationExport(request: Request, id: string | undefined, deps: ShopperApiDeps): Promise<Response> {
  return guardShopperRoute("conversation-export", request, deps, async () => {
    const resolved = await resolveProxyContext(request, deps);
    if (!resolved.ok) return resolved.response;
    if (request.method !== "GET") return methodNotAllowed("GET");
    const { context } = resolved;
    const token = request.headers.get("x-conversation-token") ?? new URL(request.url).searchParams.get("token");
    const owned = await ownedConversationByToken(deps, context, id, token);
    if (owned instanceof Response) return owned;
    const now = deps.now?.() ?? new Date();
    const exported = await buildConversationExport(deps.db, deps.vault, { shop: context.shop.shop, conversationId: owned.id }, now);
    if (!exported) return conversationNotFound();
    const filename = `conversation-${now.toISOString().slice(0, 10)}.json`;
    return new Response(JSON.stringify(exported, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
