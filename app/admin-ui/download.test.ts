// A failed download is told in the merchant's words, never with the route's English
// message or its error code.
import { describe, expect, it } from "vitest";
import { downloadProblemKey } from "./download";
import { en } from "./i18n/messages/en";
import { de } from "./i18n/messages/de";
import { fr } from "./i18n/messages/fr";
import { es } from "./i18n/messages/es";

describe("downloadProblemKey", () => {
  it("has words for every code the download routes answer, in every language, and a fallback", () => {
    const codes = [
      "SHOP_PAUSED",
      "DATA_REQUEST_NOT_FOUND",
      "DATA_REQUEST_EXPIRED",
      "DATA_REQUEST_NOT_READY",
      "DOWNLOAD_FAILED",
      "BAD_REQUEST",
    ];
    const keys = codes.map(downloadProblemKey);
    expect(new Set(keys).size).toBe(5); // the four known codes apart, the rest "failed"
    expect(downloadProblemKey("BAD_REQUEST")).toBe("download.failed");
    for (const messages of [en, de, fr, es])
      for (const key of keys) {
        expect(messages[key]).toBeTruthy();
        expect(messages[key]).not.toMatch(/[A-Z]{2,}_[A-Z]/); // no code
      }
    expect(de[downloadProblemKey("SHOP_PAUSED")]).toContain("pausiert");
  });
});
