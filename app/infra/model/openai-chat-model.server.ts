// The ChatModel port over the `openai` SDK: Chat Completions, streaming, tools,
// store:false. OPENAI_BASE_URL makes any OpenAI-compatible server usable. Every
// failure becomes a typed failure event (the circuit breaker and basic mode take over);
// nothing here throws into the turn.
import OpenAI from "openai";
import type { ChatCompletionChunk, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ChatMessage, ChatModel, ModelEvent, ModelFailureKind, ModelToolCall } from "./ports";
import { nodeHttpFetch } from "../http/node-fetch.server";

export interface OpenAiModelOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Time to the response headers; the turn has its own overall timeout. */
  timeoutMs?: number;
}

function toOpenAi(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    switch (m.role) {
      case "assistant":
        return {
          role: "assistant",
          content: m.content,
          ...(m.toolCalls?.length
            ? {
                tool_calls: m.toolCalls.map((c) => ({
                  id: c.id,
                  type: "function" as const,
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        };
      case "tool":
        return { role: "tool", tool_call_id: m.toolCallId, content: m.content };
      default:
        return { role: m.role, content: m.content };
    }
  });
}

export function failureKindOf(error: unknown, signal: AbortSignal): ModelFailureKind {
  if (signal.aborted || error instanceof OpenAI.APIUserAbortError) return "aborted";
  if (error instanceof OpenAI.APIConnectionTimeoutError) return "timeout";
  if (error instanceof OpenAI.RateLimitError) return "rate_limited";
  if (error instanceof OpenAI.InternalServerError || error instanceof OpenAI.APIConnectionError) return "server_error";
  if (error instanceof OpenAI.APIError && typeof error.status === "number") return error.status >= 500 ? "server_error" : "bad_request";
  return "broken_stream";
}

export function createOpenAiChatModel(options: OpenAiModelOptions): ChatModel {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 20_000,
    // No SDK retries: a failing provider should open the breaker fast, not make the shopper wait.
    maxRetries: 0,
    // node:http instead of the global fetch: less CPU per turn (app/infra/http/node-fetch.server.ts).
    fetch: nodeHttpFetch,
  });
  return {
    async *stream(request, signal): AsyncGenerator<ModelEvent> {
      let stream: AsyncIterable<ChatCompletionChunk>;
      try {
        stream = await client.chat.completions.create(
          {
            model: options.model,
            messages: toOpenAi(request.messages),
            ...(request.tools.length
              ? {
                  tools: request.tools.map((t) => ({
                    type: "function" as const,
                    function: { name: t.name, description: t.description, parameters: t.parameters },
                  })),
                }
              : {}),
            stream: true,
            stream_options: { include_usage: true },
            store: false,
            max_completion_tokens: request.maxOutputTokens,
          },
          { signal },
        );
      } catch (error) {
        yield { type: "failure", kind: failureKindOf(error, signal), message: "the model request failed" };
        return;
      }
      const calls = new Map<number, ModelToolCall>();
      let finished = false;
      try {
        for await (const chunk of stream) {
          if (chunk.usage) {
            yield { type: "usage", promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
          }
          const choice = chunk.choices[0];
          if (!choice) continue;
          if (choice.delta?.content) yield { type: "text", text: choice.delta.content };
          for (const part of choice.delta?.tool_calls ?? []) {
            const call = calls.get(part.index) ?? { id: "", name: "", arguments: "" };
            if (part.id) call.id = part.id;
            if (part.function?.name) call.name += part.function.name;
            if (part.function?.arguments) call.arguments += part.function.arguments;
            calls.set(part.index, call);
          }
          if (choice.finish_reason) finished = true;
        }
      } catch (error) {
        yield { type: "failure", kind: failureKindOf(error, signal), message: "the model stream broke" };
        return;
      }
      if (!finished) {
        yield { type: "failure", kind: signal.aborted ? "aborted" : "broken_stream", message: "the model stream ended early" };
        return;
      }
      if (calls.size > 0) {
        const list = [...calls.entries()].sort(([a], [b]) => a - b).map(([i, c]) => ({ ...c, id: c.id || `call_${i}` }));
        if (list.some((c) => !c.name)) {
          yield { type: "failure", kind: "malformed_tool_call", message: "a tool call without a name" };
          return;
        }
        yield { type: "tool_calls", calls: list };
      }
    },
  };
}
