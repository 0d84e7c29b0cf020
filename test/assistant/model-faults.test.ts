// Every way the model can fail ends in a basic-mode answer (never a 5xx, an error event
// or a hang), and repeated failures open the circuit breaker so later turns skip the model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeReply } from "../../demo/openai-fake/server";
import { startAssistantHarness } from "./harness";

const FAULTS: Array<[string, FakeReply]> = [
  ["timeout (the model never answers)", { fault: "hang" }],
  ["429 with Retry-After", { fault: "status", status: 429, retryAfter: 30 }],
  ["500", { fault: "status", status: 500 }],
  ["503", { fault: "status", status: 503 }],
  ["stream stalls mid-answer (turn timeout)", { fault: "stall", text: "Let me look that up for you, one moment please while I" }],
  ["stream cut mid-answer", { fault: "cut", text: "The merino tee is a lovely choice and it costs only" }],
  ["malformed tool-call JSON", { fault: "malformed_tool_call" }],
];

describe("model faults", () => {
  let now = 0;
  let h: Awaited<ReturnType<typeof startAssistantHarness>>;
  beforeAll(async () => {
    h = await startAssistantHarness({ modelTimeoutMs: 800, limits: { turnTimeoutMs: 2_000 }, breakerThreshold: 3, now: () => now });
  });
  afterAll(() => h.close());

  for (const [label, fault] of FAULTS) {
    it(`${label} ends in a basic-mode answer`, async () => {
      h.breaker.recordSuccess(); // each case starts with a closed breaker
      h.openai.reset();
      h.openai.script(fault);
      const started = Date.now();
      const { events, text, cards, done } = await h.turn("Do you have a merino tee?");
      // The turn timeout plus a basic answer, with room for a busy machine: what matters is
      // that a hanging model does not hold the turn (the test's own timeout is 30 s).
      expect(Date.now() - started).toBeLessThan(2_000 + 10_000);
      expect(events.some((e) => e.type === "error")).toBe(false);
      expect(done).toMatchObject({ type: "done", mode: "basic" });
      expect(text).toContain("AI answers are off");
      expect(cards.some((c) => c.kind === "product" && c.title === "Merino Trail Tee")).toBe(true);
      expect(h.openai.requests).toHaveLength(1);
      expect(h.transcript.events.at(-1)?.kind).toMatch(/basic_mode|model_failure/);
    });
  }

  it("a fault after a tool round still ends in a basic answer", async () => {
    h.breaker.recordSuccess();
    h.openai.reset();
    h.openai.script({ toolCalls: [{ name: "search_products", arguments: { query: "merino" } }] }, { fault: "status", status: 502 });
    const { done, text } = await h.turn("Do you have a merino tee?");
    expect(done).toMatchObject({ mode: "basic" });
    expect(text).toContain("AI answers are off");
  });

  it("opens the breaker after repeated failures, skips the model, and tries again after the cool-down", async () => {
    h.breaker.recordSuccess();
    h.openai.reset();
    h.openai.script({ fault: "status", status: 500 }, { fault: "status", status: 500 }, { fault: "status", status: 500 });
    for (let i = 0; i < 3; i++) await h.turn("refund policy?");
    expect(h.breaker.state()).toBe("open");
    const skipped = await h.turn("refund policy?");
    expect(skipped.done).toMatchObject({ mode: "basic" });
    expect(skipped.text).toMatch(/Refund policy/);
    expect(h.openai.requests).toHaveLength(3); // the fourth turn never called the model

    now += 60_000; // cool-down over: one trial turn goes to the (now healthy) model
    const recovered = await h.turn("refund policy?");
    expect(recovered.done).toMatchObject({ mode: "ai" });
    expect(h.breaker.state()).toBe("closed");
  });
});
