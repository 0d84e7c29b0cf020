// Reads a shop's settings and state. Saving (with validation and audit) lives in
// app/settings/save-settings.server.ts.
import type { Database } from "../db/create-database.server";
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
