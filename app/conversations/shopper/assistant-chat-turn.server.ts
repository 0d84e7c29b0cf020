// The production ChatTurn: the assistant's runTurn (app/assistant/run-turn.ts) with
// the process's model, circuit breaker and knowledge store, and the per-turn
// transcript store and Admin API port the route hands in.
import type { AdminGraphql } from "../../infra/shopify/admin-graphql";
import type { ChatModel } from "../../infra/model/ports";
import type { KnowledgeStore } from "../../knowledge/ports";
import { runTurn } from "../../assistant/run-turn";
import type { CircuitBreaker } from "../../infra/model/circuit-breaker";
import type { ChatTurn } from "./chat-turn";

// A shop without an offline session (not installed through OAuth yet) has no Admin
// API; its tools answer "can't look that up" instead of failing the turn.
const noAdmin: AdminGraphql = async () => ({ ok: false, code: "UNAVAILABLE", message: "no Admin API session for this shop" });

export function createAssistantChatTurn(deps: { model: ChatModel | null; breaker: CircuitBreaker; knowledge: KnowledgeStore }): ChatTurn {
  return (input) =>
    runTurn(
      { model: deps.model, breaker: deps.breaker, knowledge: deps.knowledge, admin: input.admin ?? noAdmin, transcript: input.store },
      {
        shop: input.shop.shop,
        conversationId: input.conversationId,
        scope: input.scope,
        message: input.message,
        locale: input.locale ?? undefined,
        country: input.country ?? undefined,
        settings: input.shop.settings,
        history: input.history.map((m) => ({ role: m.role, text: m.text })),
        conversationTokensUsed: input.conversationTokensUsed,
        signal: input.signal,
      },
    );
}
