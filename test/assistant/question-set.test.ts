// Issue 13, part 8: the shopper question set (questions.json: products, constraints,
// policies, orders, handoff and greetings in en, de, fr, es, nl, it) against the demo
// store, in basic mode and with the OpenAI fake. bench/questions.ts prints the pass rates.
import { describe, expect, it } from "vitest";
import { QUESTIONS, runQuestionSet } from "./question-set";

describe("the shopper question set", () => {
  it("has at least 60 questions in six languages, each with an expectation", () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(QUESTIONS.map((q) => q.lang))).toEqual(new Set(["en", "de", "fr", "es", "nl", "it"]));
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) expect(Object.keys(q.expect).length, q.id).toBeGreaterThan(0);
  });

  it("is answered in basic mode at a pass rate of at least 0.9", { timeout: 60_000 }, async () => {
    const { outcomes, passRate } = await runQuestionSet("basic");
    const failed = outcomes.filter((o) => !o.ok).map((o) => `${o.id}: ${o.failures.join("; ")}`);
    expect(passRate, failed.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("is answered with the OpenAI fake at a pass rate of at least 0.8", { timeout: 60_000 }, async () => {
    const { outcomes, passRate } = await runQuestionSet("ai");
    const failed = outcomes.filter((o) => !o.ok).map((o) => `${o.id}: ${o.failures.join("; ")}`);
    expect(passRate, failed.join("\n")).toBeGreaterThanOrEqual(0.8);
  });
});
