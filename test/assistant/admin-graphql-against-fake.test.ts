// The AdminGraphql adapter against the Admin API fake: it backs off on THROTTLED,
// retries 5xx and a dropped connection, and turns a slow shop into a typed TIMEOUT.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminGraphql, sendViaFetch } from "../../app/infra/shopify/admin-graphql.server";
import type { SleepingClock as Clock } from "../../app/infra/clock";
import { SEARCH_PRODUCTS } from "../../app/catalog/operations";
import { startAdminApiFake, type AdminApiFake } from "../../demo/admin-api/start-admin-api-fake";

describe("AdminGraphql against the Admin API fake", () => {
  let fake: AdminApiFake;
  const slept: number[] = [];
  const clock: Clock = { now: () => new Date(), sleep: async (ms) => void slept.push(ms) };
  // A timeout with a wide margin: the fake validates every query against the full Admin
  // schema, which takes a while on a busy machine. The "too slow" case sets its own.
  const admin = (timeoutMs = 10_000) =>
    createAdminGraphql({ send: sendViaFetch({ shopOrigin: fake.origin, accessToken: "shpat_x" }), clock, timeoutMs });
  beforeAll(async () => {
    fake = await startAdminApiFake({ accessToken: "shpat_x", scopes: ["read_products", "read_orders"] });
  });
  afterAll(() => fake.close());

  it("waits on THROTTLED as extensions.cost says, then answers", async () => {
    fake.reset();
    slept.length = 0;
    fake.injectFault({ kind: "throttled" });
    const result = await admin()(SEARCH_PRODUCTS, { first: 3, query: "merino" });
    expect(result.ok).toBe(true);
    expect(slept).toHaveLength(1);
    expect(fake.requests().map((r) => r.fault)).toEqual(["throttled", null]);
  });

  it("retries 500, 502 and a dropped connection", async () => {
    fake.reset();
    fake.injectFault({ kind: "error500" });
    fake.injectFault({ kind: "error502" });
    expect((await admin()(SEARCH_PRODUCTS, { first: 3, query: "merino" })).ok).toBe(true);
    fake.injectFault({ kind: "disconnect" });
    expect((await admin()(SEARCH_PRODUCTS, { first: 3, query: "merino" })).ok).toBe(true);
  });

  it("gives up with a typed failure when the shop stays down or is too slow", async () => {
    fake.reset();
    fake.injectFault({ kind: "error500", count: 3 });
    expect(await admin()(SEARCH_PRODUCTS, { first: 3, query: "merino" })).toMatchObject({ ok: false, code: "UNAVAILABLE" });
    fake.injectFault({ kind: "slow", delayMs: 5_000 });
    expect(await admin(500)(SEARCH_PRODUCTS, { first: 3, query: "merino" })).toMatchObject({ ok: false, code: "TIMEOUT" });
  });

  it("reports a missing scope as ACCESS_DENIED, naming the scope", async () => {
    const result = await admin()("query { shop { shopPolicies { body } } }");
    expect(result).toMatchObject({ ok: false, code: "ACCESS_DENIED", message: expect.stringMatching(/read_legal_policies/) });
  });
});
