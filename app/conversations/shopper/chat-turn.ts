// The port between POST /chat and the assistant: one turn in, a stream of events out.
// The route builds the input (verified scope, storage policy, transcript store) and
// turns each event into an SSE frame; the assistant never sees the request.
import type { ShopperApiDeps } from "../../storefront-proxy/deps";
import type { AdminGraphql } from "../../infra/shopify/admin-graphql";
import type { TranscriptStore } from "../../assistant/ports";
import type { TranscriptMessage } from "../conversation-store.server";
import type { VerifiedScope } from "../../orders/order-access";
import type { ShopState } from "../../settings/shop-settings.server";

import type { TurnEvent } from "../../assistant/turn-events";

/** The assistant's turn events, written as SSE events of the same name. */
export type ChatTurnEvent = TurnEvent;

export interface ChatTurnInput {
  shop: ShopState;
  /** The conversation id (persisted or, before consent, never written). */
  conversationId: string;
  /** The earlier messages of this conversation, oldest first (empty when nothing is stored). */
  history: TranscriptMessage[];
  /** Conversation.tokensUsed before this turn (0 for a new or unstored conversation). */
  conversationTokensUsed: number;
  message: string;
  locale: string | null;
  /** The storefront's country (validated ISO 3166 alpha-2): presentation only, never access. Absent from older callers. */
  country?: string | null;
  /** From the signed proxy query and the conversation's verified order; never from the body. */
  scope: VerifiedScope;
  store: TranscriptStore;
  admin: AdminGraphql | null;
  /** Aborts when the shopper disconnects. */
  signal: AbortSignal;
}

export type ChatTurn = (input: ChatTurnInput) => AsyncIterable<ChatTurnEvent>;

/** The shopper API's dependencies plus the assistant's turn: what POST /chat needs. */
export interface ChatApiDeps extends ShopperApiDeps {
  chatTurn: ChatTurn;
}
