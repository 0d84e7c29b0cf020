// Body fields and the lookup shared by the routes that act on an existing conversation.
import { z } from "zod";
import { createConversationStore, type OwnedConversation } from "./conversation-store.server";
import type { ShopperApiDeps } from "../storefront-proxy/deps";
import { conversationNotFound } from "../infra/http/errors";
import type { ProxyContext } from "../storefront-proxy/proxy-context.server";

// Ids and tokens are base64url; anything else never reaches the database (a lone
// surrogate or NUL would make the driver fail, and a 5xx must not be reachable).
export const conversationIdField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a conversation id");
export const conversationTokenField = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be a conversation token");
// Shopify's locale iso codes ("en", "pt-BR"); "pt_BR" is accepted too.
export const localeField = z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/, "must be a language tag like en or pt-BR");

export function conversationStoreOf(deps: ShopperApiDeps) {
  return createConversationStore({ db: deps.db, vault: deps.vault, now: deps.now });
}

/**
 * The conversation a request names, if its token owns it for this shop and customer:
 * null when the request names none, a 404 (no hint why) when it is not theirs.
 */
export async function ownedConversationOrNotFound(
  deps: ShopperApiDeps,
  context: ProxyContext,
  id: string | null | undefined,
  token: string | null | undefined,
): Promise<OwnedConversation | null | Response> {
  if (!id || !token) return null;
  const owned = await conversationStoreOf(deps).findOwned(context.shop.shop, id, token, context.customerId);
  return owned ?? conversationNotFound();
}

/**
 * The conversation `id` names, if `token` owns it for this shop and customer; otherwise
 * the one 404 of the shopper API (an id or token that is not even well-formed included),
 * so an unknown id, a wrong token and another shop's conversation look the same.
 */
export async function ownedConversationByToken(
  deps: ShopperApiDeps,
  context: ProxyContext,
  id: string | null | undefined,
  token: string | null | undefined,
): Promise<OwnedConversation | Response> {
  const idOk = conversationIdField.safeParse(id);
  const tokenOk = conversationTokenField.safeParse(token);
  if (!idOk.success || !tokenOk.success) return conversationNotFound();
  const owned = await conversationStoreOf(deps).findOwned(context.shop.shop, idOk.data, tokenOk.data, context.customerId);
  return owned ?? conversationNotFound();
}
