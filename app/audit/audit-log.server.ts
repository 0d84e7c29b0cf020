// The audit log: staff and system actions, filterable by action, actor and date,
// paginated on the server (newest first).
import { z } from "zod";
import { decodeCursor, keysetOrder, keysetWhere, pageQuerySchema, toPage, type Page } from "../infra/http/cursor";
import { dayRange } from "../conversations/admin/conversations.server";
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

export async function listAuditEvents(db: Database, shop: string, filter: AuditFilter): Promise<Page<AuditRow>> {
  const position = decodeCursor(filter.cursor);
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [
        { shop },
        filter.action ? { action: filter.action } : {},
        filter.actor ? { actor: filter.actor } : {},
        dayRange(filter.from, filter.to),
        keysetWhere(position, filter.direction),
      ],
    },
    orderBy: keysetOrder(filter.direction),
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = toPage(rows, AUDIT_PAGE_SIZE, filter.direction, position !== null);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id, createdAt: r.createdAt, actor: r.actor, actorName: r.actorName, action: r.action,
      targetType: r.targetType, targetId: r.targetId, detail: describeDetail(r.detailJson),
    })),
  };
}

/** The actions and actors present in this shop's log, for the filter pickers. */
export async function auditFilterOptions(db: Database, shop: string) {
  const [actions, actors] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { shop }, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["actor", "actorName"], where: { shop }, orderBy: { actor: "asc" }, take: 200 }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    actors: actors.map((a) => ({ id: a.actor, name: a.actorName })),
  };
}
