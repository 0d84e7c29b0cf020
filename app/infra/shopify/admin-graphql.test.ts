import { describe, expect, it } from "vitest";
import { createAdminGraphql, sendViaRemixAdmin, throttleDelayMs, type RawGraphqlResponse } from "./admin-graphql.server";
import type { SleepingClock as Clock } from "../clock";

function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => new Date(0), sleep: async (ms) => void slept.push(ms) };
}

const throttled: RawGraphqlResponse = {
  status: 200,
  body: {
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
    extensions: { cost: { requestedQueryCost: 120, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 20, restoreRate: 50 } } },
  },
};

describe("createAdminGraphql", () => {
  it("waits for the bucket to refill after THROTTLED, then answers", async () => {
    const answers = [throttled, { status: 200, body: { data: { shop: { name: "Demo" } } } }];
    const clock = fakeClock();
    const admin = createAdminGraphql({ send: async () => answers.shift()!, clock });
    expect(await admin("query { shop { name } }")).toEqual({ ok: true, data: { shop: { name: "Demo" } } });
    expect(clock.slept).toEqual([2000]); // (120 - 20) / 50 points per second
  });

  it("gives up with THROTTLED after the last attempt", async () => {
    const clock = fakeClock();
    const admin = createAdminGraphql({ send: async () => throttled, clock, maxAttempts: 3 });
    expect(await admin("query { shop { name } }")).toMatchObject({ ok: false, code: "THROTTLED" });
    expect(clock.slept).toHaveLength(2);
  });

  it("honours Retry-After on 429 and retries 5xx", async () => {
    const answers: RawGraphqlResponse[] = [
      { status: 429, body: null, retryAfterMs: 3000 },
      { status: 502, body: null },
      { status: 200, body: { data: { ok: 1 } } },
    ];
    const clock = fakeClock();
    const admin = createAdminGraphql({ send: async () => answers.shift()!, clock });
    expect(await admin("query { x }")).toEqual({ ok: true, data: { ok: 1 } });
    expect(clock.slept).toEqual([3000, 500]);
  });

  it("turns a slow answer into TIMEOUT and GraphQL errors into GRAPHQL_ERROR", async () => {
    const slow = createAdminGraphql({ send: () => new Promise(() => {}), timeoutMs: 20, clock: fakeClock() });
    expect(await slow("query { x }")).toMatchObject({ ok: false, code: "TIMEOUT" });
    const bad = createAdminGraphql({
      send: async () => ({ status: 200, body: { errors: [{ message: "Field 'x' doesn't exist" }] } }),
      clock: fakeClock(),
    });
    expect(await bad("query { x }")).toMatchObject({ ok: false, code: "GRAPHQL_ERROR" });
    const junk = createAdminGraphql({ send: async () => ({ status: 200, body: "<html>" }), clock: fakeClock() });
    expect(await junk("query { x }")).toMatchObject({ ok: false, code: "BAD_RESPONSE" });
  });

  it("computes a bounded backoff without cost data", () => {
    expect(throttleDelayMs(undefined, 0)).toBe(250);
    expect(throttleDelayMs(undefined, 2)).toBe(1000);
  });

  it("adapts shopify-app-remix's admin.graphql, which throws on GraphQL and HTTP errors", async () => {
    const thrown = [
      // GraphqlQueryError (HTTP 200 with errors) as @shopify/shopify-api throws it
      Object.assign(new Error("Throttled"), {
        body: {
          errors: {
            networkStatusCode: 200,
            message: "GraphQL Client: An error occurred",
            graphQLErrors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          },
          extensions: {
            cost: { requestedQueryCost: 10, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 100 } },
          },
        },
      }),
      // HttpThrottlingError (HTTP 429)
      Object.assign(new Error("Shopify is throttling requests"), { response: { code: 429, retryAfter: 2 } }),
    ];
    const admin = {
      async graphql() {
        const next = thrown.shift();
        if (next) throw next;
        return new Response(JSON.stringify({ data: { shop: { name: "Demo" } } }));
      },
    };
    const clock = fakeClock();
    const result = await createAdminGraphql({ send: sendViaRemixAdmin(admin), clock })("query { shop { name } }");
    expect(result).toEqual({ ok: true, data: { shop: { name: "Demo" } } });
    expect(clock.slept).toEqual([100, 2000]);
  });
});
