// Per-shop cache of the Admin API reads that are the same for every shopper: product
// search, product details, the shop's policies and its published languages. A busy
// storefront asks the same few questions over and over, and each uncached answer spends
// Admin API points (a standard shop refills 100 per second); without the cache a few
// hundred shoppers throttle the shop within seconds.
//
// Only the operations listed here are cached; everything else (orders above all: they
// are customer-scoped) passes straight through. The key holds the shop, so shops never
// share an entry. Only answers are kept: a success, or ACCESS_DENIED (the shop has not
// granted a scope yet, say read_locales or read_translations: asking again within the TTL
// would only be refused again); a failure (THROTTLED, 5xx) is retried by the next request.
// Answers are at most ADMIN_READ_CACHE_MS old (default 60 s): a product or policy edited in
// the Shopify admin reaches the assistant within that time.
//
// Misses share one request: while a read is on its way, the same read from other
// turns waits for it instead of asking again. Without that, the first seconds of a
// rush (every shopper asking before the first answer is cached) send one request per
// shopper, throttle the shop and degrade hundreds of answers (test/load).
import type { AdminGraphql, AdminResult } from "../infra/shopify/admin-graphql";
import { createTtlCache, type TtlCache } from "../infra/cache/ttl-cache";
import { SHOP_POLICIES } from "../knowledge/operations";
import { ShopLocales } from "../settings/operations";
import { PRODUCT_DETAILS_BY_HANDLE_BY_SHAPE, PRODUCT_DETAILS_BY_ID_BY_SHAPE, SEARCH_PRODUCTS_BY_SHAPE } from "./operations";

// Every shape of a read (operations.ts) is its own entry: the key names the shape.
const CACHEABLE = new Map<string, string>([
  ...Object.entries(SEARCH_PRODUCTS_BY_SHAPE).map(([shape, doc]): [string, string] => [doc, `search${shape}`]),
  ...Object.entries(PRODUCT_DETAILS_BY_HANDLE_BY_SHAPE).map(([shape, doc]): [string, string] => [doc, `byHandle${shape}`]),
  ...Object.entries(PRODUCT_DETAILS_BY_ID_BY_SHAPE).map(([shape, doc]): [string, string] => [doc, `byId${shape}`]),
  [SHOP_POLICIES, "policies"],
  [ShopLocales, "locales"],
]);

export const ADMIN_READ_CACHE_MAX_ENTRIES = 5_000;

/** Catalog and policy answers by shop, operation and variables; misses in flight are shared (TtlCache.getOrLoad). */
export type AdminReadCache = TtlCache<AdminResult>;

export function createAdminReadCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }): AdminReadCache {
  return createTtlCache<AdminResult>({
    ttlMs: options.ttlMs,
    maxEntries: options.maxEntries ?? ADMIN_READ_CACHE_MAX_ENTRIES,
    now: options.now,
  });
}

/** The prefix of every key of one shop (forget a shop with cache.deletePrefix). */
export const shopKeyPrefix = (shop: string) => `${shop}\n`;

/** admin for one shop, with the catalog and policy reads answered from cache when fresh. */
export function withCatalogCache(admin: AdminGraphql, shop: string, cache: AdminReadCache): AdminGraphql {
  return async (operation, variables) => {
    const name = CACHEABLE.get(operation);
    if (!name) return admin(operation, variables);
    const key = `${shopKeyPrefix(shop)}${name}\n${JSON.stringify(variables ?? {})}`;
    // Kept: answers and ACCESS_DENIED (a scope the shop has not granted stays so for a while);
    // a THROTTLED or 5xx answer is retried by the next request. A read that raced the shop
    // being forgotten (deletePrefix) is used once and not stored.
    return cache.getOrLoad(
      key,
      () => admin(operation, variables),
      (result) => result.ok || result.code === "ACCESS_DENIED",
    );
  };
}

/** Drops a shop's cached catalog and policies (uninstall, shop redact). */
export function forgetShopCatalog(cache: AdminReadCache, shop: string): void {
  cache.deletePrefix(shopKeyPrefix(shop));
}
