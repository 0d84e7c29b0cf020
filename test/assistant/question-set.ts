// Runs test/assistant/questions.json against the demo store through the assistant harness
// (Admin API fake + OpenAI fake) and checks each answer against its expectation. Used by
// test/assistant/question-set.test.ts and bench/questions.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Card } from "../../app/contracts/cards";
import { loadDemoStore } from "../../demo/store/load-store";
import { settingsWith, startAssistantHarness } from "./harness";

export interface Expectation {
  product?: string;
  noProduct?: string;
  policy?: string;
  order?: string;
  text?: string;
  textAny?: string[];
  handoff?: boolean;
  maxPrice?: number;
  minPrice?: number;
  currency?: string;
  noCards?: boolean;
}

export interface Question {
  id: string;
  lang: string;
  question: string;
  locale?: string;
  country?: string;
  customerId?: string;
  ai?: boolean;
  expect: Expectation;
}

export const QUESTIONS: Question[] = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, "questions.json"), "utf8")) as { questions: Question[] }
).questions;

export interface Outcome {
  id: string;
  ok: boolean;
  failures: string[];
}

// A card links the handle of the shopper's language ("/products/leder-wanderschuhe"); the
// expectations name products by their primary handle: the card's product id maps it back.
const PRIMARY_HANDLES = new Map(loadDemoStore().products.map((p) => [p.id, p.handle]));

/** What is wrong with an answer (empty when it meets the expectation). */
export function check(expectation: Expectation, answer: { text: string; cards: Card[]; handoff: boolean }): string[] {
  const failures: string[] = [];
  const products = answer.cards.flatMap((c) => (c.kind === "product" ? [c] : []));
  const handles = products.map((c) => PRIMARY_HANDLES.get(c.id) ?? c.url.slice("/products/".length));
  const text = answer.text.toLowerCase();
  if (expectation.product && !handles.includes(expectation.product))
    failures.push(`no card for ${expectation.product} (got ${handles.join(", ") || "none"})`);
  if (expectation.noProduct && handles.includes(expectation.noProduct)) failures.push(`showed ${expectation.noProduct}`);
  if (expectation.policy && !answer.cards.some((c) => c.kind === "policy" && c.url === `/policies/${expectation.policy}`))
    failures.push(`no ${expectation.policy} card`);
  if (expectation.order && !answer.cards.some((c) => c.kind === "order" && c.name === expectation.order))
    failures.push(`no order card ${expectation.order}`);
  if (expectation.text && !text.includes(expectation.text.toLowerCase())) failures.push(`text lacks "${expectation.text}"`);
  if (expectation.textAny && !expectation.textAny.some((t) => text.includes(t.toLowerCase())))
    failures.push(`text lacks any of ${expectation.textAny.join("/")}`);
  if (expectation.handoff && !answer.handoff) failures.push("no handoff");
  if (expectation.maxPrice !== undefined && products.some((c) => Number(c.price.amount) > expectation.maxPrice!))
    failures.push(`a price above ${expectation.maxPrice}`);
  if (expectation.minPrice !== undefined && products.some((c) => Number(c.price.amount) < expectation.minPrice!))
    failures.push(`a price below ${expectation.minPrice}`);
  if (expectation.currency && products.some((c) => c.price.currencyCode !== expectation.currency))
    failures.push(`a price not in ${expectation.currency}`);
  if (expectation.noCards && answer.cards.length > 0) failures.push("showed cards");
  return failures;
}

/** Asks every question (of those that apply to the mode) and checks the answers. */
export async function runQuestionSet(
  mode: "basic" | "ai",
  questions: Question[] = QUESTIONS,
): Promise<{ outcomes: Outcome[]; passRate: number }> {
  const h = await startAssistantHarness({ model: mode === "ai" });
  const settings = settingsWith({ privacy: { aiEnabled: mode === "ai" } });
  const outcomes: Outcome[] = [];
  try {
    for (const q of questions.filter((x) => mode === "basic" || x.ai !== false)) {
      h.openai.reset();
      const r = await h.turn(q.question, {
        locale: q.locale,
        country: q.country,
        scope: q.customerId ? { customerId: q.customerId } : {},
        settings,
      });
      const done = r.done as { mode?: string; handoff?: boolean } | undefined;
      const failures = check(q.expect, { text: r.text, cards: r.cards, handoff: done?.handoff === true });
      if (done?.mode !== mode) failures.push(`answered in ${done?.mode ?? "no"} mode`);
      outcomes.push({ id: q.id, ok: failures.length === 0, failures });
    }
  } finally {
    await h.close();
  }
  return { outcomes, passRate: outcomes.length ? outcomes.filter((o) => o.ok).length / outcomes.length : 0 };
}
