// Basic mode: answers without a model. Used when no model is configured, when the
// merchant switched AI off, while the circuit breaker is open, and when the model fails
// mid-turn. Deterministic: keyword intents, then the same catalog, order and knowledge
// modules the tools use, with the same verified scope.
import type { ShopSettings } from "../settings/settings-schema";
import { searchProducts } from "../catalog/catalog";
import { searchKnowledge, toPolicyCard, excerptOf } from "../knowledge/knowledge-search";
import { hasOrderScope, ordersInScope, type VerifiedScope } from "../orders/order-access";
import type { Card } from "../contracts/cards";
import { BASIC_MESSAGES } from "./basic-messages";
import { detectIntent, detectLanguage, orderNameIn, productTermsIn } from "./intents";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { KnowledgeStore } from "../knowledge/ports";
import type { Topic } from "./ports";

export interface BasicAnswer {
  text: string;
  cards: Card[];
  topic: Topic;
  handoff: boolean;
  /** "order_asked" when an order look-up ran (as the AI's order tools record it). */
  event?: "order_asked";
}

export interface BasicInput {
  shop: string;
  scope: VerifiedScope;
  message: string;
  locale?: string;
  settings: ShopSettings;
}

export async function answerBasic(deps: { admin: AdminGraphql; knowledge: KnowledgeStore }, input: BasicInput): Promise<BasicAnswer> {
  const language = detectLanguage(input.message, input.locale);
  const t = BASIC_MESSAGES[language];
  const say = (body: string, rest: Omit<BasicAnswer, "text"> = { cards: [], topic: "other", handoff: false }) => ({
    text: `${t.aiOff}\n\n${body}`,
    ...rest,
  });
  const intent = detectIntent(input.message);

  if (intent === "human") return say(t.handoff, { cards: [], topic: "handoff", handoff: true });

  if (intent === "order") {
    const none = { cards: [], topic: "order" as const, handoff: false };
    if (!input.settings.privacy.orderLookup) return say(t.orderLookupOff, none);
    const asked = { ...none, event: "order_asked" as const };
    if (!hasOrderScope(input.scope)) {
      return say(input.settings.privacy.orderVerification === "logged_in" ? t.loginOnly : t.verifyOrLogin, asked);
    }
    const result = await ordersInScope(deps.admin, input.scope, { orderName: orderNameIn(input.message), locale: language });
    if (!result.ok) return say(t.unavailable, none);
    if (result.orders.length === 0) return say(orderNameIn(input.message) ? t.noSuchOrder : t.noOrders, asked);
    const orders = result.orders.slice(0, 3);
    const lines = orders.map((o) => `${o.name}: ${o.status}`).join("\n");
    return say(`${t.ordersFound(orders.length)}\n${lines}`, { cards: orders, topic: "order", handoff: false, event: "order_asked" });
  }

  if (intent === "policy" || intent === "unknown") {
    const { matches } = await searchKnowledge(deps, { shop: input.shop, query: input.message });
    const best = matches[0];
    if (best && (intent === "policy" || best.score >= 3)) {
      const cards = best.source === "policy" ? [toPolicyCard(best)] : [];
      const body = best.source === "policy" ? `${t.policyFound(best.title)}\n${excerptOf(best.text, 600)}` : `${best.title}\n${best.text}`;
      return say(body, { cards, topic: "policy", handoff: false });
    }
    if (intent === "policy") return say(t.noPolicy, { cards: [], topic: "policy", handoff: false });
  }

  const terms = productTermsIn(input.message);
  if (intent === "product" || terms.length > 0) {
    if (!terms) return say(t.askProduct, { cards: [], topic: "product", handoff: false });
    const result = await searchProducts(deps.admin, { query: terms, limit: 4 });
    if (!result.ok) return say(t.unavailable, { cards: [], topic: "product", handoff: false });
    if (result.cards.length === 0) {
      if (intent === "product") return say(t.noProducts(terms), { cards: [], topic: "product", handoff: false });
    } else {
      const lines = result.summaries.map((p) => `${p.title}: ${p.price}`).join("\n");
      return say(`${t.productsFound(terms)}\n${lines}`, { cards: result.cards, topic: "product", handoff: false });
    }
  }
  return say(t.unknown);
}
