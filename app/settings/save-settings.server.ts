// Saves a partial settings update: validate the merged result with the settings
// schema (clear field errors keyed "section.field"), bump the notice version when
// shopper-facing notice text changes (consent records name the version accepted),
// audit the changed field names (with before/after values only for the short,
// non-personal settings listed in AUDITED_VALUES: numbers, switches, choices), then
// publish the public widget config. Rules the schema can't say (a real time zone,
// opening before closing per day, numeric staff ids) are checked here too, so stored
// settings written before them still load.
import type { AuditRecorder, Database, StaffUser } from "../infra/admin-ports";
import type { PublishResult } from "./publish-widget-config.server";
import { isTimeZone } from "../infra/time-zones";
import { shopSettingsSchema, type ShopSettings } from "./settings-schema";
import { loadShopState, storeShopSettingsJson } from "./shop-settings.server";

export type SettingsSection = keyof ShopSettings;
export type SettingsPatch = { [S in SettingsSection]?: Partial<Record<keyof ShopSettings[S], unknown>> };

// Any change to these re-asks shoppers for consent (widget compares versions).
const NOTICE_FIELDS = ["aiDisclosure", "privacyNotice", "privacyPolicyUrl"] as const;

/** The translated disclosures and notices (not greetings): changing one is a new notice version too. */
const noticeTexts = (settings: ShopSettings) =>
  JSON.stringify(
    Object.entries(settings.privacy.localizedTexts)
      .filter(([, t]) => t.aiDisclosure || t.privacyNotice)
      .map(([locale, t]) => [locale, t.aiDisclosure ?? "", t.privacyNotice ?? ""]),
  );

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
  const linkErrors = { ...unsafeLinks((merged.privacy as { privacyPolicyUrl?: unknown }).privacyPolicyUrl), ...ruleErrors(merged) };
  if (!parsed.success || Object.keys(linkErrors).length > 0) {
    const fieldErrors: Record<string, string> = { ...linkErrors };
    for (const issue of parsed.error?.issues ?? []) {
      const key = issue.path.slice(0, 2).join(".");
      fieldErrors[key] ??= issue.message;
    }
    return invalid(fieldErrors);
  }
  const after = parsed.data;
  if (NOTICE_FIELDS.some((f) => after.privacy[f] !== before.privacy[f]) || noticeTexts(after) !== noticeTexts(before)) {
    after.privacy.noticeVersion = before.privacy.noticeVersion + 1;
  }
  const changed = changedFields(before, after);
  if (changed.length > 0) {
    await storeShopSettingsJson(deps.db, input.shop, JSON.stringify(after));
    deps.forgetShop(input.shop); // the shopper routes of this process see the new settings at once
    await deps.audit({
      shop: input.shop,
      actor: input.staff.id,
      actorName: input.staff.name,
      action: "settings.updated",
      targetType: "settings",
      detail: { fields: changed, ...auditedValues(before, after, changed) },
    });
  }
  const published = await deps.publish(after);
  return { ok: true, settings: after, changed, published };
}

function invalid(fieldErrors: Record<string, string>): SaveSettingsResult {
  return { ok: false, code: "SETTINGS_INVALID", message: "Some settings need fixing.", fieldErrors };
}

// Settings whose old and new values the audit log may show ("from 90 to 30 days"):
// never free text, which can hold anything the merchant typed.
const AUDITED_VALUES = new Set([
  "privacy.retentionDays",
  "privacy.consentRequired",
  "privacy.keepTranscripts",
  "privacy.redactEmails",
  "privacy.redactPhones",
  "privacy.orderLookup",
  "privacy.orderVerification",
  "privacy.aiEnabled",
  "widget.tone",
  "handoff.timeZone",
  "access.ownerOnlyTranscripts",
]);

function auditedValues(before: ShopSettings, after: ShopSettings, changed: string[]) {
  const changes = changed
    .filter((path) => AUDITED_VALUES.has(path))
    .map((path) => {
      const [section, field] = path.split(".") as [SettingsSection, string];
      return {
        field: path,
        from: (before[section] as Record<string, unknown>)[field],
        to: (after[section] as Record<string, unknown>)[field],
      };
    });
  return changes.length > 0 ? { changes } : {};
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Field errors the schema can't express. Business-hours problems are coded per day
 * ("hours.order:2" = Tuesday closes before it opens) under "handoff.businessHours.<day>"
 * so the admin names the day and marks its field; staff ids must be Shopify's numeric ids.
 */
export function ruleErrors(merged: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const handoff = (merged.handoff ?? {}) as { timeZone?: unknown; businessHours?: unknown };
  if (typeof handoff.timeZone === "string" && !isTimeZone(handoff.timeZone)) out["handoff.timeZone"] = "Choose a time zone from the list.";
  if (Array.isArray(handoff.businessHours)) {
    for (const hours of handoff.businessHours as { day?: unknown; open?: unknown; close?: unknown }[]) {
      const day = typeof hours?.day === "number" ? hours.day : null;
      if (day === null) continue;
      const open = String(hours.open ?? "");
      const close = String(hours.close ?? "");
      const problem = !HHMM.test(open) || !HHMM.test(close) ? `hours.format:${day}` : close <= open ? `hours.order:${day}` : null;
      if (problem) {
        out[`handoff.businessHours.${day}`] = problem;
        out["handoff.businessHours"] ??= problem;
      }
    }
  }
  const access = (merged.access ?? {}) as { transcriptViewers?: unknown };
  if (Array.isArray(access.transcriptViewers)) {
    const bad = access.transcriptViewers.filter((id) => typeof id !== "string" || !/^\d{1,20}$/.test(id));
    if (bad.length > 0) out["access.transcriptViewers"] = `staff.notNumeric:${bad.map(String).join(", ").slice(0, 200)}`;
    else if (access.transcriptViewers.length > 100) out["access.transcriptViewers"] = "staff.tooMany";
  }
  return out;
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
