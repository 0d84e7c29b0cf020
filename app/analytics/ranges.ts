// The analytics ranges the merchant picks from, and day buckets (UTC) for charts.
import { z } from "zod";

export const rangeDaysSchema = z.coerce
  .number()
  .pipe(z.union([z.literal(7), z.literal(30), z.literal(90)]))
  .catch(30);
export type RangeDays = 7 | 30 | 90;

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
