// Unusual-activity rules. Thresholds are named so a reviewer can see and tune them;
// each is "at least COUNT events within WINDOW minutes" (per staff member where the
// rule is about staff behaviour).
export const ALERT_LOOKBACK_HOURS = 72;

export const BULK_EXPORTS_PER_STAFF = { count: 3, windowMinutes: 60 }; // leads.exported + data_request.downloaded
export const LARGE_LEAD_EXPORT_ROWS = 500; // one export this big is an alert on its own
export const TRANSCRIPTS_OPENED_PER_STAFF = { count: 20, windowMinutes: 10 };
export const VERIFY_FAILED_BURST = { count: 20, windowMinutes: 10 };
export const CARD_BLOCKED_SPIKE = { count: 10, windowMinutes: 60 };
export const RATE_LIMITED_SPIKE = { count: 100, windowMinutes: 60 };

export type AlertKind = "bulk_exports" | "large_export" | "transcripts_opened" | "verify_failed" | "card_blocked" | "rate_limited";

/**
 * One alert, as codes and numbers: the Incidents page words it in the merchant's
 * language ("incidents.alert.<kind>.title" / ".body").
 */
export interface Alert {
  kind: AlertKind;
  /** Events in the window (rows of a large export). */
  count: number;
  /** The rule's window in minutes (0 for a single large export). */
  windowMinutes: number;
  windowStart: Date;
  windowEnd: Date;
  actor: string | null;
  /** The staff member's name when the audit log has it. */
  actorName: string | null;
}

export interface Burst {
  count: number;
  start: Date;
  end: Date;
}

/** The busiest window of `windowMinutes` over sorted timestamps, when it reaches `threshold`. */
export function busiestWindow(times: Date[], rule: { count: number; windowMinutes: number }): Burst | null {
  const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
  const width = rule.windowMinutes * 60_000;
  let best: Burst | null = null;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]!.getTime() - sorted[lo]!.getTime() > width) lo++;
    const count = hi - lo + 1;
    if (count >= rule.count && (!best || count > best.count)) best = { count, start: sorted[lo]!, end: sorted[hi]! };
  }
  return best;
}
