// The server-sent events of POST /chat (the shopper API's stream), event name →
// payload. The server writes them from these types; the widget reads them with the
// same types (type-only import). Order: `conversation` (once, when this turn opened
// the conversation), then `delta` and `card` events, then `done` or `error`.
import type { Card } from "./cards";

export interface ChatStreamEvents {
  conversation: { id: string; token: string };
  delta: { text: string };
  card: Card;
  done: { messageId: string; mode: "ai" | "basic"; handoff?: true };
  error: { code: "UNAVAILABLE" | "INTERNAL"; message: string };
}

export type ChatStreamEventName = keyof ChatStreamEvents;

/** One stored message, as GET /conversations/:id returns it. */
export interface TranscriptMessage {
  id: string;
  role: "shopper" | "assistant";
  text: string;
  cards: Card[];
  mode: "ai" | "basic";
  createdAt: string;
}

/** GET /conversations/:id: the stored transcript the widget restores after a reload. */
export interface ConversationReadResponse {
  conversation: { id: string; consentState: string; orderVerified: boolean; outcome: string };
  messages: TranscriptMessage[];
}
