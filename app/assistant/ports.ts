// The assistant's ports: everything outside the domain it talks to, as plain types.
// Adapters (*.server.ts) implement them for production; tests pass fakes.
import type { Card } from "../contracts/cards";

// ---------- the model ----------

export interface ModelToolCall {
  id: string;
  name: string;
  /** The raw JSON text the model produced; validated with zod before anything runs. */
  arguments: string;
}

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string | null; toolCalls?: ModelToolCall[] }
  | { role: "tool"; toolCallId: string; content: string };

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  maxOutputTokens: number;
}

export type ModelFailureKind =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "broken_stream"
  | "malformed_tool_call"
  | "bad_request"
  | "aborted";

/** What a streaming model call yields. Failures are values, and always the last event. */
export type ModelEvent =
  | { type: "text"; text: string }
  | { type: "tool_calls"; calls: ModelToolCall[] }
  | { type: "usage"; promptTokens: number; completionTokens: number }
  | { type: "failure"; kind: ModelFailureKind; message: string };

export interface ChatModel {
  /** Streams one completion. Must end (with a failure event) when `signal` aborts. */
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ModelEvent>;
}

// ---------- Shopify Admin GraphQL ----------

export type AdminFailureCode = "THROTTLED" | "UNAVAILABLE" | "TIMEOUT" | "GRAPHQL_ERROR" | "BAD_RESPONSE";

export type AdminResult = { ok: true; data: unknown } | { ok: false; code: AdminFailureCode; message: string };

/** Runs one named operation (from an operations.ts) for the current shop. */
export type AdminGraphql = (operation: string, variables?: Record<string, unknown>) => Promise<AdminResult>;

// ---------- the merchant's knowledge base ----------

export interface KnowledgeEntryView {
  id: string;
  kind: "faq" | "policy";
  policyType: string | null;
  question: string;
  answer: string;
  url: string | null;
}

export interface KnowledgeStore {
  listEntries(shop: string): Promise<KnowledgeEntryView[]>;
}

// ---------- the transcript (implemented in app/conversations by the shopper API) ----------

/** Analytics label of an answer; never message text. */
export type Topic = "product" | "order" | "policy" | "handoff" | "other";

export type AssistantEventKind =
  | "basic_mode"
  | "handoff"
  | "order_asked"
  | "model_failure"
  | "limit_reached"
  | "blocked_topic"
  | "output_refused";

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

// ---------- time ----------

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    }),
};
