// The PUBLIC part of a shop's settings: exactly what the storefront widget needs and
// nothing the merchant would not show a shopper (no instructions, no handoff email,
// no staff lists). The app writes it as an app-data metafield on every settings save
// (docs/decisions/0002); the theme embed renders it into the page and the widget
// reads it (type-only import, see extensions/shop-assistant/src/config.ts).

export const WIDGET_CONFIG_NAMESPACE = "shop_assistant";
export const WIDGET_CONFIG_KEY = "widget_config";

export const LEAD_FIELDS = ["name", "email", "phone", "message"] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export const ORDER_VERIFICATION_MODES = ["logged_in", "logged_in_or_email"] as const;
export type OrderVerificationMode = (typeof ORDER_VERIFICATION_MODES)[number];

/** The merchant's texts in one storefront language; a missing one falls back to the default text. */
export interface LocalizedWidgetTexts {
  greeting?: string;
  aiDisclosure?: string;
  privacyNotice?: string;
}

/** At most this many languages of merchant texts are published. */
export const MAX_TEXT_LOCALES = 20;

export interface WidgetConfig {
  greeting: string;
  aiDisclosure: string;
  privacyNotice: string;
  privacyPolicyUrl: string;
  noticeVersion: number;
  consentRequired: boolean;
  leadFields: LeadField[];
  orderVerification: OrderVerificationMode;
  orderLookup: boolean;
  maxMessageLength: number;
  /** By storefront locale ("de", "pt-BR"); only present when the merchant wrote some (issue 13). */
  localizedTexts?: Record<string, LocalizedWidgetTexts>;
}
