// The analytics ranges the merchant picks from, and day buckets (UTC) for charts.
// No zod here: the Analytics route module imports this file, and zod would end up in
// the page's browser bundle.
export type RangeDays = 7 | 30 | 90;
const RANGES: readonly RangeDays[] = [7, 30, 90];

/** The `range` query parameter as 7, 30 or 90 days; anything else is 30. */
export function parseRangeDays(value: unknown): RangeDays {
  const days = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return RANGES.find((r) => r === days) ?? 30;
}

export interface DayCount {
  /** "YYYY-MM-DD" (UTC) */
  day: string;
  count: number;
}

export function rangeStart(now: Date, days: RangeDays): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * 86_400_000);
}

/** One entry per day of the range, oldest first, zero-filled. */
export function countPerDay(dates: Date[], now: Date, days: RangeDays): DayCount[] {
  const start = rangeStart(now, days).getTime();
  const counts = new Array<number>(days).fill(0);
  for (const date of dates) {
    const index = Math.floor((date.getTime() - start) / 86_400_000);
    if (index >= 0 && index < days) counts[index]! += 1;
  }
  return counts.map((count, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count }));
}

/** A share in [0, 1]; 0 when there is nothing to divide. */
export const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
