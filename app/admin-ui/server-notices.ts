// Sentences about state the server reports as codes and numbers (the set-up
// checklist, the model provider, incident alerts and assessments), said in the
// merchant's language. The server never builds these sentences, so no English and no
// internal code reaches a German, French or Spanish admin.
import type { Translator } from "./i18n/i18n";

export interface ProviderNotice {
  mode: "ai" | "basic";
  name: string | null;
  host: string | null;
  model: string | null;
  reason: "not_configured" | "switched_off" | "ai";
}

/** "OpenAI (api.openai.com)", or "none (basic mode)". */
export function providerName(provider: ProviderNotice, t: Translator): string {
  if (!provider.name) return t("provider.none");
  return provider.host ? `${provider.name} (${provider.host})` : provider.name;
}

/** Why the assistant answers the way it does. */
export function providerReason(provider: ProviderNotice | null, reason: ProviderNotice["reason"] | "paused", t: Translator): string {
  if (reason === "paused") return t("provider.reason.paused");
  if (reason === "ai" && provider?.name) {
    const vars = { name: provider.name, host: provider.host ?? "", model: provider.model ?? "" };
    return provider.model ? t("provider.reason.aiWithModel", vars) : t("provider.reason.ai", vars);
  }
  return reason === "switched_off" ? t("provider.reason.switched_off") : t("provider.reason.not_configured");
}

export type ChecklistDetailNotice =
  | { code: "embed.never_seen" | "embed.stale"; days: number }
  | { code: "embed.seen"; seenAt: string }
  | { code: "privacy_notice.own" | "privacy_notice.default" }
  | { code: "retention.chosen" | "retention.default"; days: number }
  | { code: "knowledge.some"; count: number }
  | { code: "knowledge.none" | "test_conversation.done" | "test_conversation.none" };

/** One line of the set-up checklist. */
export function checklistDetail(detail: ChecklistDetailNotice, t: Translator, now = new Date()): string {
  switch (detail.code) {
    case "embed.seen":
      return now.getTime() - new Date(detail.seenAt).getTime() < 3_600_000
        ? t("home.detail.embed.seenRecently")
        : t("home.detail.embed.seen", { when: t.relative(detail.seenAt, now) });
    case "embed.never_seen":
    case "embed.stale":
    case "retention.chosen":
    case "retention.default":
      return t(`home.detail.${detail.code}`, { count: detail.days, days: detail.days });
    case "knowledge.some":
      return t("home.detail.knowledge.some", { count: detail.count });
    default:
      return t(`home.detail.${detail.code}`);
  }
}

export interface AlertNotice {
  kind: "bulk_exports" | "large_export" | "transcripts_opened" | "verify_failed" | "card_blocked" | "rate_limited";
  count: number;
  windowMinutes: number;
  actor: string | null;
  actorName: string | null;
}

/** An incident alert's title and sentence. */
export function alertText(alert: AlertNotice, t: Translator): { title: string; body: string } {
  const who = !alert.actor
    ? ""
    : alert.actorName
      ? t("incidents.who.named", { name: alert.actorName, id: alert.actor })
      : t("incidents.who.id", { id: alert.actor });
  return {
    title: t(`incidents.alert.${alert.kind}.title`),
    body: t(`incidents.alert.${alert.kind}.body`, { who, count: alert.count, minutes: alert.windowMinutes }),
  };
}

/** A kind of data an assessment counted ("messages", "event.card_blocked", …). */
export function dataKindLabel(kind: string, t: Translator): string {
  const key = `incidents.data.${kind}`;
  if (t.has(key)) return t(key);
  return t("incidents.data.event.other");
}
