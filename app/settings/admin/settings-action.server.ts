// The shared action of the settings pages: form → patch → saveSettings → a JSON
// answer the page turns into banners and field errors.
import type { AdminGraphql } from "../../infra/shopify/admin-graphql";
import type { StaffUser } from "../../infra/admin-ports";
import type { AuthenticatedAdmin } from "../../infra/shopify/staff.server";
import { publishWidgetConfig } from "../publish-widget-config.server";
import { saveSettings, type SaveSettingsDeps, type SettingsPatch } from "../save-settings.server";
import { friendlyFieldErrors } from "./settings-forms.server";

import type { SettingsActionData } from "../../contracts/settings-form";

export type { SettingsActionData };

export async function handleSettingsForm(
  deps: Omit<SaveSettingsDeps, "publish"> & { staff: StaffUser },
  auth: AuthenticatedAdmin & { admin: AdminGraphql },
  patch: SettingsPatch,
): Promise<SettingsActionData> {
  const { db, audit, forgetShop, staff } = deps;
  const result = await saveSettings(
    { db, audit, forgetShop, publish: (settings) => publishWidgetConfig(auth.admin, settings) },
    { shop: auth.session.shop, staff, patch },
  );
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: friendlyFieldErrors(result.fieldErrors) };
  return {
    ok: true,
    changed: result.changed,
    published: result.published.ok,
    publishMessage: result.published.ok ? null : result.published.message,
  };
}
