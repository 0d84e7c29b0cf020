// Rate limits and injected faults of the Admin GraphQL fake.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { errorCodes, graphqlClient } from "./fake-test-client";
import { startAdminApiFake, type AdminApiFake } from "./start-admin-api-fake";

const TOKEN = "shpat_limits";
const SHOP = `query Shop { shop { name } }`;
let fake: AdminApiFake;
let gql: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  fake = await startAdminApiFake({ accessToken: TOKEN, scopes: ["read_products", "read_orders"] });
  gql = graphqlClient(fake, TOKEN);
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const post = (path: string, body: unknown) =>
  fetch(`${fake.origin}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("cost and throttling", () => {
  it("answers THROTTLED (HTTP 200) when the bucket can't cover the requested cost", async () => {
    await post("/__fake/bucket", { currentlyAvailable: 5 });
    const { status, body } = await gql(`query Many { products(first: 50) { nodes { id variants(first: 10) { nodes { id } } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({ message: "Throttled", extensions: expect.objectContaining({ code: "THROTTLED" }) }),
    ]);
    expect(body.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(body.extensions!.cost.requestedQueryCost);
    expect((await gql(SHOP)).body.data).toEqual({ shop: { name: "Demo Outfitters" } }); // a cheap query still fits
  });

  it("empties the bucket under repeated expensive queries", async () => {
    const heavy = `query Heavy { products(first: 60) { nodes { id variants(first: 10) { nodes { id } } } } }`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { body } = await gql(heavy);
      codes.push(errorCodes({ status: 200, body })[0] ?? "ok");
    }
    expect(codes).toContain("THROTTLED");
  });

  it("refuses a single query above the 1000-point limit", async () => {
    const { body } = await gql(`query Huge { products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }`);
    expect(errorCodes({ status: 200, body })).toEqual(["MAX_COST_EXCEEDED"]);
  });
});

describe("fault injection", () => {
  it("queues throttled, 500 and slow answers through the control API", async () => {
    expect((await post("/__fake/faults", { kind: "throttled" })).status).toBe(200);
    await post("/__fake/faults", { kind: "error500", count: 2 });
    await post("/__fake/faults", { kind: "slow", delayMs: 150 });
    expect(errorCodes(await gql(SHOP))).toEqual(["THROTTLED"]);
    expect((await gql(SHOP)).status).toBe(500);
    expect((await gql(SHOP)).status).toBe(500);
    const started = Date.now();
    expect((await gql(SHOP)).body.data).toEqual({ shop: { name: "Demo Outfitters" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await gql(SHOP)).status).toBe(200);
    expect(fake.requests().map((r) => r.fault)).toEqual(["throttled", "error500", "error500", "slow", null]);
  });

  it("drops the connection on a disconnect fault, and refuses an unknown fault kind", async () => {
    fake.injectFault({ kind: "disconnect" });
    await expect(gql(SHOP)).rejects.toThrow();
    expect((await post("/__fake/faults", { kind: "meteor" })).status).toBe(400);
  });
});
