// The Admin GraphQL fake refuses what Shopify refuses and serves the demo store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodes, errorMessages, graphqlClient } from "./fake-test-client";
import { startAdminApiFake, type AdminApiFake } from "./start-admin-api-fake";

const TOKEN = "shpat_test_token";
let fake: AdminApiFake;
let gql: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  fake = await startAdminApiFake({ accessToken: TOKEN, scopes: ["read_products", "read_orders"] });
  gql = graphqlClient(fake, TOKEN);
});
afterAll(() => fake.close());

describe("refusals", () => {
  it("answers an invalid document with HTTP 200 and Shopify-style errors, no data", async () => {
    const { status, body } = await gql(`query Bad { shop { name nope } }`);
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'nope' doesn't exist on type 'Shop'",
        extensions: { code: "undefinedField" },
        locations: [{ line: 1, column: 25 }],
      }),
    ]);
  });

  it("refuses a connection without first or last", async () => {
    expect(errorMessages(await gql(`query NoFirst { products { nodes { id } } }`))).toEqual(["you must provide one of first or last"]);
  });

  it("answers 401 to a missing or wrong access token", async () => {
    for (const token of [null, "shpat_wrong"]) {
      const { status, body } = await gql(`query Shop { shop { name } }`, {}, token);
      expect(status).toBe(401);
      expect(body.errors).toMatch(/Invalid API key or access token/);
    }
  });

  it("answers 400 to a body that is not JSON, and 404 to another API version", async () => {
    const bad = await fetch(fake.graphqlUrl, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": TOKEN, "Content-Type": "application/json" },
      body: "{nope",
    });
    expect(bad.status).toBe(400);
    const other = await fetch(`${fake.origin}/admin/api/2024-01/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": TOKEN },
      body: "{}",
    });
    expect(other.status).toBe(404);
  });

  it("denies what the granted scopes don't cover (policies need read_legal_policies)", async () => {
    expect(errorCodes(await gql(`query Policies { shop { shopPolicies { title } } }`))).toEqual(["ACCESS_DENIED"]);
  });
});

describe("serving the demo store", () => {
  it("searches and pages products, with extensions.cost", async () => {
    const query = `query Search($q: String!, $after: String) { products(first: 2, query: $q, after: $after) {
      nodes { title handle priceRangeV2 { minVariantPrice { amount currencyCode } } featuredImage { url } }
      pageInfo { hasNextPage endCursor } } }`;
    const page1 = await gql(query, { q: "tag:hiking available_for_sale:true" });
    expect(page1.body.data!.products.nodes).toHaveLength(2);
    expect(page1.body.data!.products.nodes[0].priceRangeV2.minVariantPrice.currencyCode).toBe("EUR");
    expect(page1.body.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 100 });
    expect(page1.body.extensions!.cost.requestedQueryCost).toBeGreaterThan(0);
    const page2 = await gql(query, { q: "tag:hiking available_for_sale:true", after: page1.body.data!.products.pageInfo.endCursor });
    const seen = page1.body.data!.products.nodes.map((n: { handle: string }) => n.handle);
    expect(page2.body.data!.products.nodes.some((n: { handle: string }) => seen.includes(n.handle))).toBe(false);
  });

  it("finds a product by handle and serves hostile strings verbatim", async () => {
    const { body } = await gql(
      `query P { productByIdentifier(identifier: { handle: "hostile-test-sock" }) { title variants(first: 1) { nodes { id } } } }`,
    );
    expect(body.data!.productByIdentifier.title).toBe("<img src=x onerror=alert(1)> Test Sock");
  });

  it("serves a customer's orders with fulfilments and tracking, newest first", async () => {
    const { body } = await gql(`query Mine { orders(first: 10, query: "customer_id:7001", sortKey: CREATED_AT, reverse: true) {
      nodes { name displayFulfillmentStatus fulfillments(first: 5) { trackingInfo { company number url } } } } }`);
    const orders = body.data!.orders.nodes;
    expect(orders.map((o: { name: string }) => o.name)).toEqual(["#1001", "#1002", "#1003"]); // #1004 is 75 days old
    expect(orders[1].fulfillments[0].trackingInfo[0]).toMatchObject({ company: "DHL Express", url: expect.stringMatching(/^https:/) });
  });

  it("shows orders older than 60 days only with read_all_orders", async () => {
    const all = await startAdminApiFake({ accessToken: TOKEN, scopes: ["read_products", "read_orders", "read_all_orders"] });
    try {
      const { body } = await graphqlClient(all, TOKEN)(`query Old { order(id: "gid://shopify/Order/5004") { name } }`);
      expect(body.data!.order).toEqual({ name: "#1004" });
      expect((await gql(`query Old { order(id: "gid://shopify/Order/5004") { name } }`)).body.data!.order).toBeNull();
    } finally {
      await all.close();
    }
  });

  it("resolves valid fields it has no data for to neutral defaults", async () => {
    const { body } = await gql(`query Odd { shop { name fulfillmentServices { id } resourceLimits { maxProductVariants } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.shop.fulfillmentServices).toEqual([]);
  });

  it("serves payment data only when asked, and logs what was asked", async () => {
    fake.clearRequests();
    await gql(
      `query Pay { order(id: "gid://shopify/Order/5002") { transactions(first: 1) { paymentDetails { ... on CardPaymentDetails { number } } } } }`,
    ).then(({ body }) => expect(body.data!.order.transactions[0].paymentDetails.number).toMatch(/\d{4}$/));
    const log = (await (await fetch(`${fake.origin}/__fake/requests`)).json()) as {
      requests: { operationName: string | null; query: string }[];
    };
    expect(log.requests).toHaveLength(1);
    expect(log.requests[0]!.query).toContain("transactions");
    expect(JSON.stringify(log)).not.toContain(TOKEN);
  });

  it("stores app-data metafields from metafieldsSet and exposes them to the storefront", async () => {
    const set = `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key } userErrors { code message } } }`;
    const { body: install } = await gql(`query I { currentAppInstallation { id } }`);
    const ownerId = install.data!.currentAppInstallation.id;
    const bad = await gql(set, { m: [{ ownerId, namespace: "shop_assistant", key: "widget_config", type: "json", value: "{not json" }] });
    expect(bad.body.data!.metafieldsSet.userErrors[0].code).toBe("INVALID_VALUE");
    const ok = await gql(set, {
      m: [{ ownerId, namespace: "shop_assistant", key: "widget_config", type: "json", value: '{"greeting":"Hi"}' }],
    });
    expect(ok.body.data!.metafieldsSet.userErrors).toEqual([]);
    const seen = await (await fetch(`${fake.origin}/__fake/app-metafields`)).json();
    expect(seen).toEqual({
      shop_assistant: { widget_config: { type: "json", value: '{"greeting":"Hi"}', jsonValue: { greeting: "Hi" } } },
    });
  });
});
