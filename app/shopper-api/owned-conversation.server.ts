// Body fields and the lookup shared by the routes that act on an existing conversation.
import { z } from "zod";
import { createConversationStore, type OwnedConversation } from "../conversations/conversation-store.server";
import type { ShopperApiDeps } from "./deps";
import type { ProxyContext } from "./proxy-context.server";

export const conversationIdField = z.string().trim().min(1).max(100);
export const conversationTokenField = z.string().trim().min(1).max(200);

export function conversationStoreOf(deps: ShopperApiDeps) {
  return createConversationStore({ db: deps.db, vault: deps.vault, now: deps.now });
}

/** The conversation if the token owns it for this shop and customer; null answers 404 (no hint why). */
export function findOwnedConversation(
  deps: ShopperApiDeps,
  context: ProxyContext,
  id: string,
  token: string,
): Promise<OwnedConversation | null> {
  return conversationStoreOf(deps).findOwned(context.shop.shop, id, token, context.customerId);
}
