// The model as a port: what the assistant asks of a chat model, as plain types.
// app/infra/model/openai-chat-model.server.ts implements it; tests pass fakes.
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
  "timeout" | "rate_limited" | "server_error" | "broken_stream" | "malformed_tool_call" | "bad_request" | "aborted";

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
