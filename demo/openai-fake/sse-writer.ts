// Writes a FakeReply in OpenAI's wire format: chat.completion.chunk SSE events
// (tool calls in the delta format, usage last) or one chat.completion JSON.
import type { ServerResponse } from "node:http";
import type { ChatCompletionBody, FakeReply } from "./types";

type Answer = Extract<FakeReply, { text: string } | { toolCalls: unknown }>;

let counter = 0;

function wordsOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function argumentsText(args: string | Record<string, unknown>): string {
  return typeof args === "string" ? args : JSON.stringify(args);
}

function usageOf(reply: Answer, body: ChatCompletionBody) {
  if (reply.usage === false) return null;
  const prompt = reply.usage?.prompt ?? Math.ceil(JSON.stringify(body.messages).length / 4);
  const completion = reply.usage?.completion ?? Math.ceil(JSON.stringify(reply).length / 4);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function writeJson(res: ServerResponse, reply: Answer, body: ChatCompletionBody): void {
  const toolCalls = "toolCalls" in reply ? reply.toolCalls : [];
  const message = {
    role: "assistant",
    content: reply.text ?? null,
    ...(toolCalls.length
      ? {
          tool_calls: toolCalls.map((c, i) => ({
            id: `call_${++counter}_${i}`,
            type: "function",
            function: { name: c.name, arguments: argumentsText(c.arguments) },
          })),
        }
      : {}),
  };
  const payload = {
    id: `chatcmpl-fake-${++counter}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message, finish_reason: toolCalls.length ? "tool_calls" : "stop", logprobs: null }],
    usage: usageOf(reply, body),
  };
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(payload));
}

/**
 * Streams the reply. With `stop`, only the first `after` chunks are sent, then the socket
 * is dropped (`drop`) or left open with nothing more coming (a stalled stream).
 */
export function writeStream(res: ServerResponse, reply: Answer, body: ChatCompletionBody, stop?: { after: number; drop: boolean }): void {
  const id = `chatcmpl-fake-${++counter}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model: body.model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const chunks: unknown[] = [chunk({ role: "assistant", content: "" })];
  for (const word of wordsOf(reply.text ?? "")) chunks.push(chunk({ content: word }));
  const toolCalls = "toolCalls" in reply ? reply.toolCalls : [];
  toolCalls.forEach((call, index) => {
    const args = argumentsText(call.arguments);
    chunks.push(
      chunk({ tool_calls: [{ index, id: `call_${++counter}_${index}`, type: "function", function: { name: call.name, arguments: "" } }] }),
    );
    for (let i = 0; i < args.length; i += 12)
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: args.slice(i, i + 12) } }] }));
  });
  chunks.push(chunk({}, toolCalls.length ? "tool_calls" : "stop"));
  const usage = usageOf(reply, body);
  if (body.stream_options?.include_usage && usage)
    chunks.push({ id, object: "chat.completion.chunk", created, model: body.model, choices: [], usage });

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  for (const c of chunks.slice(0, stop?.after ?? chunks.length)) res.write(`data: ${JSON.stringify(c)}\n\n`);
  if (stop) {
    // Give the client the partial answer, then drop the connection without [DONE] (or stall).
    if (stop.drop) setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  res.end("data: [DONE]\n\n");
}
