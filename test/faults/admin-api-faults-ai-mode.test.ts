// Admin API faults end to end in AI mode (issue 7): the same product question as in
// admin-api-faults.test.ts, but answered by the model (the OpenAI fake's demo brain,
// over HTTP): the model calls search_products, the app's tool asks the Admin GraphQL
// fake, and the fake answers THROTTLED, 5xx or slowly. The tool retries with backoff
// (counted and timed on the fake's log); when the store's data stays out of reach the
// model is told so in the tool result (UNAVAILABLE, "offer a person") and words it for
// the shopper. Always a 200 stream ending in `done`, in AI mode: an Admin API fault is
// not a model failure, so the circuit breaker stays closed and the next question is
// answered by the model again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserDemo, type BrowserDemo } from "../browser/support/browser-demo";
import { storefrontShopper, type ConversationRef } from "../support/storefront-shopper";
import { testDatabaseProvider } from "../support/test-database";

const QUESTION = "Do you have a merino tee?";
// What the demo brain says when a tool result is an error (demo/openai-fake/demo-brain.ts).
const MODEL_APOLOGY = "Sorry, I can't look that up right now. A person can help if you like.";

describe.skipIf(testDatabaseProvider() !== "sqlite")("Admin API faults during a chat turn (AI mode, real app server)", () => {
  let demo: BrowserDemo;
  let shopper: ReturnType<typeof storefrontShopper>;
  let conversation: ConversationRef;

  beforeAll(async () => {
    demo = await startBrowserDemo({ model: { kind: "fake" } });
    shopper = storefrontShopper(demo.storefrontUrl);
    const consent = await shopper.consent();
    expect(consent.status).toBe(200);
    conversation = consent.conversation!;
  }, 600_000);
  afterAll(() => demo?.dispose());

  /** One product question with the given Admin API faults queued; both fakes' logs of that turn. */
  async function askWithFaults(faults: Parameters<BrowserDemo["adminApiFake"]["injectFault"]>[0][]) {
    demo.adminApiFake.reset();
    demo.openAiFake!.reset();
    for (const fault of faults) demo.adminApiFake.injectFault(fault);
    const answer = await shopper.chat(QUESTION, conversation);
    const requests = demo.adminApiFake.requests().filter((r) => r.path.includes("/graphql.json"));
    const gaps = requests.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(requests[i]!.at));
    // What the app sent back to the model as the search_products result.
    const toolResults = demo.openAiFake!.requests.flatMap((body) =>
      body.messages.filter((m) => m.role === "tool").map((m) => JSON.parse(m.content ?? "null")),
    );
    const toolCalls = demo.openAiFake!.requests.flatMap((body) =>
      body.messages.flatMap((m) => m.tool_calls ?? []).map((c) => c.function.name),
    );
    demo.adminApiFake.reset();
    return { answer, requests, gaps, toolResults, toolCalls };
  }

  function expectCleanAiStream(answer: Awaited<ReturnType<ReturnType<typeof storefrontShopper>["chat"]>>) {
    expect(answer.status).toBe(200);
    expect(answer.error).toBeUndefined();
    expect(answer.done?.messageId).toEqual(expect.any(String));
    expect(answer.done?.mode).toBe("ai");
  }

  it("answers through the model's product search when the Admin API is healthy (one request)", async () => {
    const { answer, requests, toolCalls, toolResults } = await askWithFaults([]);
    expectCleanAiStream(answer);
    expect(toolCalls).toEqual(["search_products"]);
    expect(toolResults[0].products.map((p: { title: string }) => p.title)).toContain("Merino Trail Tee");
    expect(answer.text).toContain("Merino Trail Tee");
    expect(requests).toHaveLength(1);
  });

  it("waits on THROTTLED and then answers normally", async () => {
    const { answer, requests, gaps } = await askWithFaults([{ kind: "throttled" }]);
    expectCleanAiStream(answer);
    expect(answer.text).toContain("Merino Trail Tee");
    expect(requests.map((r) => r.fault)).toEqual(["throttled", null]);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
  });

  it("retries 500 and 502 with backoff and then answers normally", async () => {
    const { answer, requests, gaps } = await askWithFaults([{ kind: "error500" }, { kind: "error502" }]);
    expectCleanAiStream(answer);
    expect(answer.text).toContain("Merino Trail Tee");
    expect(requests.map((r) => r.fault)).toEqual(["error500", "error502", null]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(450);
  });

  it("tells the model the store's data is unavailable when the shop stays down; the shopper gets its apology, no 5xx", async () => {
    const { answer, requests, toolResults } = await askWithFaults([{ kind: "error502", count: 10 }]);
    expectCleanAiStream(answer);
    expect(requests).toHaveLength(3);
    expect(toolResults).toEqual([{ error: "UNAVAILABLE", message: expect.stringContaining("offer a person") }]);
    expect(answer.text).toBe(MODEL_APOLOGY);
    expect(answer.events.some((e) => e.event === "card")).toBe(false);
  });

  it("gives up on a slow Admin API within the adapter's timeout, the same way", async () => {
    const { answer, requests, toolResults } = await askWithFaults([{ kind: "slow", delayMs: 8_000 }]);
    expectCleanAiStream(answer);
    expect(requests.length).toBeLessThanOrEqual(1);
    expect(toolResults).toEqual([{ error: "UNAVAILABLE", message: expect.any(String) }]);
    expect(answer.text).toBe(MODEL_APOLOGY);
    expect(answer.ms).toBeLessThan(7_500);
  }, 20_000);

  it("keeps the model on afterwards (Admin API faults do not open the breaker) and stored every turn", async () => {
    const { answer } = await askWithFaults([]);
    expectCleanAiStream(answer);
    expect(answer.text).toContain("Merino Trail Tee");
    const transcript = await shopper.transcript(conversation);
    expect(transcript.status).toBe(200);
    const messages = transcript.json.messages as Array<{ role: string; text: string; mode: string }>;
    expect(messages.filter((m) => m.role === "shopper")).toHaveLength(6);
    expect(messages.filter((m) => m.role === "assistant").map((m) => m.mode)).toEqual(Array(6).fill("ai"));
    expect(messages.filter((m) => m.text === MODEL_APOLOGY)).toHaveLength(2);
  });
});
