import { describe, expect, it } from "vitest";
import { assistantFormToPatch, friendlyFieldErrors, privacyFormToPatch } from "./settings-forms.server";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("settings forms", () => {
  it("reads checkboxes, numbers and lists from the privacy form", () => {
    const patch = privacyFormToPatch(
      form([
        ["retentionDays", "30"],
        ["consentRequired", "on"],
        ["transcriptViewers", "12, 34\n56"],
        ["orderVerification", "logged_in"],
      ]),
    );
    expect(patch.privacy).toMatchObject({
      retentionDays: 30,
      consentRequired: true,
      keepTranscripts: false,
      orderVerification: "logged_in",
    });
    expect(patch.access).toEqual({ ownerOnlyTranscripts: false, transcriptViewers: ["12", "34", "56"] });
    expect(privacyFormToPatch(form([["retentionDays", "ninety"]])).privacy!.retentionDays).toBe("ninety");
  });

  it("reads the texts of every language the form carried, and keeps the saved texts of the others", () => {
    const saved = { fr: { greeting: "Bonjour !" }, de: { greeting: "Alt" } };
    const patch = privacyFormToPatch(
      form([
        ["text.de.greeting", " Hallo! "],
        ["text.de.aiDisclosure", ""],
        ["text.de.privacyNotice", ""],
        ["text.pt-BR.greeting", "Olá!"],
        ["text.<x>.greeting", "dropped"],
      ]),
      saved,
    );
    // French is no longer published (not in the form): its texts stay as saved.
    expect(patch.privacy!.localizedTexts).toEqual({
      fr: { greeting: "Bonjour !" },
      de: { greeting: "Hallo!" },
      "pt-BR": { greeting: "Olá!" },
    });
    // A language emptied in the form is dropped; a form without language fields keeps them all.
    expect(privacyFormToPatch(form([["text.de.greeting", ""]]), saved).privacy!.localizedTexts).toEqual({ fr: { greeting: "Bonjour !" } });
    expect(privacyFormToPatch(form([["retentionDays", "30"]]), saved).privacy).not.toHaveProperty("localizedTexts");
  });

  it("reads business hours, topics and lead fields from the assistant form", () => {
    const patch = assistantFormToPatch(
      form([
        ["open1", "09:00"],
        ["close1", "17:00"],
        ["blockedTopics", "politics\nmedical advice"],
        ["leadFields", "email"],
        ["leadFields", "message"],
      ]),
    );
    expect(patch.handoff!.businessHours).toEqual([{ day: 1, open: "09:00", close: "17:00" }]);
    expect(patch.content!.blockedTopics).toEqual(["politics", "medical advice"]);
    expect(patch.privacy).toEqual({ leadFields: ["email", "message"] });
    expect(friendlyFieldErrors({ "privacy.retentionDays": "Invalid input" })["privacy.retentionDays"]).toContain("1 to 730");
  });

  it("reads the per-day open/closed switches: a closed day keeps no hours, an open one keeps its times", () => {
    const patch = assistantFormToPatch(
      form([
        ["hours", "1"],
        ["dayOpen1", "on"],
        ["open1", "09:00"],
        ["close1", "17:00"],
        ["open2", "10:00"],
        ["close2", "16:00"],
        ["dayOpen3", "on"],
        ["open3", ""],
        ["close3", ""],
      ]),
    );
    expect(patch.handoff!.businessHours).toEqual([
      { day: 1, open: "09:00", close: "17:00" },
      { day: 3, open: "", close: "" },
    ]);
    // coded problems keep their day for the admin's sentence
    expect(friendlyFieldErrors({ "handoff.businessHours": "hours.order:2" })["handoff.businessHours"]).toBe("hours.order:2");
  });
});

describe("checkboxes", () => {
  it("treats a present checkbox as checked whatever its value, an absent one as unchecked", () => {
    const patch = privacyFormToPatch(
      form([
        ["consentRequired", ""],
        ["keepTranscripts", "on"],
        ["redactEmails", "false"],
      ]),
    );
    expect(patch.privacy).toMatchObject({ consentRequired: true, keepTranscripts: true, redactEmails: false, redactPhones: false });
  });
});
