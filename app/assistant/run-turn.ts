// One conversation turn, from the shopper's message to the stored answer.
// Never throws and never hangs: every failure ends in a refusal, a limit message or a
// basic-mode answer, then `done`. The shopper API writes each TurnEvent as SSE.
import type { CircuitBreaker } from "../infra/model/circuit-breaker";
import type { VerifiedScope } from "../orders/order-access";
import { redactCardNumbers, redactContactDetails } from "../infra/text/redact-text";
import type { ShopSettings } from "../settings/settings-schema";
import { aiTurn, type AiTurnState } from "./ai-turn";
import { answerBasic } from "./basic-engine";
import { BASIC_MESSAGES } from "./basic-messages";
import { createOutputGuard, mentionsBlockedTopic } from "./content-guard";
import { detectLanguage } from "./intents";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { AssistantEventKind, TranscriptStore } from "./ports";
import type { ChatMessage, ChatModel } from "../infra/model/ports";
import type { KnowledgeStore } from "../knowledge/ports";
import { buildSystemPrompt } from "./system-prompt";
import { DEFAULT_LIMITS, type TurnLimits } from "./token-budget";
import { toolsFor } from "./tools/index";
import type { TurnEvent } from "./turn-events";

export type { TurnEvent } from "./turn-events";

export interface TurnDeps {
  /** null when no model is configured (no OPENAI_API_KEY): basic mode. */
  model: ChatModel | null;
  /** One per process: shared by every shop, since they share the provider. */
  breaker: CircuitBreaker;
  admin: AdminGraphql;
  knowledge: KnowledgeStore;
  transcript: TranscriptStore;
  limits?: Partial<TurnLimits>;
}

export interface HistoryTurn {
  role: "shopper" | "assistant";
  /** Already redacted when stored; redacted again here anyway. */
  text: string;
}

export interface TurnInput {
  shop: string;
  conversationId: string;
  scope: VerifiedScope;
  message: string;
  locale?: string;
  /** Storefront country (ISO 3166 alpha-2): prices in that market. Presentation only, never access. */
  country?: string;
  settings: ShopSettings;
  history: HistoryTurn[];
  /** Conversation.tokensUsed before this turn. */
  conversationTokensUsed?: number;
  signal: AbortSignal;
}

export type BasicReason = "no_model" | "ai_disabled" | "model_unavailable" | "conversation_budget";

/** Why this turn goes to basic mode, or null when the model may answer. Consumes a half-open trial. */
export function basicModeReason(
  deps: Pick<TurnDeps, "model" | "breaker" | "limits">,
  input: Pick<TurnInput, "settings" | "conversationTokensUsed">,
): BasicReason | null {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  if (!deps.model) return "no_model";
  if (!input.settings.privacy.aiEnabled) return "ai_disabled";
  if ((input.conversationTokensUsed ?? 0) >= limits.conversationTokenBudget) return "conversation_budget";
  if (!deps.breaker.allowRequest()) return "model_unavailable";
  return null;
}

export function redactShopperText(text: string, settings: ShopSettings): string {
  return redactContactDetails(redactCardNumbers(text), { emails: settings.privacy.redactEmails, phones: settings.privacy.redactPhones });
}

export async function* runTurn(deps: TurnDeps, input: TurnInput): AsyncGenerator<TurnEvent> {
  const { shop, conversationId, settings } = input;
  // A guest-verified order counts only where the merchant allows guest verification.
  const scope = settings.privacy.orderVerification === "logged_in" ? { customerId: input.scope.customerId } : input.scope;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const message = redactShopperText(input.message, settings);
  const state: AiTurnState = { text: "", cards: [], topic: "other", handoff: false, tokens: 0, events: [] };
  let mode: "ai" | "basic" = "ai";

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), limits.turnTimeoutMs);
  const signal = AbortSignal.any([input.signal, timeout.signal]);
  const say = (text: string): TurnEvent => {
    state.text += text;
    return { type: "delta", text };
  };
  const basic = async function* (): AsyncGenerator<TurnEvent> {
    mode = "basic";
    state.events.push("basic_mode");
    const answer = await answerBasic(deps, { shop, scope, message, locale: input.locale, country: input.country, settings });
    yield say(state.text ? `\n\n${answer.text}` : answer.text);
    for (const card of answer.cards) {
      state.cards.push(card);
      yield { type: "card", card };
    }
    state.topic = answer.topic;
    state.handoff ||= answer.handoff;
    if (answer.handoff) state.events.push("handoff");
    if (answer.event) state.events.push(answer.event);
  };

  try {
    await deps.transcript.appendShopperMessage({ shop, conversationId, text: message });
    if (mentionsBlockedTopic(message, settings.content.blockedTopics)) {
      // Refused before any model call (so no half-open breaker trial is spent on it).
      if (!deps.model || !settings.privacy.aiEnabled) mode = "basic";
      state.events.push("blocked_topic");
      yield say(settings.content.refusalText);
    } else if (basicModeReason(deps, input)) {
      yield* basic();
    } else {
      const prompt = buildSystemPrompt(settings, { shop, locale: input.locale });
      const messages: ChatMessage[] = [
        { role: "system", content: prompt.text },
        ...input.history.slice(-12).map((turn): ChatMessage => ({
          role: turn.role === "shopper" ? "user" : "assistant",
          content: redactShopperText(turn.text, settings),
        })),
        { role: "user", content: message },
      ];
      const outcome = yield* aiTurn({
        model: deps.model!,
        breaker: deps.breaker,
        tools: toolsFor(settings),
        toolContext: { shop, scope, locale: input.locale, country: input.country, settings, admin: deps.admin, knowledge: deps.knowledge },
        messages,
        guard: createOutputGuard(settings, prompt),
        limits,
        signal,
        shopperSignal: input.signal,
        state,
      });
      if (input.signal.aborted) return; // the shopper left; nothing to answer
      if (outcome.kind === "refused") {
        state.events.push(outcome.verdict === "blocked_topic" ? "blocked_topic" : "output_refused");
        yield say(state.text ? `\n\n${settings.content.refusalText}` : settings.content.refusalText);
      } else if (outcome.kind === "limit") {
        state.events.push("limit_reached");
        const t = BASIC_MESSAGES[detectLanguage(message, input.locale)];
        yield say(state.text ? `\n\n${t.limitReached}` : t.limitReached);
      } else if (outcome.kind === "failed") {
        state.events.push("model_failure");
        yield* basic();
      } else if (!state.text.trim() && state.cards.length === 0) {
        yield* basic(); // the model said nothing at all: the shopper still gets an answer
      }
    }
    const stored = await deps.transcript.appendAssistantMessage({
      shop,
      conversationId,
      text: state.text,
      cards: state.cards,
      mode,
      topic: state.handoff ? "handoff" : state.topic,
      tokensUsed: state.tokens,
    });
    for (const kind of new Set<AssistantEventKind>(state.events)) {
      await deps.transcript.recordEvent({ shop, conversationId, kind }).catch(() => undefined);
    }
    yield { type: "done", messageId: stored.messageId, mode, ...(state.handoff ? { handoff: true as const } : {}) };
  } catch {
    yield { type: "error", code: "UNAVAILABLE", message: "Sorry, something went wrong. Please try again in a moment." };
  } finally {
    clearTimeout(timer);
  }
}
