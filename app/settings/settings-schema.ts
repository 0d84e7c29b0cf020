// A shop's settings: what the merchant controls in the admin and what the widget,
// the assistant and the privacy jobs obey. Stored as JSON on the Shop row; every
// field has a default so a new shop works at once and old rows parse after changes.
import { z } from "zod";
import { LEAD_FIELDS, MAX_TEXT_LOCALES, ORDER_VERIFICATION_MODES } from "../contracts/widget-config";

const topicList = z.array(z.string().trim().min(1).max(80)).max(50);

export const leadFieldSchema = z.enum(LEAD_FIELDS);
export type LeadField = z.infer<typeof leadFieldSchema>;

export const widgetSettingsSchema = z.object({
  greeting: z.string().trim().min(1).max(300).default("Hi! I can help with products, orders and store policies."),
  // "friendly" | "concise" | "formal": a hint to the model
  tone: z.enum(["friendly", "concise", "formal"]).default("friendly"),
});

export const privacySettingsSchema = z.object({
  aiDisclosure: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default("You are chatting with an AI assistant. It can make mistakes; a person can help if you ask."),
  privacyNotice: z
    .string()
    .trim()
    .max(1000)
    .default("We keep this conversation to answer you and improve our service, then delete it after the retention period."),
  // http(s) only: the link is shown to shoppers, so no javascript: or data: URLs.
  privacyPolicyUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal("")]).default(""),
  // Bumped whenever the notice text changes, so consent records name the version accepted.
  noticeVersion: z.number().int().min(1).default(1),
  consentRequired: z.boolean().default(true),
  keepTranscripts: z.boolean().default(true),
  retentionDays: z.number().int().min(1).max(730).default(90),
  redactEmails: z.boolean().default(true),
  redactPhones: z.boolean().default(true),
  orderLookup: z.boolean().default(true),
  // "logged_in": only the logged-in customer's orders; "logged_in_or_email": also order number + email.
  orderVerification: z.enum(ORDER_VERIFICATION_MODES).default("logged_in_or_email"),
  // Which fields a handoff request collects; only these are stored.
  leadFields: z.array(leadFieldSchema).min(1).default(["name", "email", "message"]),
  // Send product/policy context to the model provider (false forces basic mode).
  aiEnabled: z.boolean().default(true),
  // The greeting, AI disclosure and privacy notice per storefront locale ("de", "fr", "pt-BR");
  // a shopper on that locale sees these, others the texts above. Published in the widget config.
  localizedTexts: z
    .record(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "must be a locale like de or pt-BR"),
      z
        .object({
          greeting: z.string().trim().min(1).max(300).optional(),
          aiDisclosure: z.string().trim().min(1).max(500).optional(),
          privacyNotice: z.string().trim().min(1).max(1000).optional(),
        })
        .strict(),
    )
    .refine((texts) => Object.keys(texts).length <= MAX_TEXT_LOCALES, `at most ${MAX_TEXT_LOCALES} languages`)
    .default({}),
});

export const contentSettingsSchema = z.object({
  instructions: z.string().trim().max(2000).default(""),
  allowedTopics: topicList.default([]),
  blockedTopics: topicList.default([]),
  refusalText: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default("Sorry, I can't help with that here. I can help with our products, your orders and our store policies."),
});

export const handoffSettingsSchema = z.object({
  handoffEmail: z.union([z.email(), z.literal("")]).default(""),
  // Business hours per weekday (0 = Sunday), "HH:MM"-"HH:MM" in the shop's time zone; empty = closed.
  businessHours: z
    .array(z.object({ day: z.number().int().min(0).max(6), open: z.string().regex(/^\d\d:\d\d$/), close: z.string().regex(/^\d\d:\d\d$/) }))
    .max(14)
    .default([]),
  timeZone: z.string().default("UTC"),
});

export const accessSettingsSchema = z.object({
  // Staff who may open transcripts: empty = every staff member with app access.
  transcriptViewers: z.array(z.string().min(1)).max(100).default([]),
  ownerOnlyTranscripts: z.boolean().default(false),
});

export const shopSettingsSchema = z.object({
  widget: widgetSettingsSchema.default(widgetSettingsSchema.parse({})),
  privacy: privacySettingsSchema.default(privacySettingsSchema.parse({})),
  content: contentSettingsSchema.default(contentSettingsSchema.parse({})),
  handoff: handoffSettingsSchema.default(handoffSettingsSchema.parse({})),
  access: accessSettingsSchema.default(accessSettingsSchema.parse({})),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export const defaultShopSettings: ShopSettings = shopSettingsSchema.parse({});

/** Parses stored settings JSON; unknown or broken JSON falls back to defaults field by field. */
export function parseStoredSettings(json: string): ShopSettings {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const result = shopSettingsSchema.safeParse(raw);
  return result.success ? result.data : defaultShopSettings;
}
