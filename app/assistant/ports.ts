// The assistant's own port: the transcript it appends to. app/conversations implements
// it for the shopper API; tests use app/conversations/in-memory-transcript-store.ts.
// The other ports live with what they describe: the model (app/infra/model/ports.ts),
// the Admin API (app/infra/shopify/admin-graphql.ts), the knowledge base
// (app/knowledge/ports.ts), time (app/infra/clock.ts).
import type { Card } from "../contracts/cards";

/** Analytics label of an answer; never message text. */
export type Topic = "product" | "order" | "policy" | "handoff" | "other";

export type AssistantEventKind =
  "basic_mode" | "handoff" | "order_asked" | "model_failure" | "limit_reached" | "blocked_topic" | "output_refused";

export interface TranscriptStore {
  /** `text` is already redacted. The store decides (consent, keepTranscripts, pause) whether to persist. */
  appendShopperMessage(input: { shop: string; conversationId: string; text: string }): Promise<{ messageId: string }>;
  appendAssistantMessage(input: {
    shop: string;
    conversationId: string;
    text: string;
    cards: Card[];
    mode: "ai" | "basic";
    topic: Topic;
    /** Model tokens this turn used (estimated when the provider reports none); add to Conversation.tokensUsed. */
    tokensUsed: number;
  }): Promise<{ messageId: string }>;
  /** A counted event (ShopEvent row); no message text. */
  recordEvent(input: { shop: string; conversationId: string; kind: AssistantEventKind }): Promise<void>;
}
