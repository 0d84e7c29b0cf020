// The PUBLIC part of a shop's settings: exactly what the storefront widget needs
// and nothing the merchant would not show a shopper (no instructions, no handoff
// email, no staff lists). See PLAN.md "Fixed contracts".
import type { ShopSettings } from "../settings/settings-schema";

export const WIDGET_CONFIG_NAMESPACE = "shop_assistant";
export const WIDGET_CONFIG_KEY = "widget_config";
export const MAX_MESSAGE_LENGTH = 1000;

export interface WidgetConfig {
  greeting: string;
  aiDisclosure: string;
  privacyNotice: string;
  privacyPolicyUrl: string;
  noticeVersion: number;
  consentRequired: boolean;
  leadFields: ShopSettings["privacy"]["leadFields"];
  orderVerification: ShopSettings["privacy"]["orderVerification"];
  orderLookup: boolean;
  maxMessageLength: number;
}

export function widgetConfigFromSettings(settings: ShopSettings): WidgetConfig {
  const p = settings.privacy;
  return {
    greeting: settings.widget.greeting,
    aiDisclosure: p.aiDisclosure,
    privacyNotice: p.privacyNotice,
    privacyPolicyUrl: p.privacyPolicyUrl,
    noticeVersion: p.noticeVersion,
    consentRequired: p.consentRequired,
    leadFields: p.leadFields,
    orderVerification: p.orderVerification,
    orderLookup: p.orderLookup,
    maxMessageLength: MAX_MESSAGE_LENGTH,
  };
}
