// Wall-clock times in the shop's time zone, for `datetime-local` inputs: the admin
// shows every time in the shop's zone (i18n.tsx), so a time the merchant types is read
// in that zone too, and the URL and the server keep UTC instants. Calendar days too: a
// date filter and the days of a chart are the shop's days, from its midnight to the
// next (23 or 25 hours long when the clocks change). Intl only (no time zone library);
// pure, so the same answer on the server and in the browser.
//
// Daylight saving, deterministically:
// - A wall-clock time that happens twice (clocks go back: 02:30 on the last Sunday of
//   October in Berlin) is its first occurrence, or its second with
//   `{ ambiguous: "later" }` (the end of a window takes the later one, so the window
//   covers the whole repeated hour).
// - A wall-clock time that never happens (clocks go forward: 02:30 on the last Sunday
//   of March in Berlin) is read with the offset in force before the change, so it moves
//   forward by the length of the gap (03:30 CEST), as JavaScript's Date and Temporal's
//   "compatible" disambiguation do.

/** "2026-03-29T02:30": what a `datetime-local` input holds (seconds are accepted and kept). */
export type WallClock = string;

/** "2026-03-29": a calendar day, what a date input holds; which zone's day is up to the caller. */
export type CalendarDay = string;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter giving every field as numbers, 00–23 hours; throws RangeError for an unknown zone. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatIn(timeZone).formatToParts(instant)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return fieldsAsUtc(year, month, day, hour % 24, minute, second).getTime() + (instant - Math.floor(instant / 1000) * 1000);
}

/** A Date whose UTC fields are these (years before 100 stay themselves: Date.UTC would add 1900). */
function fieldsAsUtc(year: number, month: number, day: number, hour: number, minute: number, second: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date;
}

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in summer: 7,200,000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - instant;
}

/** "2026-03-29T02:30" → the fields as a UTC timestamp, or null when it is not a valid date and time. */
function parseWallClock(value: string): number | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = fieldsAsUtc(year, month, day, hour, minute, second);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 31 April, 29 February of 2027
  return date.getTime();
}

/**
 * A wall-clock time in a zone → the UTC instant, or null when the text is not a date
 * and time. Ambiguous and non-existent times follow the rules at the top of this file.
 * Throws RangeError for an unknown zone (callers pass the translator's checked zone).
 */
export function wallClockToInstant(value: WallClock, timeZone: string, options: { ambiguous?: "earlier" | "later" } = {}): Date | null {
  const wall = parseWallClock(value);
  if (wall === null) return null;
  // The offsets a day either side bracket any transition near this time (no zone has
  // changed its offset twice within two days).
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return new Date(wall - before); // in a gap: moved forward by its length
  return new Date(options.ambiguous === "later" ? candidates[candidates.length - 1]! : candidates[0]!);
}

/** A UTC instant → the wall-clock time in a zone, to the minute ("2026-03-29T03:30"); "" for no or an invalid date. */
export function instantToWallClock(instant: Date | string | null | undefined, timeZone: string): WallClock {
  if (instant === null || instant === undefined || instant === "") return "";
  const time = new Date(instant).getTime();
  if (!Number.isFinite(time)) return "";
  const wall = new Date(wallClockMs(time, timeZone));
  const year = wall.getUTCFullYear();
  if (year < 0 || year > 9999) return "";
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/**
 * The first instant of a calendar day in a zone (its midnight), or null when the text is
 * not a date. Where the clocks go forward at midnight (America/Santiago in September)
 * 00:00 never happens and the day begins at 01:00, the gap rule above; where midnight
 * happens twice the day begins at the first. The day ends where the next one begins:
 * `zonedDayStart(addCalendarDays(day, 1), timeZone)`. Throws RangeError for an unknown zone.
 */
export function zonedDayStart(day: CalendarDay, timeZone: string): Date | null {
  return CALENDAR_DAY.test(day) ? wallClockToInstant(`${day}T00:00`, timeZone) : null;
}

/** The calendar day an instant falls on in a zone ("2026-03-01" for 23:30 that evening in Berlin); "" for no or an invalid date. */
export function zonedDayOf(instant: Date | string | null | undefined, timeZone: string): CalendarDay {
  return instantToWallClock(instant, timeZone).slice(0, 10);
}

/** A calendar day moved by whole days ("2026-02-28" + 1 → "2026-03-01"); no zone involved. "" when it is not a date. */
export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  const date = CALENDAR_DAY.test(day) ? parseWallClock(`${day}T00:00`) : null;
  if (date === null) return "";
  return instantToWallClock(new Date(date + days * DAY_MS), "UTC").slice(0, 10);
}

/**
 * A date filter's days (YYYY-MM-DD, both included) as a range of instants in the shop's
 * time zone (the Conversations and Audit log filters): from midnight of `from` there to midnight of the day after `to` (excluded), so
 * a day the clocks change on counts its 23 or 25 hours. Undefined when neither is set.
 */
export function zonedDayRange(
  from: CalendarDay | undefined,
  to: CalendarDay | undefined,
  timeZone: string,
): { gte?: Date; lt?: Date } | undefined {
  const range: { gte?: Date; lt?: Date } = {};
  const gte = from ? zonedDayStart(from, timeZone) : null;
  const lt = to ? zonedDayStart(addCalendarDays(to, 1), timeZone) : null;
  if (gte) range.gte = gte;
  if (lt) range.lt = lt;
  return gte || lt ? range : undefined;
}
