// Chooses the admin's language and time zone for a request, and hands the page the
// dictionaries it needs: ours (merged over English, so a missing word never shows a
// key) and Polaris' own translations for that language.
import polarisDe from "@shopify/polaris/locales/de.json";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisEs from "@shopify/polaris/locales/es.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import { ShopTimeZone } from "../settings/operations";
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
 * hours, else the shop's own (Admin API), else UTC.
 */
export async function adminTimeZone(settingsTimeZone: string, admin: AdminGraphql | null): Promise<string> {
  if (settingsTimeZone && settingsTimeZone !== "UTC" && isTimeZone(settingsTimeZone)) return settingsTimeZone;
  if (!admin) return "UTC";
  const result = await admin(ShopTimeZone).catch(() => null);
  const zone = result?.ok ? (result.data as { shop?: { ianaTimezone?: string } } | null)?.shop?.ianaTimezone : undefined;
  return zone && isTimeZone(zone) ? zone : "UTC";
}
