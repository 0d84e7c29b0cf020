// The widget configuration (app/contracts/widget-config.ts) a shop's settings publish.
import { MAX_MESSAGE_LENGTH } from "../contracts/limits";
import type { WidgetConfig } from "../contracts/widget-config";
import type { ShopSettings } from "./settings-schema";

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
    ...(Object.keys(p.localizedTexts).length > 0 ? { localizedTexts: p.localizedTexts } : {}),
  };
}
