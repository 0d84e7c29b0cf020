// Issue 13, point 3: what a product search costs the shop's Admin API bucket. Shopify charges
// the requested cost before a query runs (an object 1 point, a connection 2 plus `first` times
// its node); the Admin API fake computes it the same way (demo/admin-api/query-cost.ts) and
// answers it in extensions.cost. Before this point a search requested 222 points whatever the
// shopper; now each read asks only for what the shopper needs (app/catalog/operations.ts), and
// these bounds are the ones in docs/architecture.md ("Admin API cost of a search").
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchProducts, type CatalogContext } from "../app/catalog/catalog";
import { createAdminReadCache, withCatalogCache } from "../app/catalog/catalog-cache";
import { SEARCH_FIRST, SEARCH_PRODUCTS_BY_SHAPE } from "../app/catalog/operations";
import { createAdminGraphql, sendViaFetch } from "../app/infra/shopify/admin-graphql.server";
import { loadAdminSchema } from "../demo/admin-api/admin-schema";
import { operationOf, queryCost } from "../demo/admin-api/query-cost";
import { startAdminApiFake, type AdminApiFake, type RecordedRequest } from "../demo/admin-api/start-admin-api-fake";

/** The most any product search may request (docs/architecture.md). */
const SEARCH_COST_BOUND = 175;
/** Per shape: primary language without a country, translated, in a market, both. */
const SHAPE_BOUNDS: Record<string, number> = { Plain: 132, Translated: 142, InMarket: 162, TranslatedInMarket: 172 };

const schema = loadAdminSchema();
const requestedCost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return queryCost(schema, document, operationOf(document)!, variables).cost;
};

describe("the requested cost of a product search", () => {
  it(`stays within ${SEARCH_COST_BOUND} points in every shape (and within each shape's own bound)`, () => {
    expect(Object.keys(SEARCH_PRODUCTS_BY_SHAPE).sort()).toEqual(Object.keys(SHAPE_BOUNDS).sort());
    for (const [shape, document] of Object.entries(SEARCH_PRODUCTS_BY_SHAPE)) {
      const cost = requestedCost(document, { first: SEARCH_FIRST, query: "boots", locale: "de", country: "CH" });
      expect(cost, shape).toBeLessThanOrEqual(SHAPE_BOUNDS[shape]!);
      expect(cost, shape).toBeLessThanOrEqual(SEARCH_COST_BOUND);
    }
  });

  describe("as the shop's bucket sees it (the Admin API fake over HTTP)", () => {
    let fake: AdminApiFake;
    const admin = () =>
      withCatalogCache(
        createAdminGraphql({ send: sendViaFetch({ shopOrigin: fake.origin, accessToken: "shpat_cost" }), timeoutMs: 10_000 }),
        "cost-shop.myshopify.com",
        createAdminReadCache({ ttlMs: 60_000 }),
      );
    beforeAll(async () => {
      fake = await startAdminApiFake({ accessToken: "shpat_cost" });
    });
    afterAll(() => fake?.close());

    async function search(context: CatalogContext): Promise<RecordedRequest[]> {
      fake.clearRequests();
      const result = await searchProducts(admin(), { query: "waterproof hiking boots", size: "42", color: "brown" }, context);
      expect(result.ok).toBe(true);
      return fake.requests();
    }
    const nameOf = (r: RecordedRequest) => /^\s*query (\w+)/.exec(r.query ?? "")?.[1] ?? "";
    const searches = (requests: RecordedRequest[]) => requests.filter((r) => nameOf(r).startsWith("SearchProducts"));
    const costOf = (request: RecordedRequest) => requestedCost(request.query!, request.variables ?? {});

    it("asks a shopper whose storefront named no locale and no country for neither translations nor market prices", async () => {
      const [request, ...more] = searches(await search({}));
      expect(more).toEqual([]);
      expect(request!.query).not.toMatch(/translations|contextualPricing/);
      expect(costOf(request!)).toBeLessThanOrEqual(SHAPE_BOUNDS.Plain!);
    });

    it("asks a German shopper in Germany, a Swiss shopper and an English one in the UK for both, in one request within the bound", async () => {
      for (const context of [
        { locale: "de", country: "DE" },
        { locale: "de", country: "CH" },
        { locale: "en", country: "GB" },
      ]) {
        const requests = await search(context);
        // One request: the shop's primary locale is not looked up first.
        expect(requests.map(nameOf)).toEqual(["SearchProductsTranslatedInMarket"]);
        expect(requests[0]!.query).toMatch(/translations\(locale: \$locale\)/);
        expect(requests[0]!.query).toMatch(/contextualPricing\(context: \{ country: \$country \}\)/);
        expect(costOf(requests[0]!)).toBeLessThanOrEqual(SEARCH_COST_BOUND);
      }
    });

    it("asks for market prices only when the storefront named a country and no locale", async () => {
      const [request] = searches(await search({ country: "CH" }));
      expect(request!.query).not.toMatch(/translations/);
      expect(request!.query).toMatch(/contextualPricing/);
      expect(costOf(request!)).toBeLessThanOrEqual(SHAPE_BOUNDS.InMarket!);
    });
  });
});
