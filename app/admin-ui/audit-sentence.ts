// An audit entry as a sentence in the merchant's language: "Jane Doe changed the
// retention period from 90 days to 30 days", "The app prepared a customer's data
// export (found 2 conversations)". Unknown actions still read as "who: action".
import type { MessageKey, Translator } from "./i18n/i18n";

export interface AuditEntryView {
  actor: string;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
}

export function actorOf(entry: Pick<AuditEntryView, "actor" | "actorName">, t: Translator): string {
  if (entry.actor === "system") return t("audit.system");
  if (entry.actor === "shopper") return t("audit.shopper");
  return entry.actorName || t("audit.staffFallback", { id: entry.actor });
}

export function actionLabel(action: string, t: Translator): string {
  const key = `auditAction.${action}`;
  return t.has(key) ? t(key) : action;
}

function fieldName(path: string, t: Translator): string {
  const key = `field.${path}`;
  return t.has(key) ? t(key) : (path.split(".").pop() ?? path);
}

function valueOf(path: string, value: unknown, t: Translator): string {
  if (typeof value === "boolean") return t(value ? "value.true" : "value.false");
  if (path === "privacy.retentionDays" && typeof value === "number") return t("value.days", { count: value });
  if (typeof value === "number") return t.number(value);
  const text = String(value ?? "");
  for (const key of [`privacy.orderVerification.${text}`, `assistant.tone.${text}`]) {
    if ((path.endsWith("orderVerification") || path.endsWith("tone")) && t.has(key)) return t(key);
  }
  return text.replace(/_/g, " ");
}

function countsOf(value: unknown, t: Translator): string {
  if (!value || typeof value !== "object") return "";
  const parts = Object.entries(value as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === "number" && e[1] > 0)
    .map(([kind, count]) => {
      const key = `dataRequests.summary.${kind}`;
      return t.has(key) ? t(key, { count }) : `${t.number(count)} ${kind}`;
    });
  return parts.length ? t.list(parts) : t("dataRequests.nothing");
}

export function describeAuditEntry(entry: AuditEntryView, t: Translator): string {
  const who = actorOf(entry, t);
  const d = entry.details;
  switch (entry.action) {
    case "settings.updated": {
      const changes = Array.isArray(d.changes) ? (d.changes as { field: string; from: unknown; to: unknown }[]) : [];
      const withValues = new Set(changes.map((c) => c.field));
      const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
      const parts = [
        ...changes.map((c) =>
          t("audit.settings.change", { field: fieldName(c.field, t), from: valueOf(c.field, c.from, t), to: valueOf(c.field, c.to, t) }),
        ),
        ...fields.filter((f) => !withValues.has(f)).map((f) => t("audit.settings.changeField", { field: fieldName(f, t) })),
      ];
      return t("audit.settings.updated", { who, changes: parts.length ? t.list(parts) : "–" });
    }
    case "leads.exported":
      return t("audit.leads.exported", { who, count: typeof d.count === "number" ? d.count : 0 });
    case "data_request.export_ready":
      return t("audit.data_request.export_ready", { who, summary: countsOf(d.found, t) });
    case "customer.redacted":
      return t("audit.customer.redacted", { who, summary: countsOf(d.deleted, t) });
    case "conversation.deleted_by_shopper":
      return t("audit.conversation.deleted_by_shopper", { who, summary: countsOf(d.deleted, t) });
    default: {
      const key = `audit.${entry.action}`;
      if (t.has(key)) return t(key as MessageKey, { who });
      return t("audit.generic", { who, action: actionLabel(entry.action, t) });
    }
  }
}
