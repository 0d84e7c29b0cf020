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
        title: "Large lead export",
        description: `${who(a.actor, a.actorName)} exported ${rows} leads at once.`,
        count: rows,
        windowStart: a.createdAt,
        windowEnd: a.createdAt,
        actor: a.actor,
      });
    }
  }
  for (const [actor, { name, exports, views }] of byActor) {
    const bulk = busiestWindow(exports, BULK_EXPORTS_PER_STAFF);
    if (bulk)
      alerts.push({
        kind: "bulk_exports",
        title: "Repeated exports",
        description: `${who(actor, name)} exported leads or downloaded data-request exports ${bulk.count} times within ${BULK_EXPORTS_PER_STAFF.windowMinutes} minutes.`,
        count: bulk.count,
        windowStart: bulk.start,
        windowEnd: bulk.end,
        actor,
      });
    const opened = busiestWindow(views, TRANSCRIPTS_OPENED_PER_STAFF);
    if (opened)
      alerts.push({
        kind: "transcripts_opened",
        title: "Many transcripts opened",
        description: `${who(actor, name)} opened ${opened.count} transcripts within ${TRANSCRIPTS_OPENED_PER_STAFF.windowMinutes} minutes.`,
        count: opened.count,
        windowStart: opened.start,
        windowEnd: opened.end,
        actor,
      });
  }
  const shopperRules = [
    [
      "verify_failed",
      VERIFY_FAILED_BURST,
      "Burst of failed order verifications",
      "failed order verifications (someone may be guessing order numbers and emails)",
    ],
    ["card_blocked", CARD_BLOCKED_SPIKE, "Spike of blocked card numbers", "messages with card numbers were blocked"],
    [
      "rate_limited",
      RATE_LIMITED_SPIKE,
      "Spike of rate-limited requests",
      "shopper requests were rate limited (possible automated traffic)",
    ],
  ] as const;
  for (const [kind, rule, title, what] of shopperRules) {
    const burst = busiestWindow(
      events.filter((e) => e.kind === kind).map((e) => e.createdAt),
      rule,
    );
    if (burst)
      alerts.push({
        kind,
        title,
        description: `${burst.count} ${what} within ${rule.windowMinutes} minutes.`,
        count: burst.count,
        windowStart: burst.start,
        windowEnd: burst.end,
        actor: null,
      });
  }
  return alerts.sort((a, b) => b.windowEnd.getTime() - a.windowEnd.getTime());
}

const who = (actor: string, name: string | null) => (name ? `${name} (staff ${actor})` : `Staff member ${actor}`);

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

// Assessment windows are bounded so one page view cannot scan the whole history.
export const MAX_WINDOW_DAYS = 31;
export const LISTED_IDS_LIMIT = 200;

export const incidentWindowSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((w) => w.from < w.to, { message: "The window must end after it starts.", path: ["to"] })
  .refine((w) => w.to.getTime() - w.from.getTime() <= MAX_WINDOW_DAYS * 86_400_000, {
    message: `Choose at most ${MAX_WINDOW_DAYS} days.`,
    path: ["to"],
  });
