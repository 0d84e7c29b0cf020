import { describe, expect, it } from "vitest";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import { productDetails, searchProducts, searchTermsOf } from "./catalog";

const node = (n: number, title: string, price: string, available: boolean, status = "ACTIVE", published = status === "ACTIVE") => ({
  id: `gid://shopify/Product/${n}`,
  handle: title.toLowerCase().replace(/ /g, "-"),
  title,
  status,
  onlineStoreUrl: published ? `https://shop.example/products/${n}` : null,
  featuredMedia: { preview: { image: { url: `/img/${n}.svg`, altText: null } } },
  priceRangeV2: { minVariantPrice: { amount: price, currencyCode: "EUR" } },
  variants: {
    nodes: [
      { id: `gid://shopify/ProductVariant/${n}0`, availableForSale: false },
      { id: `gid://shopify/ProductVariant/${n}1`, availableForSale: available },
    ],
  },
});

describe("catalog", () => {
  const queries: string[] = [];
  const admin: AdminGraphql = async (_op, variables) => {
    queries.push(String(variables?.query));
    return {
      ok: true,
      data: {
        products: {
          nodes: [
            node(1, "Merino Tee", "59.00", true),
            node(2, "Cotton Tee", "19.00", false),
            node(3, "Draft Tee", "9.00", true, "DRAFT"),
            node(4, "Unpublished Tee", "9.00", true, "ACTIVE", false),
          ],
        },
      },
    };
  };

  it("never passes search syntax through: only words", async () => {
    expect(searchTermsOf('tee" OR customer_id:7002 (status:draft)')).toEqual(["tee", "or", "customer", "id", "7002", "status", "draft"]);
    await searchProducts(admin, { query: "merino: tee" });
    expect(queries.at(-1)).toBe("merino status:active published_status:published OR tee status:active published_status:published");
  });

  it("filters by price and stock, hides drafts, ranks by matching words, builds cards", async () => {
    const all = await searchProducts(admin, { query: "merino tee" });
    expect(all.ok && all.cards.map((c) => c.title)).toEqual(["Merino Tee", "Cotton Tee"]);
    const cheap = await searchProducts(admin, { query: "tee", maxPrice: 20 });
    expect(cheap.ok && cheap.cards.map((c) => c.title)).toEqual(["Cotton Tee"]);
    const inStock = await searchProducts(admin, { query: "tee", availableOnly: true });
    expect(inStock.ok && inStock.cards).toEqual([
      {
        kind: "product",
        id: "gid://shopify/Product/1",
        title: "Merino Tee",
        url: "/products/merino-tee",
        image: { url: "/img/1.svg", alt: "Merino Tee" },
        price: { amount: "59.00", currencyCode: "EUR" },
        available: true,
        variantId: "11",
      },
    ]);
    expect(inStock.ok && inStock.summaries).toEqual([{ handle: "merino-tee", title: "Merino Tee", price: "59.00 EUR", available: true }]);
  });

  it("product details by handle or id; drafts and failures are typed", async () => {
    const details: AdminGraphql = async (op, v) => ({
      ok: true,
      data: op.includes("query ProductDetailsById")
        ? { product: null }
        : {
            productByIdentifier: {
              ...node(1, "Merino Tee", "59.00", true),
              description: "Soft.",
              productType: "T-Shirt",
              vendor: "V",
              options: [{ name: "Size", optionValues: [{ name: "S" }, { name: "M" }] }],
              variants: {
                nodes: [
                  {
                    id: "gid://shopify/ProductVariant/11",
                    title: "S",
                    price: "59.00",
                    availableForSale: true,
                    inventoryQuantity: 3,
                    selectedOptions: [{ name: "Size", value: "S" }],
                  },
                ],
              },
              handleAsked: v?.handle,
            },
          },
    });
    const found = await productDetails(details, { handle: "Merino-Tee" });
    expect(found.ok && found.variants).toEqual([{ title: "S", price: "59.00 EUR", available: true, inStock: 3 }]);
    expect(found.ok && found.summary.options).toEqual([{ name: "Size", values: ["S", "M"] }]);
    expect(await productDetails(details, { id: "123" })).toEqual({ ok: false, code: "NOT_FOUND" });
    const down: AdminGraphql = async () => ({ ok: false, code: "TIMEOUT", message: "slow" });
    expect(await productDetails(down, { handle: "x" })).toEqual({ ok: false, code: "TIMEOUT" });
  });
});
