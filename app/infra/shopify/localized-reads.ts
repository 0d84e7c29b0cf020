// Admin API reads in the shopper's language and market (issue 13): the optional variables
// that ask an operation for translations(locale:) and contextualPricing(context: { country }),
// and the fallback for a shop that has not granted read_translations. Shared by the catalog
// and the knowledge features; presentation only, never access.
import type { AdminGraphql } from "./admin-graphql";

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The optional variables that ask for translations and market prices. */
export function contextVariables(context: { locale?: string; country?: string } = {}): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  if (context.locale && LOCALE.test(context.locale)) Object.assign(variables, { locale: context.locale, translate: true });
  if (context.country && /^[A-Z]{2}$/.test(context.country)) Object.assign(variables, { country: context.country, localPrices: true });
  return variables;
}

/**
 * A shop that has not granted read_translations yet (installed before the scope was added)
 * answers a translating read with ACCESS_DENIED: ask again in the primary locale.
 */
export async function withoutTranslationsIfDenied(admin: AdminGraphql, operation: string, variables: Record<string, unknown>) {
  const result = await admin(operation, variables);
  if (result.ok || result.code !== "ACCESS_DENIED" || !variables.translate) return result;
  const { locale: _locale, translate: _translate, ...rest } = variables;
  return admin(operation, rest);
}
