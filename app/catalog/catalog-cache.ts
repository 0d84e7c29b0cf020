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

// Its own shared misses (inflight, below) instead of TtlCache's getOrLoad: a forgotten shop's
// read on its way must be dropped too (deletePrefix).
export interface AdminReadCache extends Omit<TtlCache<AdminResult>, "update" | "getOrLoad"> {
  /** Reads on their way to the Admin API, by key: a miss on one of these waits for it. */
  readonly inflight: Map<string, Promise<AdminResult>>;
}

export function createAdminReadCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }): AdminReadCache {
  const entries = createTtlCache<AdminResult>({
    ttlMs: options.ttlMs,
    maxEntries: options.maxEntries ?? ADMIN_READ_CACHE_MAX_ENTRIES,
    now: options.now,
  });
  const inflight = new Map<string, Promise<AdminResult>>();
  return {
    inflight,
    get: (key) => entries.get(key),
    set: (key, value) => entries.set(key, value),
    delete: (key) => (entries.delete(key), void inflight.delete(key)),
    // A read on its way for a forgotten shop is no longer shared, and its answer is not stored.
    deletePrefix: (prefix) => {
      entries.deletePrefix(prefix);
      for (const key of [...inflight.keys()]) if (key.startsWith(prefix)) inflight.delete(key);
    },
    clear: () => (entries.clear(), inflight.clear()),
    get size() {
      return entries.size;
    },
  };
}

/** The prefix of every key of one shop (forget a shop with cache.deletePrefix). */
export const shopKeyPrefix = (shop: string) => `${shop}\n`;

/** admin for one shop, with the catalog and policy reads answered from cache when fresh. */
export function withCatalogCache(admin: AdminGraphql, shop: string, cache: AdminReadCache): AdminGraphql {
  return async (operation, variables) => {
    const name = CACHEABLE.get(operation);
    if (!name) return admin(operation, variables);
    const key = `${shopKeyPrefix(shop)}${name}\n${JSON.stringify(variables ?? {})}`;
    const cached = cache.get(key) ?? cache.inflight.get(key);
    if (cached) return cached;
    const request: Promise<AdminResult> = admin(operation, variables).then(
      (result) => {
        const current = cache.inflight.get(key) === request;
        if (current) cache.inflight.delete(key);
        if (current && (result.ok || result.code === "ACCESS_DENIED")) cache.set(key, result);
        return result;
      },
      (error: unknown) => {
        if (cache.inflight.get(key) === request) cache.inflight.delete(key);
        throw error;
      },
    );
    cache.inflight.set(key, request);
    return request;
  };
}

/** Drops a shop's cached catalog and policies (uninstall, shop redact). */
export function forgetShopCatalog(cache: AdminReadCache, shop: string): void {
  cache.deletePrefix(shopKeyPrefix(shop));
}
