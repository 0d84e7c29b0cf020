// Reads a shop's settings and state. Saving (with validation and audit) lives in
// app/settings/save-settings.server.ts.
import type { Database } from "../infra/db/create-database.server";
import { createTtlCache } from "../infra/cache/ttl-cache";
import { parseStoredSettings, type ShopSettings } from "./settings-schema";

export interface ShopState {
  shop: string;
  settings: ShopSettings;
  paused: boolean;
  installed: boolean;
  /** Last time the storefront widget reached the app proxy (moved at most hourly). */
  widgetSeenAt?: Date | null;
}

export async function loadShopState(db: Database, shop: string): Promise<ShopState> {
  const row = await db.shop.findUnique({ where: { shop } });
  return {
    shop,
    settings: parseStoredSettings(row?.settingsJson ?? "{}"),
    paused: row?.paused ?? false,
    installed: row ? row.uninstalledAt === null : false,
    widgetSeenAt: row?.widgetSeenAt ?? null,
  };
}

export async function loadShopSettings(db: Database, shop: string): Promise<ShopSettings> {
  return (await loadShopState(db, shop)).settings;
}

// The shopper routes read the shop state on every request (several per chat turn, for
// every shopper of the shop). The process keeps it for a few seconds per shop
// (SHOP_STATE_CACHE_MS, default 5 s; app/shopper-api/deps.server.ts). Every write of
// this process that changes what the routes decide on (settings save, pause/resume,
// uninstall, shop redact) forgets the shop at once, so here a pause takes effect on
// the next request. Another process (a second replica, the jobs worker) may still
// answer from its copy for at most the TTL: a pause, a settings change or an
// uninstall written elsewhere reaches it within SHOP_STATE_CACHE_MS.
export const SHOP_STATE_CACHE_MAX_SHOPS = 10_000;

export interface ShopStateCache {
  load(db: Database, shop: string): Promise<ShopState>;
  /** Stores a state this process just changed (e.g. widgetSeenAt moved). */
  remember(state: ShopState): void;
  forget(shop: string): void;
}

export function createShopStateCache(options: { ttlMs: number; maxShops?: number; now?: () => number }): ShopStateCache {
  const cache = createTtlCache<ShopState>({ ttlMs: options.ttlMs, maxEntries: options.maxShops ?? SHOP_STATE_CACHE_MAX_SHOPS, now: options.now });
  return {
    async load(db, shop) {
      const cached = cache.get(shop);
      if (cached) return cached;
      const state = await loadShopState(db, shop);
      // Unknown shops are not kept: an install must be seen by the next request.
      if (state.installed) cache.set(shop, state);
      return state;
    },
    remember(state) {
      if (cache.get(state.shop)) cache.set(state.shop, state);
    },
    forget(shop) {
      cache.delete(shop);
    },
  };
}

