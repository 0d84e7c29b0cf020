import { describe, expect, it } from "vitest";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import { searchKnowledge } from "../knowledge/knowledge-search";
import { SHOP_POLICIES } from "../knowledge/operations";
import { CUSTOMER_ORDERS, ORDER_BY_ID } from "../orders/operations";
import { productDetails, searchProducts } from "./catalog";
import { createAdminReadCache, forgetShopCatalog, withCatalogCache } from "./catalog-cache";

const product = (title: string) => ({
  id: "gid://shopify/Product/1",
  handle: title.toLowerCase().replace(/ /g, "-"),
  title,
  status: "ACTIVE",
  onlineStoreUrl: "https://a.example/products/x",
  featuredMedia: null,
  priceRangeV2: { minVariantPrice: { amount: "59.00", currencyCode: "EUR" } },
  variants: { nodes: [{ id: "gid://shopify/ProductVariant/11", availableForSale: true }] },
});

/** A fake Admin API per shop that counts its calls; its answers name the shop. */
function fakeAdmin(shop: string, answer?: () => ReturnType<AdminGraphql>) {
  const calls: string[] = [];
  const admin: AdminGraphql = async (operation, variables) => {
    // The search words only: catalog.ts adds the published-only filter to each alternative.
    const query =
      typeof variables?.query === "string" ? variables.query.replaceAll(" status:active published_status:published", "") : undefined;
    calls.push(operation === SHOP_POLICIES ? "policies" : String(query ?? variables?.handle ?? variables?.id ?? "order"));
    if (answer) return answer();
    if (operation === SHOP_POLICIES)
      return {
        ok: true,
        data: { shop: { name: shop, shopPolicies: [{ type: "REFUND_POLICY", title: `Refunds of ${shop}`, body: "30 days", url: null }] } },
      };
    return {
      ok: true,
      data: {
        products: { nodes: [product(`Tee of ${shop}`)] },
        productByIdentifier: { ...product(`Tee of ${shop}`), description: "", options: [], variants: { nodes: [] } },
      },
    };
  };
  return { admin, calls };
}

describe("per-shop cache of catalog and policy reads", () => {
  it("answers a second identical search from the cache: the Admin API is asked once", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    const fake = fakeAdmin("a.myshopify.com");
    const admin = withCatalogCache(fake.admin, "a.myshopify.com", cache);
    const first = await searchProducts(admin, { query: "merino tee" });
    const second = await searchProducts(admin, { query: "merino tee" });
    expect(second).toEqual(first);
    expect(fake.calls).toEqual(["merino OR tee"]);
    await searchProducts(admin, { query: "socks" });
    expect(fake.calls).toEqual(["merino OR tee", "socks"]);
    await productDetails(admin, { handle: "tee" });
    await productDetails(admin, { handle: "tee" });
    expect(fake.calls.filter((c) => c === "tee")).toHaveLength(1);
  });

  it("caches the shop's policies for the store_policies look-up", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    const fake = fakeAdmin("a.myshopify.com");
    const deps = { admin: withCatalogCache(fake.admin, "a.myshopify.com", cache), knowledge: { listEntries: async () => [] } };
    const first = await searchKnowledge(deps, { shop: "a.myshopify.com", query: "refund policy" });
    const second = await searchKnowledge(deps, { shop: "a.myshopify.com", query: "refund policy" });
    expect(second).toEqual(first);
    expect(first.matches[0]?.title).toBe("Refunds of a.myshopify.com");
    expect(fake.calls).toEqual(["policies"]);
  });

  it("never shares an entry between shops", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    const a = fakeAdmin("a.myshopify.com");
    const b = fakeAdmin("b.myshopify.com");
    const fromA = await searchProducts(withCatalogCache(a.admin, "a.myshopify.com", cache), { query: "tee" });
    const fromB = await searchProducts(withCatalogCache(b.admin, "b.myshopify.com", cache), { query: "tee" });
    expect(fromA.ok && fromA.cards[0]!.title).toBe("Tee of a.myshopify.com");
    expect(fromB.ok && fromB.cards[0]!.title).toBe("Tee of b.myshopify.com");
    expect([a.calls, b.calls]).toEqual([["tee"], ["tee"]]);
  });

  it("asks again once the entry is older than the TTL (injected clock)", async () => {
    let now = 1_000_000;
    const cache = createAdminReadCache({ ttlMs: 60_000, now: () => now });
    const fake = fakeAdmin("a.myshopify.com");
    const admin = withCatalogCache(fake.admin, "a.myshopify.com", cache);
    await searchProducts(admin, { query: "tee" });
    now += 59_999;
    await searchProducts(admin, { query: "tee" });
    expect(fake.calls).toHaveLength(1);
    now += 1;
    await searchProducts(admin, { query: "tee" });
    expect(fake.calls).toHaveLength(2);
  });

  it("never caches order reads (customer-scoped) nor failed answers", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    const fake = fakeAdmin("a.myshopify.com");
    const admin = withCatalogCache(fake.admin, "a.myshopify.com", cache);
    await admin(CUSTOMER_ORDERS, { query: "customer_id:7001" });
    await admin(CUSTOMER_ORDERS, { query: "customer_id:7001" });
    await admin(ORDER_BY_ID, { id: "gid://shopify/Order/1" });
    await admin(ORDER_BY_ID, { id: "gid://shopify/Order/1" });
    expect(fake.calls).toHaveLength(4);
    expect(cache.size).toBe(0);

    const throttled = fakeAdmin("a.myshopify.com", async () => ({ ok: false, code: "THROTTLED", message: "throttled" }));
    const failing = withCatalogCache(throttled.admin, "a.myshopify.com", cache);
    await searchProducts(failing, { query: "tee" });
    await searchProducts(failing, { query: "tee" });
    expect(throttled.calls).toHaveLength(2);
  });

  it("stays bounded and forgets a shop on uninstall or shop redact", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    const fake = fakeAdmin("a.myshopify.com");
    for (let i = 0; i < 5_100; i++) await withCatalogCache(fake.admin, "a.myshopify.com", cache)(SHOP_POLICIES, { i });
    expect(cache.size).toBe(5_000);
    await withCatalogCache(fake.admin, "b.myshopify.com", cache)(SHOP_POLICIES);
    forgetShopCatalog(cache, "a.myshopify.com");
    expect(cache.size).toBe(1);
  });

  it("sends one request for identical misses in flight together, and stores nothing that failed", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let answer: Awaited<ReturnType<AdminGraphql>> = { ok: false, code: "THROTTLED", message: "throttled" };
    const fake = fakeAdmin("a.myshopify.com", async () => (await gate, answer));
    const admin = withCatalogCache(fake.admin, "a.myshopify.com", cache);
    const rush = Array.from({ length: 50 }, () => searchProducts(admin, { query: "tee" }));
    const other = searchProducts(admin, { query: "socks" });
    release();
    const results = await Promise.all(rush);
    await other;
    expect(fake.calls).toEqual(["tee", "socks"]);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(cache.size).toBe(0);
    expect(cache.loading).toBe(0);

    answer = { ok: true, data: { products: { nodes: [product("Tee")] } } };
    const after = await Promise.all([searchProducts(admin, { query: "tee" }), searchProducts(admin, { query: "tee" })]);
    expect(after.map((r) => r.ok && r.cards[0]!.title)).toEqual(["Tee", "Tee"]);
    expect(fake.calls).toEqual(["tee", "socks", "tee"]);
    expect(cache.size).toBe(1);
  });

  it("does not store a read that was on its way when the shop was forgotten", async () => {
    const cache = createAdminReadCache({ ttlMs: 60_000 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const plain = fakeAdmin("a.myshopify.com");
    const fake = fakeAdmin("a.myshopify.com", async () => (await gate, plain.admin(SHOP_POLICIES)));
    const admin = withCatalogCache(fake.admin, "a.myshopify.com", cache);
    const pending = admin(SHOP_POLICIES);
    forgetShopCatalog(cache, "a.myshopify.com");
    const asked = admin(SHOP_POLICIES); // not shared with the forgotten read
    release();
    await Promise.all([pending, asked]);
    expect(fake.calls).toEqual(["policies", "policies"]);
    expect(cache.size).toBe(1); // only the read sent after the shop was forgotten
    await admin(SHOP_POLICIES);
    expect(fake.calls).toHaveLength(2);
  });
});
