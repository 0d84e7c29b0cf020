// The fake serves the demo shop's languages, markets and publication state, validated
// against the vendored schema like every other field: translations(locale:) on products,
// collections and policies (read_translations), contextualPricing(context: { country }),
// onlineStoreUrl and the published_status search filter, and shopLocales (read_locales).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodes, graphqlClient } from "./fake-test-client";
import { startAdminApiFake, type AdminApiFake } from "./start-admin-api-fake";

const TOKEN = "shpat_international";
let fake: AdminApiFake;
let without: AdminApiFake;
beforeAll(async () => {
  fake = await startAdminApiFake({
    accessToken: TOKEN,
    scopes: ["read_products", "read_legal_policies", "read_translations", "read_locales"],
  });
  without = await startAdminApiFake({ accessToken: TOKEN, scopes: ["read_products", "read_legal_policies"] });
});
afterAll(async () => {
  await fake.close();
  await without.close();
});

const PRODUCT = `query P($handle: String!, $locale: String!, $country: CountryCode) {
  productByIdentifier(identifier: { handle: $handle }) {
    title onlineStoreUrl
    translations(locale: $locale) { key value locale }
    contextualPricing(context: { country: $country }) { minVariantPricing { price { amount currencyCode } } }
    variants(first: 1) { nodes { price contextualPricing(context: { country: $country }) { price { amount currencyCode } compareAtPrice { amount } } } }
  } }`;

describe("languages", () => {
  it("serves product, collection and policy translations, and none for the primary locale", async () => {
    const gql = graphqlClient(fake, TOKEN);
    const de = await gql(PRODUCT, { handle: "leather-hiking-boots", locale: "de" });
    expect(de.body.errors).toBeUndefined();
    expect(de.body.data!.productByIdentifier.translations).toEqual(
      expect.arrayContaining([{ key: "title", value: "Leder-Wanderschuhe", locale: "de" }]),
    );
    const en = await gql(PRODUCT, { handle: "leather-hiking-boots", locale: "en" });
    expect(en.body.data!.productByIdentifier.translations).toEqual([]);
    const collections = await gql(`query C { collectionByHandle(handle: "footwear") { title translations(locale: "fr") { key value } } }`);
    expect(collections.body.data!.collectionByHandle.translations).toContainEqual({ key: "title", value: "Chaussures" });
    const policies = await gql(`query S { shop { shopPolicies { type translations(locale: "es") { key value } } } }`);
    const refund = policies.body.data!.shop.shopPolicies.find((p: { type: string }) => p.type === "REFUND_POLICY");
    expect(refund.translations).toContainEqual({ key: "title", value: "Política de reembolso" });
  });

  it("serves the shop's published locales, the primary one marked, and refuses them without read_locales", async () => {
    const query = `query L { shopLocales(published: true) { locale name primary published } }`;
    const answer = await graphqlClient(fake, TOKEN)(query);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.shopLocales).toEqual([
      { locale: "en", name: "English", primary: true, published: true },
      { locale: "de", name: "German", primary: false, published: true },
      { locale: "fr", name: "French", primary: false, published: true },
      { locale: "es", name: "Spanish", primary: false, published: true },
    ]);
    const unpublished = await graphqlClient(fake, TOKEN)(`query U { shopLocales(published: false) { locale } }`);
    expect(unpublished.body.data!.shopLocales).toEqual([]);
    const invalid = await graphqlClient(fake, TOKEN)(`query I { shopLocales { locale isoCode } }`);
    expect(JSON.stringify(invalid.body.errors)).toMatch(/isoCode/);
    expect(errorCodes(await graphqlClient(without, TOKEN)(query))).toContain("ACCESS_DENIED");
  });

  it("refuses translations without read_translations, as Shopify does", async () => {
    const answer = await graphqlClient(without, TOKEN)(PRODUCT, { handle: "leather-hiking-boots", locale: "de" });
    expect(errorCodes(answer)).toContain("ACCESS_DENIED");
  });
});

describe("markets", () => {
  it("prices a product in the market of the country, and in the primary market elsewhere", async () => {
    const gql = graphqlClient(fake, TOKEN);
    const price = async (country?: string) => {
      const answer = await gql(PRODUCT, { handle: "leather-hiking-boots", locale: "en", country });
      expect(answer.body.errors).toBeUndefined();
      const product = answer.body.data!.productByIdentifier;
      return [product.contextualPricing.minVariantPricing.price, product.variants.nodes[0].contextualPricing.price];
    };
    expect(await price("GB")).toEqual([
      { amount: "162.95", currencyCode: "GBP" },
      { amount: "162.95", currencyCode: "GBP" },
    ]);
    expect((await price("CH"))[0]).toEqual({ amount: "179.95", currencyCode: "CHF" });
    expect((await price("DK"))[0]).toEqual({ amount: "1409.95", currencyCode: "DKK" });
    expect((await price("DE"))[0]).toEqual({ amount: "189.00", currencyCode: "EUR" });
    expect((await price("US"))[0]).toEqual({ amount: "189.00", currencyCode: "EUR" });
    expect((await price(undefined))[0]).toEqual({ amount: "189.00", currencyCode: "EUR" });
  });
});

describe("publication state", () => {
  it("gives an onlineStoreUrl only to active products published on the Online Store, and filters published_status", async () => {
    const gql = graphqlClient(fake, TOKEN);
    const url = async (handle: string) =>
      (
        await gql(`query U($h: String!) { productByIdentifier(identifier: { handle: $h }) { status publishedAt onlineStoreUrl } }`, {
          h: handle,
        })
      ).body.data!.productByIdentifier;
    expect(await url("headlamp-300-lumen")).toMatchObject({ status: "ACTIVE", publishedAt: null, onlineStoreUrl: null });
    expect(await url("vintage-wash-crewneck")).toMatchObject({ status: "DRAFT", onlineStoreUrl: null });
    expect(await url("insulated-parka")).toMatchObject({ status: "ARCHIVED", onlineStoreUrl: null });
    expect((await url("merino-trail-tee")).onlineStoreUrl).toMatch(/\/products\/merino-trail-tee$/);
    const search = async (query: string) =>
      (
        await gql(`query S($q: String!) { products(first: 50, query: $q) { nodes { handle } } }`, { q: query })
      ).body.data!.products.nodes.map((n: { handle: string }) => n.handle);
    expect(await search("headlamp")).toEqual(["headlamp-300-lumen"]);
    expect(await search("headlamp status:active published_status:published")).toEqual([]);
    expect(await search("parka published_status:published")).toEqual([]);
    expect(await search("merino status:active published_status:published")).toContain("merino-trail-tee");
  });
});
