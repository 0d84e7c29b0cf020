import { describe, expect, it } from "vitest";
import { createTranslator, resolveLocale, type Language } from "./i18n";
import { messagesFor, polarisTranslationsFor } from "../../composition/admin-locale.server";
import { en } from "./messages/en";
import { de } from "./messages/de";
import { fr } from "./messages/fr";
import { es } from "./messages/es";
import { isTimeZone, supportedTimeZones } from "../../infra/time-zones";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the admin's dictionaries", () => {
  it.each([
    ["de", de],
    ["fr", fr],
    ["es", es],
  ] as const)("%s has every English key, with the same placeholders", (_, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      // a plural form may spell its number out ("1 Tag"); every other text keeps the placeholders
      if (/\.(one|other)$/.test(key)) continue;
      expect(placeholders(messages[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it("chooses the language from Shopify's locale parameter, then the browser's, else English", () => {
    expect(resolveLocale("de-DE")).toEqual({ locale: "de-DE", language: "de" });
    expect(resolveLocale("fr")).toEqual({ locale: "fr", language: "fr" });
    expect(resolveLocale(null, "es-MX,es;q=0.9,en;q=0.8")).toEqual({ locale: "es-MX", language: "es" });
    expect(resolveLocale("ja", "ja-JP")).toEqual({ locale: "en", language: "en" });
    expect(resolveLocale("<script>")).toEqual({ locale: "en", language: "en" });
    expect(polarisTranslationsFor("de").Polaris.Common.cancel).toBe("Abbrechen");
  });

  it("fills placeholders, picks plural forms and formats in the shop's time zone", () => {
    const t = (language: Language, timeZone = "Europe/Berlin") =>
      createTranslator({ locale: language, language, timeZone, messages: messagesFor(language) });
    expect(t("en")("settings.invalidTitle", { count: 1 })).toBe("Nothing was saved: 1 field needs fixing");
    expect(t("de")("settings.invalidTitle", { count: 3 })).toBe("Nichts gespeichert: 3 Felder müssen korrigiert werden");
    expect(t("de")("fieldError.hours.order", { day: t("de")("weekday.2") })).toBe(
      "Dienstag: Die Schließzeit muss nach der Öffnungszeit liegen.",
    );
    expect(t("en").dateTime("2026-01-15T08:30:00Z")).toMatch(/9:30.*GMT\+1|9:30.*CET/);
    expect(t("de").number(1234.5)).toBe("1.234,5");
    expect(t("en", "Mars/Olympus").timeZone).toBe("UTC");
    // Analytics' help lines agree with their number in every language (was "1 conversations.").
    expect(t("en")("analytics.answeredHelp", { count: 1 })).toBe("1 conversation.");
    expect(t("en")("analytics.basicModeHelp", { count: 2 })).toBe("2 conversations answered without the AI at least once.");
    expect(t("de")("analytics.basicModeHelp", { count: 1 })).toBe("1 Unterhaltung mindestens einmal ohne KI beantwortet.");
    expect(t("fr")("analytics.answeredHelp", { count: 0 })).toBe("0 conversation.");
    expect(t("es")("analytics.answeredHelp", { count: 1 })).toBe("1 conversación.");
    expect(t("en").relative(new Date(Date.now() - 3 * 3600_000))).toBe("3 hours ago");
  });

  it("knows real time zones and refuses invented ones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(supportedTimeZones()).toContain("America/New_York");
  });
});
