// The shopper API's dependencies (the app proxy routes): the real Shopify proxy
// authentication, the root's database, vault, rate limits and caches, and the
// assistant's turn. Built once, on first request, from the composition root.
import { createAdminGraphql, sendViaRemixAdmin } from "../infra/shopify/admin-graphql.server";
import { createCircuitBreaker } from "../infra/model/circuit-breaker";
import { createOpenAiChatModel } from "../infra/model/openai-chat-model.server";
import { createPrismaKnowledgeStore } from "../knowledge/knowledge-store.server";
import { createAssistantChatTurn } from "../conversations/shopper/assistant-chat-turn.server";
import type { ChatApiDeps } from "../conversations/shopper/chat-turn";
import { createShopperAdmission } from "../storefront-proxy/admission.server";
import { authenticate } from "./shopify.server";
import { appRoot } from "./root.server";

let deps: ChatApiDeps | undefined;

export function shopperApiDeps(): ChatApiDeps {
  deps ??= build();
  return deps;
}

function build(): ChatApiDeps {
  const { config, db, vault, limits, caches } = appRoot();
  return {
    authenticateAppProxy: (request) => authenticate.public.appProxy(request),
    adminFor: (auth) => (auth.admin ? createAdminGraphql({ send: sendViaRemixAdmin(auth.admin) }) : null),
    db,
    vault,
    limits,
    heartbeatMs: config.SSE_HEARTBEAT_MS,
    caches: { shopStates: caches.shopStates, adminReads: caches.adminReads },
    admission: createShopperAdmission({ perClient: config.RATE_LIMIT_CONCURRENT_PER_CLIENT }),
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    refusalDelayMs: config.RATE_LIMIT_REFUSAL_DELAY_MS,
    chatTurn: createAssistantChatTurn({
      // No OPENAI_API_KEY: basic mode only (the assistant says AI answers are off).
      model: config.OPENAI_API_KEY
        ? createOpenAiChatModel({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL })
        : null,
      breaker: createCircuitBreaker(),
      knowledge: createPrismaKnowledgeStore(db),
    }),
  };
}
