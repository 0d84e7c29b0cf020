// Incident response: detection (alerts over the last ALERT_LOOKBACK_HOURS),
// containment (pause/resume, audited) and assessment (what a time window touched,
// by hashed ids and counts, to support notifying the shoppers concerned).
import { z } from "zod";
import {
  ALERT_LOOKBACK_HOURS,
  BULK_EXPORTS_PER_STAFF,
  busiestWindow,
  CARD_BLOCKED_SPIKE,
  LARGE_LEAD_EXPORT_ROWS,
  RATE_LIMITED_SPIKE,
  TRANSCRIPTS_OPENED_PER_STAFF,
  VERIFY_FAILED_BURST,
  type Alert,
} from "./incident-rules";
import type { AuditRecorder, Database, StaffUser } from "../infra/admin-ports";
import type { Clock } from "../infra/clock";
import { listAuditEventsSince } from "../audit/audit-store.server";
import { listShopEventsSince } from "../analytics/event-store.server";
import { storeShopPaused } from "../settings/shop-settings.server";

export async function detectAlerts(deps: { db: Database; clock: Clock }, shop: string): Promise<Alert[]> {
  const since = new Date(deps.clock.now().getTime() - ALERT_LOOKBACK_HOURS * 3_600_000);
  const [audits, events] = await Promise.all([
    listAuditEventsSince(deps.db, shop, since, ["leads.exported", "data_request.downloaded", "transcript.viewed"]),
    listShopEventsSince(deps.db, shop, since, ["verify_failed", "card_blocked", "rate_limited"]),
  ]);
  const alerts: Alert[] = [];
  const byActor = new Map<string, { name: string | null; exports: Date[]; views: Date[] }>();
  for (const a of audits) {
    const entry = byActor.get(a.actor) ?? { name: a.actorName, exports: [], views: [] };
    byActor.set(a.actor, entry);
    if (a.action === "transcript.viewed") entry.views.push(a.createdAt);
    else entry.exports.push(a.createdAt);
    const rows = exportedRows(a.action, a.detailJson);
    if (rows >= LARGE_LEAD_EXPORT_ROWS) {
      alerts.push({
        kind: "large_export",
        count: rows,
        windowMinutes: 0,
        windowStart: a.createdAt,
        windowEnd: a.createdAt,
        actor: a.actor,
        actorName: a.actorName,
      });
    }
  }
  for (const [actor, { name, exports, views }] of byActor) {
    const bulk = busiestWindow(exports, BULK_EXPORTS_PER_STAFF);
    if (bulk)
      alerts.push({
        kind: "bulk_exports",
        count: bulk.count,
        windowMinutes: BULK_EXPORTS_PER_STAFF.windowMinutes,
        windowStart: bulk.start,
        windowEnd: bulk.end,
        actor,
        actorName: name,
      });
    const opened = busiestWindow(views, TRANSCRIPTS_OPENED_PER_STAFF);
    if (opened)
      alerts.push({
        kind: "transcripts_opened",
        count: opened.count,
        windowMinutes: TRANSCRIPTS_OPENED_PER_STAFF.windowMinutes,
        windowStart: opened.start,
        windowEnd: opened.end,
        actor,
        actorName: name,
      });
  }
  const shopperRules = [
    ["verify_failed", VERIFY_FAILED_BURST],
    ["card_blocked", CARD_BLOCKED_SPIKE],
    ["rate_limited", RATE_LIMITED_SPIKE],
  ] as const;
  for (const [kind, rule] of shopperRules) {
    const burst = busiestWindow(
      events.filter((e) => e.kind === kind).map((e) => e.createdAt),
      rule,
    );
    if (burst)
      alerts.push({
        kind,
        count: burst.count,
        windowMinutes: rule.windowMinutes,
        windowStart: burst.start,
        windowEnd: burst.end,
        actor: null,
        actorName: null,
      });
  }
  return alerts.sort((a, b) => b.windowEnd.getTime() - a.windowEnd.getTime());
}

function exportedRows(action: string, detailJson: string): number {
  if (action !== "leads.exported") return 0;
  try {
    const count = (JSON.parse(detailJson) as { count?: unknown }).count;
    return typeof count === "number" ? count : 0;
  } catch {
    return 0;
  }
}

export async function setPaused(
  deps: { db: Database; audit: AuditRecorder; clock: Clock; forgetShop(shop: string): void },
  input: { shop: string; staff: StaffUser; paused: boolean },
): Promise<{ ok: true; paused: boolean }> {
  await storeShopPaused(deps.db, input.shop, input.paused, deps.clock.now());
  deps.forgetShop(input.shop); // a pause stops storage in this process on the next request
  await deps.audit({
    shop: input.shop,
    actor: input.staff.id,
    actorName: input.staff.name,
    action: input.paused ? "assistant.paused" : "assistant.resumed",
    targetType: "shop",
  });
  return { ok: true, paused: input.paused };
}

/** The Incidents page's post: pause or resume the assistant. */
export const incidentActionSchema = z.object({ intent: z.enum(["pause", "resume"]) });

// Assessment windows are bounded so one page view cannot scan the whole history.
export const MAX_WINDOW_DAYS = 31;
export const LISTED_IDS_LIMIT = 200;

/** Why a window is refused, as a code the page words ("incidents.window.<code>"). */
export type WindowProblem = "invalid" | "order" | "tooLong";

// An instant: a date (midnight UTC) or a date and time with its offset ("…Z", "…+02:00").
// A time without an offset would be read in the server's zone, and a missing bound as
// 1970, so both are refused as "invalid".
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i;
const instant = z.string().regex(ISO_INSTANT, { message: "invalid", abort: true }).pipe(z.coerce.date());

export const incidentWindowSchema = z
  .object({ from: instant, to: instant })
  .refine((w) => w.from < w.to, { message: "order", path: ["to"] })
  .refine((w) => w.to.getTime() - w.from.getTime() <= MAX_WINDOW_DAYS * 86_400_000, { message: "tooLong", path: ["to"] });

/** The assessment window from the page's query, or the problem with it. */
export function parseIncidentWindow(
  from: string | null,
  to: string | null,
): { ok: true; window: { from: Date; to: Date } } | { ok: false; problem: WindowProblem } {
  const parsed = incidentWindowSchema.safeParse({ from, to });
  if (parsed.success) return { ok: true, window: parsed.data };
  const message = parsed.error.issues[0]?.message;
  return { ok: false, problem: message === "order" || message === "tooLong" ? message : "invalid" };
}
