// Issue 13, point 2: the Privacy page offers texts for the shop's published languages but the
// primary one (shopLocales, read_locales), and falls back when they cannot be read.
import { describe, expect, it } from "vitest";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import { fallbackTextLocales, readShopLanguages, textLocalesFor } from "./shop-locales";

const answering =
  (shopLocales: unknown): AdminGraphql =>
  async () => ({ ok: true, data: { shopLocales } });
const published = [
  { locale: "en", name: "English", primary: true },
  { locale: "de", name: "German", primary: false },
  { locale: "pt-BR", name: "Portuguese (Brazil)", primary: false },
];

describe("the shop's languages", () => {
  it("are the published locales but the primary one, and the primary one", async () => {
    expect(await readShopLanguages(answering(published))).toEqual({
      ok: true,
      primary: "en",
      others: [
        { locale: "de", name: "German" },
        { locale: "pt-BR", name: "Portuguese (Brazil)" },
      ],
    });
  });

  it("fall back to the widget's languages and the saved ones when read_locales is missing or the answer is broken", async () => {
    const denied: AdminGraphql = async () => ({ ok: false, code: "ACCESS_DENIED", message: "read_locales" });
    expect(await textLocalesFor(denied, ["it", "<x>"])).toEqual({
      read: false,
      locales: ["de", "fr", "es", "it"].map((locale) => ({ locale, name: locale })),
    });
    expect(await readShopLanguages(answering([{ locale: "de", name: "German", primary: false }]))).toEqual({
      ok: false,
      code: "BAD_RESPONSE",
    });
    expect(fallbackTextLocales(["de"]).map((l) => l.locale)).toEqual(["de", "fr", "es"]);
    expect(await textLocalesFor(answering(published), ["it"])).toEqual({
      read: true,
      locales: [
        { locale: "de", name: "German" },
        { locale: "pt-BR", name: "Portuguese (Brazil)" },
      ],
    });
  });
});
