// Turns the admin's HTML form posts into settings patches (zod at the edge), and
// turns schema errors into sentences a merchant understands. Validation of values
// happens once, in saveSettings, against the settings schema.
import { z } from "zod";
import type { SettingsPatch } from "../save-settings.server";
import { TEXT_LANGUAGES, WEEKDAYS } from "../../contracts/settings-form";

const text = z.string().max(10_000);
// An unchecked box is absent from the post; a checked one is present (its value is
// "on", or "" when a component renders value="").
const checkbox = (form: FormData, name: string) => form.has(name) && !["false", "off", "0"].includes(String(form.get(name)));
const str = (form: FormData, name: string) => text.catch("").parse(form.get(name) ?? "");
const lines = (value: string) =>
  value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean);
/** A number when the field holds one, else the raw text (the schema then reports it). */
const num = (value: string): number | string => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : value);

const LOCALIZED_FIELDS = ["greeting", "aiDisclosure", "privacyNotice"] as const;

/** `text.<lang>.<field>` fields → { de: { greeting, … } }; empty fields and languages are left out (the primary texts apply). */
function localizedTextsOf(form: FormData): Record<string, Partial<Record<(typeof LOCALIZED_FIELDS)[number], string>>> {
  const texts: Record<string, Partial<Record<(typeof LOCALIZED_FIELDS)[number], string>>> = {};
  for (const language of TEXT_LANGUAGES) {
    for (const field of LOCALIZED_FIELDS) {
      const value = str(form, `text.${language}.${field}`).trim();
      if (value) (texts[language] ??= {})[field] = value;
    }
  }
  return texts;
}

export function privacyFormToPatch(form: FormData): SettingsPatch {
  return {
    privacy: {
      // Forms of an older page without these fields keep the saved translations.
      ...(TEXT_LANGUAGES.some((language) => form.has(`text.${language}.greeting`)) ? { localizedTexts: localizedTextsOf(form) } : {}),
      aiDisclosure: str(form, "aiDisclosure"),
      privacyNotice: str(form, "privacyNotice"),
      privacyPolicyUrl: str(form, "privacyPolicyUrl").trim(),
      consentRequired: checkbox(form, "consentRequired"),
      keepTranscripts: checkbox(form, "keepTranscripts"),
      retentionDays: num(str(form, "retentionDays")),
      redactEmails: checkbox(form, "redactEmails"),
      redactPhones: checkbox(form, "redactPhones"),
      orderLookup: checkbox(form, "orderLookup"),
      orderVerification: str(form, "orderVerification"),
      aiEnabled: checkbox(form, "aiEnabled"),
    },
    access: {
      ownerOnlyTranscripts: checkbox(form, "ownerOnlyTranscripts"),
      transcriptViewers: lines(str(form, "transcriptViewers")),
    },
  };
}

export function assistantFormToPatch(form: FormData): SettingsPatch {
  // The admin posts an open/closed switch per day (`hours` marks that form); a day
  // without the switch is closed whatever times it still holds. Older posts (no
  // switches) count a day with any time as open.
  const switches = form.has("hours");
  const businessHours = WEEKDAYS.flatMap((_, day) => {
    const open = str(form, `open${day}`).trim();
    const close = str(form, `close${day}`).trim();
    const isOpen = switches ? checkbox(form, `dayOpen${day}`) : Boolean(open || close);
    return isOpen ? [{ day, open, close }] : [];
  });
  return {
    widget: { greeting: str(form, "greeting"), tone: str(form, "tone") },
    content: {
      instructions: str(form, "instructions"),
      allowedTopics: lines(str(form, "allowedTopics")),
      blockedTopics: lines(str(form, "blockedTopics")),
      refusalText: str(form, "refusalText"),
    },
    handoff: { handoffEmail: str(form, "handoffEmail").trim(), businessHours, timeZone: str(form, "timeZone").trim() || "UTC" },
    // Polaris ChoiceList (allowMultiple) names its checkboxes "leadFields[]".
    privacy: { leadFields: [...form.getAll("leadFields"), ...form.getAll("leadFields[]")].map(String) },
  };
}

// Plain-language messages per field; the schema's own message is the fallback.
const FRIENDLY: Record<string, string> = {
  "widget.greeting": "Write a greeting of 1 to 300 characters.",
  "widget.tone": "Choose one of the tones.",
  "privacy.aiDisclosure": "Write an AI disclosure of 1 to 500 characters.",
  "privacy.privacyNotice": "Keep the privacy notice under 1,000 characters.",
  "privacy.retentionDays": "Enter a whole number of days from 1 to 730.",
  "privacy.orderVerification": "Choose how shoppers prove an order is theirs.",
  "privacy.leadFields": "Collect at least one field.",
  "content.instructions": "Keep the instructions under 2,000 characters.",
  "content.allowedTopics": "Use up to 50 topics of up to 80 characters each.",
  "content.blockedTopics": "Use up to 50 topics of up to 80 characters each.",
  "content.refusalText": "Write a refusal text of 1 to 500 characters.",
  "handoff.handoffEmail": "Enter an email address, or leave it empty.",
  "handoff.businessHours": "Use 24-hour times like 09:00 and 17:30 for both opening and closing.",
  "access.transcriptViewers": "List up to 100 staff ids.",
};

export function friendlyFieldErrors(fieldErrors: Record<string, string>): Record<string, string> {
  // Coded problems ("hours.order:2", "staff.notNumeric:Alice") carry the day or the
  // values the admin names in the merchant's language; they pass through as they are.
  const coded = (v: string) => v === "Unknown setting." || /^(hours|staff)\./.test(v);
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, coded(v) ? v : (FRIENDLY[k] ?? v)]));
}
