// The model loop of one turn: call the model with tools, run tool calls, stream text
// through the output guard. Returns how it ended; run-turn.ts decides what the shopper
// sees next (refusal, limit message, or the basic answer on failure).
import { redactCardNumbers } from "../infra/text/redact-text";
import type { CircuitBreaker } from "../infra/model/circuit-breaker";
import { cardSchema, type Card } from "../contracts/cards";
import type { OutputGuard } from "./content-guard";
import type { ChatMessage, ChatModel, ModelEvent, ModelFailureKind, ModelToolCall } from "../infra/model/ports";
import type { Topic, AssistantEventKind } from "./ports";
import { estimatePromptTokens, estimateTokens, type TurnLimits } from "./token-budget";
import { toolDefinition, type AssistantTool, type ToolContext } from "./tools/tool";
import type { TurnEvent } from "./turn-events";

export type AiOutcome =
  | { kind: "answered" }
  | { kind: "refused"; verdict: "blocked_topic" | "prompt_echo" }
  | { kind: "limit" }
  | { kind: "failed"; failure: ModelFailureKind };

export interface AiTurnState {
  text: string;
  cards: Card[];
  topic: Topic;
  handoff: boolean;
  tokens: number;
  events: AssistantEventKind[];
}

export interface AiTurnContext {
  model: ChatModel;
  breaker: CircuitBreaker;
  tools: AssistantTool<unknown>[];
  toolContext: ToolContext;
  messages: ChatMessage[];
  guard: OutputGuard;
  limits: TurnLimits;
  /** Aborts on the turn timeout or when the shopper leaves. */
  signal: AbortSignal;
  /** Aborts only when the shopper leaves: an abort without it is our timeout, a model failure. */
  shopperSignal: AbortSignal;
  state: AiTurnState;
}

const BOUNDARY = /[.!?。！？:;\n]\s+/g;
const ECHO_WINDOW = 32;

/** Everything sent to the model passes through here: no card number ever leaves. */
function redactForModel(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((m) => (m.content ? { ...m, content: redactCardNumbers(m.content) } : m));
}

export async function* aiTurn(ctx: AiTurnContext): AsyncGenerator<TurnEvent, AiOutcome> {
  const { state, limits } = ctx;
  for (let round = 0; round <= limits.maxToolRounds; round++) {
    const tools = round < limits.maxToolRounds ? ctx.tools.map(toolDefinition) : [];
    const messages = redactForModel(ctx.messages);
    const promptTokens = estimatePromptTokens(messages, tools);
    if (state.tokens + promptTokens + limits.maxOutputTokens > limits.turnTokenBudget) return { kind: "limit" };

    let pending = "";
    let answerText = "";
    let calls: ModelToolCall[] = [];
    let usage: number | null = null;
    let failure: ModelFailureKind | null = null;

    // Checks everything seen so far, then emits `pending` up to a sentence boundary while
    // holding back the last ECHO_WINDOW characters: an echo of the prompt is always seen
    // whole by the guard before any of it reaches the shopper.
    function* flush(final: boolean): Generator<TurnEvent, "blocked_topic" | "prompt_echo" | null> {
      let cut = pending.length;
      if (!final) {
        const limit = pending.length - ECHO_WINDOW;
        cut = 0;
        for (const match of pending.matchAll(BOUNDARY)) {
          const end = match.index + match[0].length;
          if (end <= limit) cut = end;
        }
        if (cut === 0 && limit > 400) cut = pending.lastIndexOf(" ", limit) + 1;
      }
      if (cut <= 0) return null;
      const verdict = ctx.guard.check(state.text + pending);
      if (verdict !== "ok") return verdict;
      const chunk = redactCardNumbers(pending.slice(0, cut));
      pending = pending.slice(cut);
      state.text += chunk;
      yield { type: "delta", text: chunk };
      return null;
    }

    const stream = ctx.model.stream({ messages, tools, maxOutputTokens: limits.maxOutputTokens }, ctx.signal);
    for await (const event of stream as AsyncIterable<ModelEvent>) {
      if (event.type === "text") {
        pending += event.text;
        answerText += event.text;
        const verdict = yield* flush(false);
        if (verdict) {
          ctx.breaker.recordSuccess(); // the provider worked; the answer was refused
          return { kind: "refused", verdict };
        }
      } else if (event.type === "tool_calls") calls = event.calls;
      else if (event.type === "usage") usage = event.promptTokens + event.completionTokens;
      else failure = event.kind;
    }
    if (!failure && calls.some((c) => !parsesAsObject(c.arguments))) failure = "malformed_tool_call";
    if (failure === "aborted" && !ctx.shopperSignal.aborted) failure = "timeout";
    if (failure) {
      if (failure !== "aborted") ctx.breaker.recordFailure();
      return { kind: "failed", failure };
    }
    ctx.breaker.recordSuccess();
    state.tokens += usage ?? promptTokens + estimateTokens(answerText + JSON.stringify(calls));
    const verdict = yield* flush(true);
    if (verdict) return { kind: "refused", verdict };
    if (calls.length === 0) return { kind: "answered" };
    if (tools.length === 0) return { kind: "limit" }; // tool calls after the last tool round are not run

    ctx.messages.push({ role: "assistant", content: answerText || null, toolCalls: calls });
    for (const call of calls) {
      const content = yield* runToolCall(ctx, call);
      ctx.messages.push({ role: "tool", toolCallId: call.id, content });
    }
  }
  return { kind: "limit" };
}

function parsesAsObject(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

async function* runToolCall(ctx: AiTurnContext, call: ModelToolCall): AsyncGenerator<TurnEvent, string> {
  const tool = ctx.tools.find((t) => t.name === call.name);
  if (!tool) return JSON.stringify({ error: "UNKNOWN_TOOL", message: `There is no tool named ${call.name}.` });
  const args = tool.args.safeParse(JSON.parse(call.arguments || "{}"));
  if (!args.success) {
    const issues = args.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("; ");
    return JSON.stringify({ error: "INVALID_ARGUMENTS", message: issues });
  }
  const outcome = await tool.run(args.data, ctx.toolContext).catch(() => null);
  if (!outcome) return JSON.stringify({ error: "UNAVAILABLE", message: "That lookup failed. Apologise and offer a person." });
  ctx.state.topic = outcome.topic;
  if (outcome.handoff) ctx.state.handoff = true;
  if (outcome.event) ctx.state.events.push(outcome.event);
  for (const card of outcome.cards) {
    const parsed = cardSchema.safeParse(card);
    if (!parsed.success) continue;
    ctx.state.cards.push(parsed.data);
    yield { type: "card", card: parsed.data };
  }
  return JSON.stringify(outcome.forModel);
}
