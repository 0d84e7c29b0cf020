// A TranscriptStore that keeps everything in memory: for tests, and to read back
// exactly what the assistant asked to store.
import type { Card } from "../contracts/cards";
import type { AssistantEventKind, Topic, TranscriptStore } from "../assistant/ports";

export interface StoredMessage {
  id: string;
  shop: string;
  conversationId: string;
  role: "shopper" | "assistant";
  text: string;
  cards: Card[];
  mode?: "ai" | "basic";
  topic?: Topic;
  tokensUsed?: number;
}

export function createInMemoryTranscriptStore(): TranscriptStore & {
  messages: StoredMessage[];
  events: Array<{ shop: string; conversationId: string; kind: AssistantEventKind }>;
} {
  const messages: StoredMessage[] = [];
  const events: Array<{ shop: string; conversationId: string; kind: AssistantEventKind }> = [];
  let next = 1;
  return {
    messages,
    events,
    async appendShopperMessage({ shop, conversationId, text }) {
      const id = `msg_${next++}`;
      messages.push({ id, shop, conversationId, role: "shopper", text, cards: [] });
      return { messageId: id };
    },
    async appendAssistantMessage({ shop, conversationId, text, cards, mode, topic, tokensUsed }) {
      const id = `msg_${next++}`;
      messages.push({ id, shop, conversationId, role: "assistant", text, cards, mode, topic, tokensUsed });
      return { messageId: id };
    },
    async recordEvent(event) {
      events.push(event);
    },
  };
}
