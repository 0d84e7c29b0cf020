// Turns the admin's HTML form posts into settings patches (zod at the edge), and
// turns schema errors into sentences a merchant understands. Validation of values
// happens once, in saveSettings, against the settings schema.
import { z } from "zod";
import type { SettingsPatch } from "../save-settings.server";
import { WEEKDAYS } from "../../contracts/settings-form";
import { MAX_TEXT_LOCALES } from "../../contracts/widget-config";

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

type LocalizedTexts = Record<string, Partial<Record<(typeof LOCALIZED_FIELDS)[number], string>>>;
const TEXT_FIELD = /^text\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.(?:greeting|aiDisclosure|privacyNotice)$/;

/** The languages the form carried texts for (the shop's published ones: `text.<locale>.<field>`). */
function postedTextLocales(form: FormData): string[] {
  const locales = new Set<string>();
  for (const key of form.keys()) {
    const match = TEXT_FIELD.exec(key);
    if (match) locales.add(match[1]!);
  }
  return [...locales].slice(0, MAX_TEXT_LOCALES);
}

/**
 * `text.<locale>.<field>` fields → { de: { greeting, … } }; empty fields and languages are left
 * out (the primary texts apply). Languages the form did not carry (no longer published) keep
 * their saved texts.
 */
function localizedTextsOf(form: FormData, posted: string[], saved: LocalizedTexts): LocalizedTexts {
  const texts: LocalizedTexts = Object.fromEntries(Object.entries(saved).filter(([locale]) => !posted.includes(locale)));
  for (const locale of posted) {
    for (const field of LOCALIZED_FIELDS) {
      const value = str(form, `text.${locale}.${field}`).trim();
      if (value) (texts[locale] ??= {})[field] = value;
    }
  }
  return texts;
}

export function privacyFormToPatch(form: FormData, savedTexts: LocalizedTexts = {}): SettingsPatch {
  const posted = postedTextLocales(form);
  return {
    privacy: {
      // Forms of an older page without these fields keep the saved translations.
      ...(posted.length > 0 ? { localizedTexts: localizedTextsOf(form, posted, savedTexts) } : {}),
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
