// The analytics ranges the merchant picks from, and day buckets for charts: the shop's
// calendar days in its time zone (the one the admin shows every time in), from its
// midnight to the next, so a day is 23 or 25 hours long when the clocks change.
// No zod here: the Analytics route module imports this file, and zod would end up in
// the page's browser bundle.
import { addCalendarDays, zonedDayOf, zonedDayStart, type CalendarDay } from "../admin-ui/i18n/zoned-time";

export type RangeDays = 7 | 30 | 90;
const RANGES: readonly RangeDays[] = [7, 30, 90];

/** The `range` query parameter as 7, 30 or 90 days; anything else is 30. */
export function parseRangeDays(value: unknown): RangeDays {
  const days = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return RANGES.find((r) => r === days) ?? 30;
}

export interface DayCount {
  /** "YYYY-MM-DD": a calendar day in the shop's time zone */
  day: CalendarDay;
  count: number;
}

/**
 * The range's days in a zone, oldest first, ending with today there, and where each
 * begins: `starts[i]` is the first instant of `days[i]` (ms), `starts[days.length]` the
 * first of tomorrow. A zone's unknown name throws RangeError (the loader passes a checked one).
 */
export function daysOfRange(now: Date, days: RangeDays, timeZone: string): { days: CalendarDay[]; starts: number[] } {
  const today = zonedDayOf(now, timeZone);
  const list = Array.from({ length: days }, (_, i) => addCalendarDays(today, i - (days - 1)));
  const starts = [...list, addCalendarDays(today, 1)].map((day) => zonedDayStart(day, timeZone)!.getTime());
  return { days: list, starts };
}

/** The first instant of the range: midnight of its oldest day in the zone. */
export function rangeStart(now: Date, days: RangeDays, timeZone: string): Date {
  return new Date(daysOfRange(now, days, timeZone).starts[0]!);
}

/** One entry per day of the range in the zone, oldest first, zero-filled; instants outside the range are not counted. */
export function countPerDay(dates: Date[], now: Date, days: RangeDays, timeZone: string): DayCount[] {
  const range = daysOfRange(now, days, timeZone);
  const { starts } = range;
  const counts = new Array<number>(days).fill(0);
  for (const date of dates) {
    const time = date.getTime();
    if (!(time >= starts[0]! && time < starts[days]!)) continue;
    // The last day beginning at or before the instant (binary search: 90 day boundaries,
    // any number of conversations; a day skipped by the zone begins where the next does
    // and so is never chosen).
    let low = 0;
    let high = days - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= time) low = middle;
      else high = middle - 1;
    }
    counts[low]! += 1;
  }
  return range.days.map((day, i) => ({ day, count: counts[i]! }));
}

/** A share in [0, 1]; 0 when there is nothing to divide. */
export const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
