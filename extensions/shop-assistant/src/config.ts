// The public widget configuration, read from the app-data metafield the app writes on
// every settings save (PLAN.md). The storefront may render `null` (metafield not yet
// written) or an older shape, so every field falls back to a safe default; no zod here
// because the chat bundle has a 10 KB budget.

// The shape itself is the app's (its contracts folder), imported as a type only: no
// app code reaches the bundle, and the compiler fails when the two drift apart.
import type { LeadField, LocalizedWidgetTexts, WidgetConfig } from "../../../app/contracts/widget-config";
import type { MaxMessageLength } from "../../../app/contracts/limits";

export type { LeadField, WidgetConfig };

/** Texts used when the merchant has not set any (already in the shopper's language). */
export interface ConfigFallback {
  greeting: string;
  aiDisclosure: string;
  privacyNotice: string;
  privacyPolicyUrl: string;
}

const LEAD_FIELDS: LeadField[] = ["name", "email", "phone", "message"];
/** The server's limit; a different number here is a compile error. */
export const DEFAULT_MAX_MESSAGE_LENGTH: MaxMessageLength = 1000;

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value.trim() ? value.trim() : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

function wholeNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function leadFields(value: unknown): LeadField[] {
  const picked = Array.isArray(value) ? LEAD_FIELDS.filter((field) => value.includes(field)) : [];
  return picked.length ? picked : ["name", "email", "message"];
}

const TEXT_KEYS = ["greeting", "aiDisclosure", "privacyNotice"] as const;

function localizedTexts(value: unknown): Record<string, LocalizedWidgetTexts> | undefined {
  if (!value || typeof value !== "object") return undefined;
  const out: Record<string, LocalizedWidgetTexts> = {};
  for (const [locale, texts] of Object.entries(value).slice(0, 20)) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale) || !texts || typeof texts !== "object") continue;
    const picked: LocalizedWidgetTexts = {};
    for (const key of TEXT_KEYS) {
      const t = (texts as Record<string, unknown>)[key];
      if (typeof t === "string" && t.trim()) picked[key] = t.trim();
    }
    if (Object.keys(picked).length) out[locale] = picked;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The merchant's texts for the storefront's locale ("pt-BR", then "pt"), or {} when there are none. */
export function textsFor(config: WidgetConfig, locale: string): LocalizedWidgetTexts {
  const all = config.localizedTexts ?? {};
  return all[locale] ?? all[locale.split("-")[0]!.toLowerCase()] ?? {};
}

export function parseWidgetConfig(raw: unknown, fallback: ConfigFallback): WidgetConfig {
  const c = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const localized = localizedTexts(c.localizedTexts);
  return {
    greeting: text(c.greeting, fallback.greeting),
    aiDisclosure: text(c.aiDisclosure, fallback.aiDisclosure),
    privacyNotice: text(c.privacyNotice, fallback.privacyNotice),
    privacyPolicyUrl: text(c.privacyPolicyUrl, fallback.privacyPolicyUrl),
    noticeVersion: wholeNumber(c.noticeVersion, 1, Number.MAX_SAFE_INTEGER, 1),
    // Privacy first: without a config we ask before storing anything.
    consentRequired: flag(c.consentRequired, true),
    leadFields: leadFields(c.leadFields),
    orderLookup: flag(c.orderLookup, true),
    orderVerification: c.orderVerification === "logged_in" ? "logged_in" : "logged_in_or_email",
    maxMessageLength: wholeNumber(c.maxMessageLength, 1, 10000, DEFAULT_MAX_MESSAGE_LENGTH),
    ...(localized ? { localizedTexts: localized } : {}),
  };
}
