// The shop's published storefront languages (Admin API `shopLocales(published: true)`, needs
// read_locales): which languages the Privacy page offers merchant texts for, and which one
// is the primary language. Read-only, no customer
// data. A shop that has not granted read_locales yet, or an Admin API failure, gives a
// failure value: callers fall back (see fallbackTextLocales).
import { z } from "zod";
import type { AdminFailureCode, AdminGraphql } from "../infra/shopify/admin-graphql";
import { ShopLocales } from "./operations";

export interface PublishedLocale {
  /** "de", "pt-BR", as the storefront's request.locale.iso_code. */
  locale: string;
  /** The language's name in English, as Shopify gives it ("German"). */
  name: string;
}

export interface ShopLanguages {
  primary: string;
  /** Published languages other than the primary one, in Shopify's order. */
  others: PublishedLocale[];
}

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
/** The widget's own languages besides English (extensions/shop-assistant/locales/). */
const WIDGET_LANGUAGES = ["de", "fr", "es"];
// Built on first use, not at module load: the Privacy route imports this module, and a
// schema built at the top would pull zod into that page's browser bundle.
let answer: ReturnType<typeof answerSchema> | undefined;
const answerSchema = () =>
  z.object({
    shopLocales: z.array(z.object({ locale: z.string(), name: z.string(), primary: z.boolean() })),
  });

export async function readShopLanguages(
  admin: AdminGraphql,
): Promise<({ ok: true } & ShopLanguages) | { ok: false; code: AdminFailureCode }> {
  const result = await admin(ShopLocales);
  if (!result.ok) return { ok: false, code: result.code };
  const parsed = (answer ??= answerSchema()).safeParse(result.data);
  const primary = parsed.success ? parsed.data.shopLocales.find((l) => l.primary)?.locale : undefined;
  if (!parsed.success || !primary) return { ok: false, code: "BAD_RESPONSE" };
  const others = parsed.data.shopLocales
    .filter((l) => !l.primary && LOCALE.test(l.locale))
    .map((l) => ({ locale: l.locale, name: l.name }));
  return { ok: true, primary, others };
}

/**
 * The languages to offer merchant texts for when the published ones cannot be read: the
 * widget's own languages besides English, and every language the merchant already wrote texts
 * for (so nothing saved disappears from the form).
 */
export function fallbackTextLocales(saved: string[]): PublishedLocale[] {
  return [...new Set([...WIDGET_LANGUAGES, ...saved.filter((l) => LOCALE.test(l))])].map((locale) => ({ locale, name: locale }));
}

/**
 * The languages the Privacy page offers merchant texts for: the shop's published languages
 * but the primary one (whose texts are the main ones), or, when they cannot be read, the
 * fallback above. `read` says which (the page says so when it falls back).
 */
export async function textLocalesFor(admin: AdminGraphql, saved: string[]): Promise<{ locales: PublishedLocale[]; read: boolean }> {
  const languages = await readShopLanguages(admin);
  return languages.ok ? { locales: languages.others, read: true } : { locales: fallbackTextLocales(saved), read: false };
}
