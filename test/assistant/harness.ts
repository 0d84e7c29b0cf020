// One assistant wired to the two fakes (Admin GraphQL over the demo store, and the
// OpenAI-compatible fake), with an in-memory transcript to read back what was stored.
import { createAdminGraphql, sendViaFetch } from "../../app/infra/shopify/admin-graphql.server";
import { createInMemoryTranscriptStore } from "../../app/conversations/in-memory-transcript-store";
import { runTurn, type HistoryTurn, type TurnDeps, type TurnEvent } from "../../app/assistant/run-turn";
import type { TurnLimits } from "../../app/assistant/token-budget";
import { createInMemoryKnowledgeStore } from "../../app/knowledge/in-memory-knowledge-store";
import { createCircuitBreaker } from "../../app/infra/model/circuit-breaker";
import { createOpenAiChatModel } from "../../app/infra/model/openai-chat-model.server";
import type { VerifiedScope } from "../../app/orders/order-access";
import { shopSettingsSchema, type ShopSettings } from "../../app/settings/settings-schema";
import { startAdminApiFake } from "../../demo/admin-api/start-admin-api-fake";
import { startOpenAiFake } from "../../demo/openai-fake/server";

export const SHOP = "demo-shop.myshopify.com";
// Timeouts of the model, the Admin API and the turn when a test does not test them: on a
// busy machine (npm test under load) a hostile model's 15 tool calls took longer than the
// old 3–4 s and the turn fell back to basic mode. Tests of timeouts pass their own.
const GENEROUS_TIMEOUT_MS = 15_000;
const TOKEN = "shpat_assistant_test";

export const FAQ = [
  {
    id: "faq-1",
    kind: "faq" as const,
    policyType: null,
    question: "Do you offer gift wrapping?",
    answer: "Yes, gift wrapping costs 3 EUR; choose it at checkout.",
    url: null,
  },
];

export function settingsWith(overrides: Record<string, Record<string, unknown>> = {}): ShopSettings {
  return shopSettingsSchema.parse(overrides);
}

export async function startAssistantHarness(
  options: {
    model?: boolean;
    limits?: Partial<TurnLimits>;
    breakerThreshold?: number;
    modelTimeoutMs?: number;
    adminTimeoutMs?: number;
    now?: () => number;
  } = {},
) {
  // read_legal_policies: shop.shopPolicies needs it (asked of the lead for shopify.app.toml).
  // A Shopify Plus-sized bucket, so a test of many quick turns does not wait on throttling.
  const adminFake = await startAdminApiFake({
    accessToken: TOKEN,
    scopes: ["read_products", "read_orders", "read_legal_policies", "read_translations", "read_locales"],
    bucket: { maximumAvailable: 10_000, restoreRate: 1_000 },
  });
  const openai = await startOpenAiFake();
  const transcript = createInMemoryTranscriptStore();
  const breaker = createCircuitBreaker({ failureThreshold: options.breakerThreshold ?? 100, coolDownMs: 60_000, now: options.now });
  const deps: TurnDeps = {
    model:
      options.model === false
        ? null
        : createOpenAiChatModel({
            apiKey: "sk-test",
            baseURL: openai.baseUrl,
            model: "gpt-test",
            timeoutMs: options.modelTimeoutMs ?? GENEROUS_TIMEOUT_MS,
          }),
    breaker,
    admin: createAdminGraphql({
      send: sendViaFetch({ shopOrigin: adminFake.origin, accessToken: TOKEN }),
      timeoutMs: options.adminTimeoutMs ?? GENEROUS_TIMEOUT_MS,
    }),
    knowledge: createInMemoryKnowledgeStore({ [SHOP]: FAQ }),
    transcript,
    limits: { turnTimeoutMs: GENEROUS_TIMEOUT_MS + 5_000, ...options.limits },
  };
  let conversation = 0;

  async function turn(
    message: string,
    input: {
      scope?: VerifiedScope;
      locale?: string;
      country?: string;
      settings?: ShopSettings;
      history?: HistoryTurn[];
      conversationId?: string;
    } = {},
  ) {
    const events: TurnEvent[] = [];
    for await (const event of runTurn(deps, {
      shop: SHOP,
      conversationId: input.conversationId ?? `conv-${++conversation}`,
      scope: input.scope ?? {},
      message,
      locale: input.locale,
      country: input.country,
      settings: input.settings ?? settingsWith(),
      history: input.history ?? [],
      signal: new AbortController().signal,
    })) {
      events.push(event);
    }
    const text = events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");
    const cards = events.flatMap((e) => (e.type === "card" ? [e.card] : []));
    const done = events.find((e) => e.type === "done");
    return { events, text, cards, done };
  }

  return {
    adminFake,
    openai,
    transcript,
    breaker,
    deps,
    turn,
    async close() {
      await openai.close();
      await adminFake.close();
    },
  };
}
