// Answers from the merchant's own words: FAQ entries (KnowledgeStore) and the shop's
// policies (Admin API). Plain keyword scoring: enough for a handful of FAQs and four
// policies, and it works the same with or without a model.
import { z } from "zod";
import type { PolicyCard } from "../contracts/cards";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { KnowledgeStore } from "./ports";
import { SHOP_POLICIES } from "./operations";
import { contextVariables, withoutTranslationsIfDenied } from "../infra/shopify/localized-reads";
import { isStopword } from "../infra/text/words";
import { normalizeText, POLICY_WORDS, policyTypesMentioned } from "./policy-topics";

export interface KnowledgeMatch {
  source: "faq" | "policy";
  policyType: string | null;
  title: string;
  text: string;
  /** The part of `text` that answers the question best (a policy paragraph; an FAQ answer whole). */
  paragraph: string;
  url: string | null;
  score: number;
}

const policiesSchema = z.object({
  shop: z.object({
    shopPolicies: z.array(
      z.object({
        type: z.string(),
        title: z.string(),
        body: z.string(),
        url: z.string().nullable().optional(),
        translations: z.array(z.object({ key: z.string(), value: z.string().nullable().optional() })).optional(),
      }),
    ),
  }),
});

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Policy links stay on the shop's own origin: keep only the path. */
function shopRelative(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const path = new URL(url, "https://shop.invalid").pathname;
    return path.startsWith("/policies/") ? path : null;
  } catch {
    return null;
  }
}

function termsOf(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !isStopword(w) && !QUESTION_WORDS.has(w));
}

/** How many of the terms start a word of `text` ("und" is not in "refund"). */
function overlap(terms: string[], text: string): number {
  const haystack = ` ${normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, " ")}`;
  return terms.reduce((n, t) => n + (haystack.includes(` ${t}`) ? 1 : 0), 0);
}

export async function searchKnowledge(
  deps: { admin: AdminGraphql; knowledge: KnowledgeStore },
  input: {
    shop: string;
    query: string;
    policyType?: string;
    /** Storefront locale: policies in that language when translated. */ locale?: string;
  },
): Promise<{ matches: KnowledgeMatch[]; policiesUnavailable: boolean }> {
  const terms = termsOf(input.query);
  const wantedTypes = input.policyType ? [input.policyType] : policyTypesMentioned(input.query);
  const matches: KnowledgeMatch[] = [];

  const entries = await deps.knowledge.listEntries(input.shop).catch(() => []);
  for (const entry of entries) {
    const typeHit = entry.policyType && wantedTypes.includes(entry.policyType) ? 3 : 0;
    const score = typeHit + overlap(terms, entry.question) * 2 + overlap(terms, entry.answer);
    if (score > 0)
      matches.push({
        source: entry.kind,
        policyType: entry.policyType,
        title: entry.question,
        text: entry.answer,
        paragraph: entry.answer,
        url: shopRelative(entry.url),
        score,
      });
  }

  const variables = contextVariables({ locale: input.locale });
  const result = variables.translate
    ? await withoutTranslationsIfDenied(deps.admin, SHOP_POLICIES, variables)
    : await deps.admin(SHOP_POLICIES);
  const parsed = result.ok ? policiesSchema.safeParse(result.data) : null;
  for (const original of parsed?.success ? parsed.data.shop.shopPolicies : []) {
    // The shopper's language when the merchant translated the policy, else the primary locale's.
    const translated = (key: string) => original.translations?.find((t) => t.key === key)?.value?.trim() || undefined;
    const policy = { ...original, title: translated("title") ?? original.title, body: translated("body") ?? original.body };
    const text = htmlToText(policy.body);
    const paragraphs = paragraphsOf(policy.body);
    // Words that only name this policy ("refund policy", "política de devolución") pick no paragraph.
    const ownWords = ` ${normalizeText(`${policy.title} ${original.title} ${(POLICY_WORDS[policy.type] ?? []).join(" ")}`)} `;
    const paragraphTerms = terms.filter((t) => !ownWords.includes(` ${t.slice(0, Math.max(4, t.length - 2))}`));
    const paragraph = relevantParagraph(paragraphs, paragraphTerms);
    // A policy with a paragraph about the question beats one that only shares its topic.
    const score =
      (wantedTypes.includes(policy.type) ? 5 : 0) +
      overlap(terms, `${policy.title} ${original.title}`) * 2 +
      Math.min(2, overlap(terms, text)) +
      paragraphScore(paragraph, paragraphTerms) * 3;
    if (score > 1) {
      matches.push({
        source: "policy",
        policyType: policy.type,
        title: policy.title,
        text,
        paragraph,
        url: shopRelative(policy.url),
        score,
      });
    }
  }

  matches.sort((a, b) => b.score - a.score);
  return { matches: matches.slice(0, 3), policiesUnavailable: !parsed?.success };
}

/** A policy's paragraphs (p, li, headings, line breaks), as plain text. */
export function paragraphsOf(html: string): string[] {
  return html
    .split(/<\/(?:p|li|h[1-6]|div|tr)>|<br\s*\/?>|\n\s*\n/i)
    .map(htmlToText)
    .filter((p) => p.length > 0);
}

/**
 * The paragraph that shares the most words (or word stems) with the question; the first
 * one when none does. A list item keeps the sentence that introduces its list.
 */
export function relevantParagraph(paragraphs: string[], terms: string[]): string {
  if (paragraphs.length === 0) return "";
  // A word found in fewer paragraphs says more about which one is meant.
  const weights = terms.map((t) => 1 / Math.max(1, paragraphs.filter((p) => paragraphScore(p, [t]) > 0).length));
  let best = 0;
  let bestScore = 0;
  paragraphs.forEach((p, i) => {
    const score = terms.reduce((sum, t, j) => sum + paragraphScore(p, [t]) * weights[j]!, 0);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return excerptOf(paragraphs[best]!, 600);
}

/** How many of the question's words (by their first letters, a cheap stem, at a word's start) the paragraph holds. */
function paragraphScore(paragraph: string, terms: string[]): number {
  const text = ` ${normalizeText(paragraph).replace(/[^\p{L}\p{N}]+/gu, " ")}`;
  return terms
    .filter((t) => t.length >= 4 && !QUESTION_WORDS.has(t))
    .reduce((n, t) => n + (text.includes(` ${t.slice(0, Math.max(4, t.length - 2))}`) ? 1 : 0), 0);
}

const QUESTION_WORDS = new Set([
  "what",
  "which",
  "your",
  "policy",
  "with",
  "have",
  "does",
  "can",
  "how",
  "the",
  "and",
  "for",
  "you",
  "much",
  "votre",
  "vos",
  "politique",
  "quelle",
  "quels",
  "quelles",
  "sont",
  "est",
  "ihre",
  "eure",
  "euer",
  "wie",
  "was",
  "ist",
  "kann",
  "lange",
  "cual",
  "cuál",
  "vuestra",
  "que",
  "política",
  "politica",
  "jullie",
  "beleid",
  "wat",
  "qual",
  "vostra",
  "quanto",
]);

export function excerptOf(text: string, max = 400): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "), cut.lastIndexOf("? "));
  return (end > max / 2 ? cut.slice(0, end + 1) : cut.trimEnd() + "…").trim();
}

/**
 * The policy's card: its title and link. The answer's text carries the relevant paragraph,
 * so the card does not repeat it (an answer shows a policy's words once).
 */
export function toPolicyCard(match: KnowledgeMatch): PolicyCard {
  return { kind: "policy", title: match.title, url: match.url, excerpt: "" };
}
