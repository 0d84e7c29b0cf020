// Reads a shop's settings and state. Saving (with validation and audit) lives in
// app/settings/save-settings.server.ts.
import type { Database } from "../infra/db/create-database.server";
import { createTtlCache } from "../infra/cache/ttl-cache";
import { parseStoredSettings, type ShopSettings } from "./settings-schema";
import type { Vault } from "../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../infra/crypto/reencrypt.server";
import type { DbClient } from "../infra/db/sql";

export interface ShopState {
  shop: string;
  settings: ShopSettings;
  paused: boolean;
  installed: boolean;
  /** Last time the storefront widget reached the app proxy (moved at most hourly). */
  widgetSeenAt?: Date | null;
}

export async function loadShopState(db: Database, shop: string): Promise<ShopState> {
  const row = await findShopRow(db, shop);
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
  /** Replaces a cached state with one this process just changed (e.g. widgetSeenAt moved), keeping its expiry. */
  remember(state: ShopState): void;
  forget(shop: string): void;
}

export function createShopStateCache(options: { ttlMs: number; maxShops?: number; now?: () => number }): ShopStateCache {
  const cache = createTtlCache<ShopState>({
    ttlMs: options.ttlMs,
    maxEntries: options.maxShops ?? SHOP_STATE_CACHE_MAX_SHOPS,
    now: options.now,
  });
  return {
    load(db, shop) {
      // Unknown shops are not kept: an install must be seen by the next request.
      return cache.getOrLoad(
        shop,
        () => loadShopState(db, shop),
        (state) => state.installed,
      );
    },
    remember(state) {
      // Keeps the entry's expiry: the bound above holds for the rest of the state.
      cache.update(state.shop, state);
    },
    forget(shop) {
      cache.delete(shop);
    },
  };
}

// ---------------------------------------------------------------------------------
// The Shop table's owner: every read and write of a shop row goes through the
// functions of this module (scripts/check-table-owners.ts). Callers that change what
// the shopper routes decide on forget the shop's cached state themselves.

/** The stored row as it is (settings JSON unparsed), or null. */
export function findShopRow(db: DbClient, shop: string) {
  return db.shop.findUnique({ where: { shop } });
}

/** Whether exports are disabled (the incident pause). */
export async function isShopPaused(db: DbClient, shop: string): Promise<boolean> {
  const row = await db.shop.findUnique({ where: { shop }, select: { paused: true } });
  return row?.paused ?? false;
}

/** Every shop with its stored settings (the retention purge). */
export function listShopSettingsJson(db: DbClient): Promise<{ shop: string; settingsJson: string }[]> {
  return db.shop.findMany({ select: { shop: true, settingsJson: true } });
}

/** Stores validated settings (creating the row of a shop not seen before). */
export async function storeShopSettingsJson(db: DbClient, shop: string, settingsJson: string): Promise<void> {
  await db.shop.upsert({ where: { shop }, create: { shop, settingsJson }, update: { settingsJson } });
}

/** Incident pause or resume. */
export async function storeShopPaused(db: DbClient, shop: string, paused: boolean, at: Date): Promise<void> {
  const data = { paused, pausedAt: paused ? at : null };
  await db.shop.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

/** A (re)install clears an earlier uninstall mark; settings stay as they were. */
export async function recordShopInstall(db: DbClient, shop: string): Promise<void> {
  await db.shop.upsert({ where: { shop }, create: { shop }, update: { uninstalledAt: null } });
}

export async function recordShopUninstall(db: DbClient, shop: string, at: Date): Promise<void> {
  await db.shop.updateMany({ where: { shop }, data: { uninstalledAt: at } });
}

/** Moves widgetSeenAt to `now` if it is unset or older than `staleBefore` (one conditional UPDATE). */
export async function touchWidgetSeenAt(db: DbClient, shop: string, staleBefore: Date, now: Date): Promise<void> {
  await db.shop.updateMany({
    where: { shop, OR: [{ widgetSeenAt: null }, { widgetSeenAt: { lt: staleBefore } }] },
    data: { widgetSeenAt: now },
  });
}

/** shop/redact: the shop's row. */
export async function deleteShopRow(tx: DbClient, shop: string): Promise<number> {
  return (await tx.shop.deleteMany({ where: { shop } })).count;
}

export function reencryptShops(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("Shop", db.shop, vault, report, batchSize);
}
