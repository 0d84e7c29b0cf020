// Admin API faults end to end (issue 7): a shopper asks about products through the
// storefront's app proxy → the built app → the Admin GraphQL fake, while the fake
// answers THROTTLED, 5xx or slowly. The app retries with backoff (counted and timed on
// the fake's request log), the shopper always gets a 200 stream that ends in `done`,
// and when the store data stays out of reach the answer says so plainly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserDemo, type BrowserDemo } from "../browser/support/browser-demo";
import { storefrontShopper, type ConversationRef } from "../support/storefront-shopper";
import { testDatabaseProvider } from "../support/test-database";

const UNAVAILABLE = "I can't reach the store's data right now. Please try again in a moment, or ask for a person.";

// The demo stack runs on SQLite whatever the suite's provider: once is enough.
describe.skipIf(testDatabaseProvider() !== "sqlite")("Admin API faults during a chat turn (basic mode, real app server)", () => {
  let demo: BrowserDemo;
  let shopper: ReturnType<typeof storefrontShopper>;
  let conversation: ConversationRef;

  beforeAll(async () => {
    demo = await startBrowserDemo({ model: { kind: "basic" } });
    shopper = storefrontShopper(demo.storefrontUrl);
    const consent = await shopper.consent();
    expect(consent.status).toBe(200);
    conversation = consent.conversation!;
  }, 600_000);
  afterAll(() => demo?.dispose());

  /** One product question with the given faults queued; the fake's log of that turn. */
  async function askWithFaults(faults: Parameters<BrowserDemo["adminApiFake"]["injectFault"]>[0][]) {
    demo.adminApiFake.reset();
    for (const fault of faults) demo.adminApiFake.injectFault(fault);
    const answer = await shopper.chat("Do you have a merino tee?", conversation);
    const requests = demo.adminApiFake.requests().filter((r) => r.path.includes("/graphql.json"));
    const gaps = requests.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(requests[i]!.at));
    demo.adminApiFake.reset();
    return { answer, requests, gaps };
  }

  function expectCleanStream(answer: Awaited<ReturnType<ReturnType<typeof storefrontShopper>["chat"]>>) {
    expect(answer.status).toBe(200);
    expect(answer.error).toBeUndefined();
    expect(answer.done?.messageId).toEqual(expect.any(String));
  }

  it("answers with product cards when the Admin API is healthy (one request)", async () => {
    const { answer, requests } = await askWithFaults([]);
    expectCleanStream(answer);
    expect(answer.text).toContain("Merino Trail Tee");
    expect(requests).toHaveLength(1);
  });

  it("waits on THROTTLED and then answers normally", async () => {
    const { answer, requests, gaps } = await askWithFaults([{ kind: "throttled" }]);
    expectCleanStream(answer);
    expect(answer.text).toContain("Merino Trail Tee");
    expect(requests.map((r) => r.fault)).toEqual(["throttled", null]);
    expect(gaps[0]).toBeGreaterThanOrEqual(90); // throttleDelayMs never waits under 100 ms
  });

  it("retries 500 and 502 with backoff and then answers normally", async () => {
    const { answer, requests, gaps } = await askWithFaults([{ kind: "error500" }, { kind: "error502" }]);
    expectCleanStream(answer);
    expect(answer.text).toContain("Merino Trail Tee");
    expect(requests.map((r) => r.fault)).toEqual(["error500", "error502", null]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(450); // 500 ms between attempts
  });

  it("gives up after three attempts when the shop stays down, with a clear message and no 5xx", async () => {
    const { answer, requests } = await askWithFaults([{ kind: "error502", count: 10 }]);
    expectCleanStream(answer);
    expect(answer.text).toContain(UNAVAILABLE);
    expect(requests).toHaveLength(3);
    expect(answer.events.some((e) => e.event === "card")).toBe(false);
  });

  it("gives up on a slow Admin API with the same clear message, within the adapter's timeout", async () => {
    const { answer, requests } = await askWithFaults([{ kind: "slow", delayMs: 8_000 }]);
    expectCleanStream(answer);
    expect(answer.text).toContain(UNAVAILABLE);
    expect(requests.length).toBeLessThanOrEqual(1);
    expect(answer.ms).toBeLessThan(7_500);
  }, 20_000);

  it("stored every answered turn, degraded or not, in the transcript", async () => {
    const transcript = await shopper.transcript(conversation);
    expect(transcript.status).toBe(200);
    const texts = JSON.stringify(transcript.json);
    expect(texts).toContain(UNAVAILABLE);
    expect(texts).toContain("Merino Trail Tee");
  });
});
