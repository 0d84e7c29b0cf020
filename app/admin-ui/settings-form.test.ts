// The error summary of a settings form links every problem to its field: the setting
// path a failed save names must lead to the form control that holds it.
import { describe, expect, it } from "vitest";
import { fieldErrorsOf, fieldNamesOf } from "./settings-form";
import { createTranslator } from "./i18n/i18n";
import { de } from "./i18n/messages/de";

describe("the error summary's links to fields", () => {
  it("finds the form control of every kind of setting path", () => {
    expect(fieldNamesOf("privacy.retentionDays")[0]).toBe("retentionDays");
    expect(fieldNamesOf("access.transcriptViewers")[0]).toBe("transcriptViewers");
    expect(fieldNamesOf("widget.greeting")[0]).toBe("greeting");
    expect(fieldNamesOf("privacy.localizedTexts.de.greeting")).toEqual(["text.de.greeting"]);
    expect(fieldNamesOf("privacy.localizedTexts.pt-BR.privacyNotice")).toEqual(["text.pt-BR.privacyNotice"]);
    // A weekday's hours: its opening time, else its open/closed switch.
    expect(fieldNamesOf("handoff.businessHours.2")).toEqual(["open2", "dayOpen2"]);
    expect(fieldNamesOf("handoff.businessHours")[0]).toMatch(/^(open|dayOpen)\d$/);
    // Polaris ChoiceList names its checkboxes "leadFields[]".
    expect(fieldNamesOf("privacy.leadFields")).toContain("leadFields[]");
  });
});

describe("field errors of texts in other languages", () => {
  it("are said in the merchant's language, like the same text in the main language, never as the validator's words", () => {
    const t = createTranslator({ locale: "de", language: "de", timeZone: "Europe/Berlin", messages: de });
    const errors = fieldErrorsOf(
      {
        ok: false,
        fieldErrors: {
          "privacy.localizedTexts.fr.greeting": "Too big: expected string to have <=300 characters",
          "privacy.localizedTexts.pt-BR.privacyNotice": "Too big: expected string to have <=1000 characters",
        },
      } as unknown as Parameters<typeof fieldErrorsOf>[0],
      t,
    );
    expect(errors).toEqual({
      "privacy.localizedTexts.fr.greeting": de["fieldError.widget.greeting"],
      "privacy.localizedTexts.pt-BR.privacyNotice": de["fieldError.privacy.privacyNotice"],
    });
  });
});
