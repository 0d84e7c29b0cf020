// The audit log: staff and system actions, filterable by action, actor and date,
// paginated on the server (newest first).
import { z } from "zod";
import { decodeCursor, pageQuerySchema, toPage, type Page } from "../infra/http/cursor";
import { zonedDayRange } from "../admin-ui/i18n/zoned-time";
import { findAuditPage, listAuditActionsAndActors } from "./audit-store.server";
import type { Database } from "../infra/admin-ports";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = pageQuerySchema.extend({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  id: string;
  createdAt: Date;
  actor: string;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** "key: value" pairs from the detail JSON (counts, field names). */
  detail: string;
  /** The detail JSON itself, for the admin's sentences ("changed the retention period from 90 to 30 days"). */
  details: Record<string, unknown>;
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function describeDetail(json: string): string {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== "object") return "";
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join("; ");
  } catch {
    return "";
  }
}

/** A page of the shop's audit log; `timeZone` is the shop's, the one its filter days are read in. */
export async function listAuditEvents(db: Database, shop: string, filter: AuditFilter, timeZone: string): Promise<Page<AuditRow>> {
  const position = decodeCursor(filter.cursor);
  const rows = await findAuditPage(db, shop, {
    action: filter.action,
    actor: filter.actor,
    createdAt: zonedDayRange(filter.from, filter.to, timeZone),
    position,
    direction: filter.direction,
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = toPage(rows, AUDIT_PAGE_SIZE, filter.direction, position !== null);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      actor: r.actor,
      actorName: r.actorName,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      detail: describeDetail(r.detailJson),
      details: parseDetail(r.detailJson),
    })),
  };
}

/** The actions and actors present in this shop's log, for the filter pickers. */
export async function auditFilterOptions(db: Database, shop: string) {
  return listAuditActionsAndActors(db, shop);
}
