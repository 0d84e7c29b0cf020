// What a test (or the demo brain) tells the OpenAI-compatible fake to answer.

export interface FakeToolCall {
  name: string;
  /** An object is JSON-encoded; a string is sent as is (so a test can send broken JSON). */
  arguments: string | Record<string, unknown>;
}

export type FakeReply =
  | { text: string; usage?: { prompt: number; completion: number } | false }
  | { toolCalls: FakeToolCall[]; text?: string; usage?: { prompt: number; completion: number } | false }
  /** Never answers (the client must time out). */
  | { fault: "hang" }
  /** An HTTP error: 429 (with Retry-After seconds), 500, 503… */
  | { fault: "status"; status: number; retryAfter?: number }
  /** Starts streaming `text`, then drops the connection mid-answer. */
  | { fault: "cut"; text?: string }
  /** Starts streaming `text`, then sends nothing more and keeps the connection open. */
  | { fault: "stall"; text?: string }
  /** A tool call whose arguments are not valid JSON. */
  | { fault: "malformed_tool_call" };

/** The parsed body of one POST /v1/chat/completions. */
export interface ChatCompletionBody {
  model: string;
  messages: Array<{
    role: string;
    content?: string | null;
    tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
    tool_call_id?: string;
  }>;
  tools?: Array<{ type: "function"; function: { name: string; description?: string; parameters?: unknown } }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  store?: boolean;
  [key: string]: unknown;
}

export type FakeBrain = (body: ChatCompletionBody) => FakeReply;
