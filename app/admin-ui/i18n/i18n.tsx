// The merchant's language in the admin: a small typed dictionary per language
// (app/i18n/messages/*.ts), chosen from the `locale` query parameter Shopify passes
// to embedded apps, and a useT() hook. Numbers, dates and times go through Intl, in
// the shop's time zone. The dictionaries stay on the server: the layout loader sends
// the chosen one (merged over English) with the page, so no bundle carries all four.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { MessageKey, Messages } from "./messages/en";
import { isTimeZone } from "../../infra/time-zones";

export { isTimeZone, supportedTimeZones } from "../../infra/time-zones";

export type { MessageKey, Messages } from "./messages/en";
export const LANGUAGES = ["en", "de", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** "de-DE" → { locale: "de-DE", language: "de" }; anything unknown → English. */
export function resolveLocale(
  requested: string | null | undefined,
  acceptLanguage?: string | null,
): { locale: string; language: Language } {
  const candidates = [requested, ...(acceptLanguage ?? "").split(",").map((part) => part.split(";")[0])];
  for (const candidate of candidates) {
    const tag = (candidate ?? "").trim();
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) continue;
    const language = tag.slice(0, 2).toLowerCase() as Language;
    if (!LANGUAGES.includes(language)) continue;
    try {
      return { locale: Intl.getCanonicalLocales(tag)[0] ?? language, language };
    } catch {
      return { locale: language, language };
    }
  }
  return { locale: "en", language: "en" };
}

export interface I18nValue {
  locale: string;
  language: Language;
  timeZone: string;
  messages: Messages;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ value, children }: { value: I18nValue; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

type Vars = Record<string, string | number>;

export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  locale: string;
  language: Language;
  timeZone: string;
  /** Whether the dictionary has this key (for keys built at run time). */
  has(key: string): key is MessageKey;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(share: number): string;
  money(amount: number, currency: string): string;
  /** Date and time in the shop's time zone, with the zone's short name. */
  dateTime(iso: string | Date | null | undefined): string;
  date(iso: string | Date | null | undefined): string;
  /** "3 hours ago", "yesterday", … */
  relative(iso: string | Date | null | undefined, now?: Date): string;
  list(items: string[]): string;
}

export function createTranslator({ locale, language, timeZone, messages }: I18nValue): Translator {
  const plural = new Intl.PluralRules(locale);
  const numberFormat = new Intl.NumberFormat(locale);
  const format = (key: MessageKey, vars?: Vars) => {
    let text: string = messages[key] ?? key;
    if (vars && typeof vars.count === "number") {
      const form = `${key}.${plural.select(vars.count)}` as MessageKey;
      if (messages[form]) text = messages[form];
    }
    return vars
      ? text.replace(/\{(\w+)\}/g, (whole, name: string) => {
          const value = vars[name];
          if (value === undefined) return whole;
          return typeof value === "number" ? numberFormat.format(value) : value;
        })
      : text;
  };
  const safeZone = isTimeZone(timeZone) ? timeZone : "UTC";
  const toDate = (value: string | Date | null | undefined) => (value ? new Date(value) : null);
  const t = format as Translator;
  t.locale = locale;
  t.language = language;
  t.timeZone = safeZone;
  t.has = (key: string): key is MessageKey => key in messages;
  t.number = (value, options) => new Intl.NumberFormat(locale, options).format(value);
  t.percent = (share) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
  t.money = (amount, currency) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  t.dateTime = (value) => {
    const date = toDate(value);
    return date
      ? date.toLocaleString(locale, {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "numeric",
          minute: "2-digit",
          timeZone: safeZone,
          timeZoneName: "short",
        })
      : "–";
  };
  t.date = (value) => {
    const date = toDate(value);
    return date ? date.toLocaleDateString(locale, { dateStyle: "medium", timeZone: safeZone }) : "–";
  };
  t.relative = (value, now = new Date()) => {
    const date = toDate(value);
    if (!date) return "–";
    const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    const abs = Math.abs(seconds);
    if (abs < 60) return rtf.format(0, "second") === "now" ? rtf.format(0, "second") : rtf.format(seconds, "second");
    if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
    if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
    if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), "day");
    if (abs < 365 * 86_400) return rtf.format(Math.round(seconds / (30 * 86_400)), "month");
    return rtf.format(Math.round(seconds / (365 * 86_400)), "year");
  };
  t.list = (items) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
  return t;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() needs the I18nProvider of the admin layout (app/routes/app.tsx)");
  return value;
}

/** The admin's translator: t("key", { vars }), plus Intl helpers in the shop's time zone. */
export function useT(): Translator {
  const value = useI18n();
  return useMemo(() => createTranslator(value), [value]);
}

/**
 * "3 hours ago", with the exact date and time (shop's time zone) as its tooltip. The
 * server and the browser may disagree by a minute, which is not a hydration error.
 */
export function RelativeTime({ value }: { value: string | Date | null | undefined }) {
  const t = useT();
  if (!value) return <>–</>;
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} title={t.dateTime(iso)} suppressHydrationWarning>
      {t.relative(iso)}
    </time>
  );
}
