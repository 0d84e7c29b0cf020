// Basic mode: answers without a model. Used when no model is configured, when the
// merchant switched AI off, while the circuit breaker is open, and when the model fails
// mid-turn. Deterministic: keyword intents, then the same catalog, order and knowledge
// modules the tools use, with the same verified scope.
import type { ShopSettings } from "../settings/settings-schema";
import { searchProducts } from "../catalog/catalog";
import { productQuestion } from "../catalog/product-question";
import { searchKnowledge, toPolicyCard } from "../knowledge/knowledge-search";
import { hasOrderScope, ordersInScope, type VerifiedScope } from "../orders/order-access";
import type { Card } from "../contracts/cards";
import { BASIC_MESSAGES } from "./basic-messages";
import { detectIntent, detectLanguage, orderNameIn } from "./intents";
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
  /** Storefront country (ISO 3166 alpha-2): prices in that market. Presentation only. */
  country?: string;
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

  // A question that names a kind of product ("Socken unter 15 €") is a product question
  // even without a "do you have": the catalog answers it before the policies are searched.
  const question = productQuestion(input.message);
  const namesProduct = intent === "unknown" && (question.search.typeGroups?.length ?? 0) > 0;
  const productAnswer = namesProduct ? await answerProducts() : null;
  if (productAnswer) return productAnswer;

  if (intent === "policy" || intent === "unknown") {
    const { matches } = await searchKnowledge(deps, { shop: input.shop, query: input.message, locale: input.locale });
    const best = matches[0];
    if (best && (intent === "policy" || best.score >= 3)) {
      const cards = best.source === "policy" ? [toPolicyCard(best)] : [];
      // The relevant paragraph once, in the text; the card links the whole policy.
      const body = best.source === "policy" ? `${t.policyFound(best.title)}\n${best.paragraph}` : `${best.title}\n${best.text}`;
      return say(body, { cards, topic: "policy", handoff: false });
    }
    if (intent === "policy") return say(t.noPolicy, { cards: [], topic: "policy", handoff: false });
  }

  if (intent === "product" || (question.asksForProducts && !namesProduct)) {
    if (!question.asksForProducts) return say(t.askProduct, { cards: [], topic: "product", handoff: false });
    const found = await answerProducts();
    if (found) return found;
    if (intent === "product") return say(t.noProducts(question.label), { cards: [], topic: "product", handoff: false });
  }
  return say(t.unknown);

  /** Product cards for the question, "unavailable", or null when nothing matches. */
  async function answerProducts(): Promise<BasicAnswer | null> {
    const result = await searchProducts(deps.admin, question.search, { locale: input.locale, country: input.country });
    if (!result.ok) return say(t.unavailable, { cards: [], topic: "product", handoff: false });
    if (result.cards.length === 0) return null;
    const lines = result.summaries.map((p) => `${p.title}: ${p.price}`).join("\n");
    return say(`${t.productsFound(question.label)}\n${lines}`, { cards: result.cards, topic: "product", handoff: false });
  }
}
