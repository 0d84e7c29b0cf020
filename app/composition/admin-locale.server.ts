// Chooses the admin's language and time zone for a request, and hands the page the
// dictionaries it needs: ours (merged over English, so a missing word never shows a
// key) and Polaris' own translations for that language.
import polarisDe from "@shopify/polaris/locales/de.json";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisEs from "@shopify/polaris/locales/es.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { Database } from "../infra/admin-ports";
import { createTtlCache } from "../infra/cache/ttl-cache";
import { ShopTimeZone } from "../settings/operations";
import { loadShopSettings } from "../settings/shop-settings.server";
import { isTimeZone, resolveLocale, type Language } from "../admin-ui/i18n/i18n";
import { de } from "../admin-ui/i18n/messages/de";
import { en, type Messages } from "../admin-ui/i18n/messages/en";
import { es } from "../admin-ui/i18n/messages/es";
import { fr } from "../admin-ui/i18n/messages/fr";

const MESSAGES: Record<Language, Partial<Messages>> = { en, de, fr, es };
const POLARIS: Record<Language, typeof polarisEn> = { en: polarisEn, de: polarisDe, fr: polarisFr, es: polarisEs };

export function messagesFor(language: Language): Messages {
  return { ...en, ...MESSAGES[language] } as Messages;
}

export function polarisTranslationsFor(language: Language) {
  return POLARIS[language];
}

/** The admin's locale: Shopify's `locale` query parameter, else the browser's languages. */
export function adminLocaleOf(request: Request) {
  return resolveLocale(new URL(request.url).searchParams.get("locale"), request.headers.get("Accept-Language"));
}

/**
 * The time zone admin dates are shown in: the one the merchant chose for business
 * hours, else the shop's own (Admin API), else UTC. The layout shows times in it, and a
 * page whose loader reads or counts calendar days (the conversations date filter,
 * analytics per day) asks for it too, so its days are the ones the page shows. A child
 * loader runs beside the layout's, not after it, so it cannot take the layout's answer:
 * the shop's own zone is cached per shop for a minute (it changes rarely, by the
 * merchant's hand in Shopify's settings, and the admin shows a change within a minute).
 */
export async function shopAdminTimeZone(db: Database, shop: string, admin: AdminGraphql | null): Promise<string> {
  const settingsTimeZone = (await loadShopSettings(db, shop)).handoff.timeZone;
  if (settingsTimeZone && settingsTimeZone !== "UTC" && isTimeZone(settingsTimeZone)) return settingsTimeZone;
  const cached = shopZones.get(shop);
  if (cached) return cached;
  const zone = await shopOwnTimeZone(admin);
  if (zone) shopZones.set(shop, zone);
  return zone ?? "UTC";
}

export const SHOP_TIME_ZONE_CACHE_MS = 60_000;
const shopZones = createTtlCache<string>({ ttlMs: SHOP_TIME_ZONE_CACHE_MS, maxEntries: 5_000 });

/** The shop's own zone from the Admin API, or undefined when there is no answer (then nothing is cached). */
async function shopOwnTimeZone(admin: AdminGraphql | null): Promise<string | undefined> {
  if (!admin) return undefined;
  const result = await admin(ShopTimeZone).catch(() => null);
  const zone = result?.ok ? (result.data as { shop?: { ianaTimezone?: string } } | null)?.shop?.ianaTimezone : undefined;
  return zone && isTimeZone(zone) ? zone : undefined;
}
