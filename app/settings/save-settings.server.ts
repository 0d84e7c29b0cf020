// Saves a partial settings update: validate the merged result with the settings
// schema (clear field errors keyed "section.field"), bump the notice version when
// shopper-facing notice text changes (consent records name the version accepted),
// audit the changed field NAMES only, then publish the public widget config.
import type { AuditRecorder, Database, StaffUser } from "../infra/admin-ports";
import type { PublishResult } from "./publish-widget-config.server";
import { shopSettingsSchema, type ShopSettings } from "./settings-schema";
import { loadShopState } from "./shop-settings.server";

export type SettingsSection = keyof ShopSettings;
export type SettingsPatch = { [S in SettingsSection]?: Partial<Record<keyof ShopSettings[S], unknown>> };

// Any change to these re-asks shoppers for consent (widget compares versions).
const NOTICE_FIELDS = ["aiDisclosure", "privacyNotice", "privacyPolicyUrl"] as const;

export interface SaveSettingsDeps {
  db: Database;
  audit: AuditRecorder;
  publish: (settings: ShopSettings) => Promise<PublishResult>;
  /** Drops this process's cached state of the shop (the composition root's caches). */
  forgetShop(shop: string): void;
}

export type SaveSettingsResult =
  | { ok: true; settings: ShopSettings; changed: string[]; published: PublishResult }
  | { ok: false; code: "SETTINGS_INVALID"; message: string; fieldErrors: Record<string, string> };

export async function saveSettings(
  deps: SaveSettingsDeps,
  input: { shop: string; staff: StaffUser; patch: SettingsPatch },
): Promise<SaveSettingsResult> {
  const { settings: before } = await loadShopState(deps.db, input.shop);
  const unknown = unknownFields(input.patch);
  if (unknown.length > 0) return invalid(Object.fromEntries(unknown.map((f) => [f, "Unknown setting."])));

  const merged: Record<string, unknown> = {};
  for (const section of Object.keys(before) as SettingsSection[]) {
    const patch = { ...(input.patch[section] ?? {}) } as Record<string, unknown>;
    delete patch.noticeVersion; // only the server moves the version
    merged[section] = { ...before[section], ...patch };
  }
  const parsed = shopSettingsSchema.safeParse(merged);
  const linkErrors = unsafeLinks((merged.privacy as { privacyPolicyUrl?: unknown }).privacyPolicyUrl);
  if (!parsed.success || Object.keys(linkErrors).length > 0) {
    const fieldErrors: Record<string, string> = { ...linkErrors };
    for (const issue of parsed.error?.issues ?? []) {
      const key = issue.path.slice(0, 2).join(".");
      fieldErrors[key] ??= issue.message;
    }
    return invalid(fieldErrors);
  }
  const after = parsed.data;
  if (NOTICE_FIELDS.some((f) => after.privacy[f] !== before.privacy[f])) {
    after.privacy.noticeVersion = before.privacy.noticeVersion + 1;
  }
  const changed = changedFields(before, after);
  if (changed.length > 0) {
    const settingsJson = JSON.stringify(after);
    await deps.db.shop.upsert({ where: { shop: input.shop }, create: { shop: input.shop, settingsJson }, update: { settingsJson } });
    deps.forgetShop(input.shop); // the shopper routes of this process see the new settings at once
    await deps.audit({
      shop: input.shop,
      actor: input.staff.id,
      actorName: input.staff.name,
      action: "settings.updated",
      targetType: "settings",
      detail: { fields: changed },
    });
  }
  const published = await deps.publish(after);
  return { ok: true, settings: after, changed, published };
}

function invalid(fieldErrors: Record<string, string>): SaveSettingsResult {
  return { ok: false, code: "SETTINGS_INVALID", message: "Some settings need fixing.", fieldErrors };
}

/** z.url() accepts javascript: and data: URLs; shoppers only ever get http(s) links. */
function unsafeLinks(url: unknown): Record<string, string> {
  if (typeof url !== "string" || url === "" || /^https?:\/\//i.test(url)) return {};
  return { "privacy.privacyPolicyUrl": "Use a web address starting with https://" };
}

function unknownFields(patch: SettingsPatch): string[] {
  const shape = shopSettingsSchema.shape as Record<string, { unwrap(): { shape: Record<string, unknown> } }>;
  const out: string[] = [];
  for (const [section, fields] of Object.entries(patch)) {
    const known = shape[section]?.unwrap().shape;
    if (!known) {
      out.push(section);
      continue;
    }
    for (const field of Object.keys(fields ?? {})) if (!(field in known)) out.push(`${section}.${field}`);
  }
  return out;
}

/** "section.field" names whose value differs (compared as JSON). */
export function changedFields(before: ShopSettings, after: ShopSettings): string[] {
  const out: string[] = [];
  for (const section of Object.keys(after) as SettingsSection[]) {
    const a = before[section] as Record<string, unknown>;
    const b = after[section] as Record<string, unknown>;
    for (const field of Object.keys(b)) {
      if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) out.push(`${section}.${field}`);
    }
  }
  return out;
}
