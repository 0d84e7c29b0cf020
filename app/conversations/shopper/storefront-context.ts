// Where the shopper is, as the storefront tells it: the storefront's locale
// (request.locale.iso_code) and country (localization.country.iso_code), sent by the widget
// with each POST /chat. Presentation only — the language of titles and policies, the
// market of prices — never access: a shopper can claim any country and sees that market's
// public prices, nothing more. Optional; anything that is not a real ISO 3166 alpha-2
// country (of the Admin API's CountryCode enum) is ignored (the turn runs in the shop currency), never an error.
import { z } from "zod";

const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
// Region codes ICU knows that are not countries of the Admin API's CountryCode enum (2026-01):
// unions, reserved, historic or territories Shopify files under another code.
const NOT_SHOPIFY_COUNTRIES = new Set(
  "AQ AS BU CP CQ CS DD DG DY EA EU EZ FM FX GU HV IC MH MP NH PR PW QO RH SU TP UK UN VD VI XA XB YD YU ZR ZZ".split(" "),
);

/** "de" → "DE"; "XX", "Germany", 42 → null. */
export function storefrontCountry(value: unknown): string | null {
  if (typeof value !== "string" || !/^[A-Za-z]{2}$/.test(value.trim())) return null;
  const code = value.trim().toUpperCase();
  try {
    return regions.of(code) && !NOT_SHOPIFY_COUNTRIES.has(code) ? code : null;
  } catch {
    return null;
  }
}

/** The body field: validated, and ignored (null) when unknown. */
export const countryField = z.unknown().transform(storefrontCountry);
