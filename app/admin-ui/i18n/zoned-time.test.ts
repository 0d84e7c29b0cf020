import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  instantToWallClock,
  wallClockToInstant,
  zonedDayOf,
  zonedDayRange,
  zonedDayStart,
  zoneOffsetMs,
} from "./zoned-time";

const utc = (value: string, timeZone: string, ambiguous?: "earlier" | "later") =>
  wallClockToInstant(value, timeZone, ambiguous ? { ambiguous } : {})?.toISOString() ?? null;

describe("wall-clock times in a zone", () => {
  it("reads and writes ordinary times both ways", () => {
    expect(utc("2026-01-15T09:00", "Europe/Berlin")).toBe("2026-01-15T08:00:00.000Z"); // CET
    expect(utc("2026-07-15T09:00", "Europe/Berlin")).toBe("2026-07-15T07:00:00.000Z"); // CEST
    expect(utc("2026-07-15T09:00", "America/New_York")).toBe("2026-07-15T13:00:00.000Z");
    expect(utc("2026-07-15T09:00", "UTC")).toBe("2026-07-15T09:00:00.000Z");
    expect(utc("2026-07-15T09:00:30", "UTC")).toBe("2026-07-15T09:00:30.000Z");
    expect(instantToWallClock("2026-01-15T08:00:00.000Z", "Europe/Berlin")).toBe("2026-01-15T09:00");
    expect(instantToWallClock(new Date("2026-07-15T13:00:00Z"), "America/New_York")).toBe("2026-07-15T09:00");
    // A date line away: the next day in Tokyo, the previous one in Honolulu.
    expect(instantToWallClock("2026-03-01T20:00:00Z", "Asia/Tokyo")).toBe("2026-03-02T05:00");
    expect(instantToWallClock("2026-03-01T05:00:00Z", "Pacific/Honolulu")).toBe("2026-02-28T19:00");
    expect(utc("2026-03-02T05:00", "Asia/Tokyo")).toBe("2026-03-01T20:00:00.000Z");
  });

  it("shows minutes, dropping the seconds of an instant", () => {
    expect(instantToWallClock("2026-07-15T07:03:59.999Z", "Europe/Berlin")).toBe("2026-07-15T09:03");
  });

  it("handles zones 30 and 45 minutes off the hour", () => {
    expect(utc("2026-06-01T12:00", "Asia/Kathmandu")).toBe("2026-06-01T06:15:00.000Z"); // +05:45
    expect(instantToWallClock("2026-06-01T06:15:00Z", "Asia/Kathmandu")).toBe("2026-06-01T12:00");
    expect(utc("2026-01-15T09:00", "Asia/Kolkata")).toBe("2026-01-15T03:30:00.000Z"); // +05:30
    expect(instantToWallClock("2026-01-14T20:00:00Z", "Asia/Kolkata")).toBe("2026-01-15T01:30");
    expect(utc("2026-07-01T00:00", "Pacific/Chatham")).toBe("2026-06-30T11:15:00.000Z"); // +12:45 (winter)
    expect(zoneOffsetMs(Date.parse("2026-06-01T00:00:00Z"), "Asia/Kathmandu")).toBe((5 * 60 + 45) * 60_000);
  });

  describe("Europe/Berlin", () => {
    it("moves a time in the spring gap forward by the gap (02:30 → 03:30 CEST)", () => {
      expect(utc("2026-03-29T01:59", "Europe/Berlin")).toBe("2026-03-29T00:59:00.000Z");
      expect(utc("2026-03-29T02:00", "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
      expect(utc("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
      expect(utc("2026-03-29T02:30", "Europe/Berlin", "later")).toBe("2026-03-29T01:30:00.000Z"); // a gap has one answer
      expect(utc("2026-03-29T03:00", "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
      expect(instantToWallClock("2026-03-29T01:30:00Z", "Europe/Berlin")).toBe("2026-03-29T03:30");
    });

    it("takes the first occurrence of the autumn's repeated hour, or the second when asked", () => {
      expect(utc("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST
      expect(utc("2026-10-25T02:30", "Europe/Berlin", "earlier")).toBe("2026-10-25T00:30:00.000Z");
      expect(utc("2026-10-25T02:30", "Europe/Berlin", "later")).toBe("2026-10-25T01:30:00.000Z"); // 02:30 CET
      expect(utc("2026-10-25T01:59", "Europe/Berlin", "later")).toBe("2026-10-24T23:59:00.000Z"); // not ambiguous
      expect(utc("2026-10-25T03:00", "Europe/Berlin", "earlier")).toBe("2026-10-25T02:00:00.000Z");
      expect(instantToWallClock("2026-10-25T00:30:00Z", "Europe/Berlin")).toBe("2026-10-25T02:30");
      expect(instantToWallClock("2026-10-25T01:30:00Z", "Europe/Berlin")).toBe("2026-10-25T02:30");
    });
  });

  describe("America/New_York", () => {
    it("moves a time in the spring gap forward (02:30 EST does not exist → 03:30 EDT)", () => {
      expect(utc("2026-03-08T01:30", "America/New_York")).toBe("2026-03-08T06:30:00.000Z");
      expect(utc("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
      expect(utc("2026-03-08T03:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
      expect(instantToWallClock("2026-03-08T07:30:00Z", "America/New_York")).toBe("2026-03-08T03:30");
    });

    it("takes the first 01:30 of the November night, or the second when asked", () => {
      expect(utc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z"); // EDT
      expect(utc("2026-11-01T01:30", "America/New_York", "later")).toBe("2026-11-01T06:30:00.000Z"); // EST
      expect(instantToWallClock("2026-11-01T05:30:00Z", "America/New_York")).toBe("2026-11-01T01:30");
      expect(instantToWallClock("2026-11-01T06:30:00Z", "America/New_York")).toBe("2026-11-01T01:30");
    });
  });

  it("handles a daylight-saving change of 30 minutes (Australia/Lord_Howe)", () => {
    // +10:30 → +11 at 02:00 on 4 October 2026: 02:00–02:29 never happen.
    expect(utc("2026-10-04T02:15", "Australia/Lord_Howe")).toBe("2026-10-03T15:45:00.000Z");
    expect(instantToWallClock("2026-10-03T15:45:00Z", "Australia/Lord_Howe")).toBe("2026-10-04T02:45");
    // +11 → +10:30 at 02:00 on 5 April 2026: 01:30–01:59 happen twice.
    expect(utc("2026-04-05T01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
    expect(utc("2026-04-05T01:45", "Australia/Lord_Howe", "later")).toBe("2026-04-04T15:15:00.000Z");
  });

  it("handles a skipped day (Samoa moved across the date line on 30 December 2011)", () => {
    expect(utc("2011-12-29T23:00", "Pacific/Apia")).toBe("2011-12-30T09:00:00.000Z");
    expect(utc("2011-12-30T12:00", "Pacific/Apia")).toBe("2011-12-30T22:00:00.000Z");
    expect(instantToWallClock("2011-12-30T10:00:00Z", "Pacific/Apia")).toBe("2011-12-31T00:00");
  });

  it("round-trips every quarter hour across both changes of the year", () => {
    for (const [zone, days] of [
      ["Europe/Berlin", ["2026-03-29", "2026-10-25"]],
      ["America/New_York", ["2026-03-08", "2026-11-01"]],
      ["Asia/Kathmandu", ["2026-03-29"]],
      ["Australia/Lord_Howe", ["2026-04-05", "2026-10-04"]],
    ] as const) {
      for (const day of days) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000) {
          const wall = instantToWallClock(new Date(t), zone);
          const earlier = wallClockToInstant(wall, zone, { ambiguous: "earlier" })!.getTime();
          const later = wallClockToInstant(wall, zone, { ambiguous: "later" })!.getTime();
          expect([earlier, later], `${zone} ${new Date(t).toISOString()} → ${wall}`).toContain(t);
          expect(instantToWallClock(new Date(earlier), zone)).toBe(wall);
          expect(instantToWallClock(new Date(later), zone)).toBe(wall);
        }
      }
    }
  });

  it("refuses what is not a date and time", () => {
    for (const bad of [
      "",
      "garbage",
      "2026-02-29T10:00",
      "2026-04-31T10:00",
      "2026-13-01T00:00",
      "2026-01-01T24:00",
      "2026-01-01",
      "2026-01-01T10:00Z",
    ])
      expect(wallClockToInstant(bad, "Europe/Berlin"), bad).toBeNull();
    expect(utc("2028-02-29T10:00", "Europe/Berlin")).toBe("2028-02-29T09:00:00.000Z");
    expect(instantToWallClock("garbage", "Europe/Berlin")).toBe("");
    expect(instantToWallClock(null, "Europe/Berlin")).toBe("");
    expect(instantToWallClock("", "Europe/Berlin")).toBe("");
    expect(() => wallClockToInstant("2026-01-01T10:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("calendar days in a zone", () => {
  const start = (day: string, timeZone: string) => zonedDayStart(day, timeZone)?.toISOString() ?? null;
  /** How long a day lasts in a zone, in hours: from its midnight to the next. */
  const hours = (day: string, timeZone: string) =>
    (zonedDayStart(addCalendarDays(day, 1), timeZone)!.getTime() - zonedDayStart(day, timeZone)!.getTime()) / 3_600_000;

  it("begins a day at the zone's midnight", () => {
    expect(start("2026-03-01", "Europe/Berlin")).toBe("2026-02-28T23:00:00.000Z"); // CET
    expect(start("2026-07-01", "Europe/Berlin")).toBe("2026-06-30T22:00:00.000Z"); // CEST
    expect(start("2026-03-01", "America/Los_Angeles")).toBe("2026-03-01T08:00:00.000Z"); // PST
    expect(start("2026-03-01", "Pacific/Auckland")).toBe("2026-02-28T11:00:00.000Z"); // NZDT, the day before in UTC
    expect(start("2026-03-01", "UTC")).toBe("2026-03-01T00:00:00.000Z");
  });

  it("makes the days the clocks change on 23 and 25 hours long", () => {
    expect([hours("2026-03-28", "Europe/Berlin"), hours("2026-03-29", "Europe/Berlin"), hours("2026-03-30", "Europe/Berlin")]).toEqual([
      24, 23, 24,
    ]);
    expect(start("2026-03-30", "Europe/Berlin")).toBe("2026-03-29T22:00:00.000Z");
    expect(hours("2026-10-25", "Europe/Berlin")).toBe(25);
    expect(start("2026-10-26", "Europe/Berlin")).toBe("2026-10-25T23:00:00.000Z");
    expect([hours("2026-03-08", "America/Los_Angeles"), hours("2026-11-01", "America/Los_Angeles")]).toEqual([23, 25]);
    // Southern hemisphere: summer time ends in April and begins in September.
    expect([hours("2026-04-05", "Pacific/Auckland"), hours("2026-09-27", "Pacific/Auckland")]).toEqual([25, 23]);
    expect(start("2026-04-06", "Pacific/Auckland")).toBe("2026-04-05T12:00:00.000Z"); // NZST
    expect(hours("2026-10-25", "UTC")).toBe(24);
  });

  it("begins a day whose midnight never happens at its first hour (Chile moves 00:00 to 01:00)", () => {
    expect(start("2026-09-06", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z"); // 01:00 -03
    expect(instantToWallClock("2026-09-06T04:00:00Z", "America/Santiago")).toBe("2026-09-06T01:00");
    expect(hours("2026-09-05", "America/Santiago")).toBe(24);
    expect(hours("2026-09-06", "America/Santiago")).toBe(23);
  });

  it("gives a skipped day no length (Samoa, 30 December 2011)", () => {
    expect(hours("2011-12-30", "Pacific/Apia")).toBe(0);
    expect(start("2011-12-31", "Pacific/Apia")).toBe("2011-12-30T10:00:00.000Z");
  });

  it("names the day an instant falls on, either side of the zone's midnight", () => {
    // 23:30 on 1 March and 00:30 on 2 March in Berlin (CET).
    expect(zonedDayOf(new Date("2026-03-01T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-01");
    expect(zonedDayOf(new Date("2026-03-01T23:30:00Z"), "Europe/Berlin")).toBe("2026-03-02");
    expect(zonedDayOf("2026-03-01T22:59:59.999Z", "Europe/Berlin")).toBe("2026-03-01");
    expect(zonedDayOf("2026-03-01T23:00:00.000Z", "Europe/Berlin")).toBe("2026-03-02");
    // Either side of midnight on the short and the long day (CEST, then CET).
    expect(zonedDayOf("2026-03-29T21:59:59.999Z", "Europe/Berlin")).toBe("2026-03-29");
    expect(zonedDayOf("2026-03-29T22:00:00.000Z", "Europe/Berlin")).toBe("2026-03-30");
    expect(zonedDayOf("2026-10-25T22:59:59.999Z", "Europe/Berlin")).toBe("2026-10-25");
    expect(zonedDayOf("2026-10-25T23:00:00.000Z", "Europe/Berlin")).toBe("2026-10-26");
    expect(zonedDayOf("2026-03-02T07:59:59.999Z", "America/Los_Angeles")).toBe("2026-03-01");
    expect(zonedDayOf("2026-03-02T08:00:00.000Z", "America/Los_Angeles")).toBe("2026-03-02");
    // Auckland is ahead of UTC: its 2 March begins at 11:00 UTC on 1 March.
    expect(zonedDayOf("2026-03-01T10:59:59.999Z", "Pacific/Auckland")).toBe("2026-03-01");
    expect(zonedDayOf("2026-03-01T11:00:00.000Z", "Pacific/Auckland")).toBe("2026-03-02");
    expect(zonedDayOf("garbage", "Europe/Berlin")).toBe("");
    expect(zonedDayOf(null, "Europe/Berlin")).toBe("");
  });

  it("counts calendar days without a zone, across months, years and 29 February", () => {
    expect(addCalendarDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -89)).toBe("2025-12-02");
    expect(addCalendarDays("2026-03-29", 0)).toBe("2026-03-29");
    expect(addCalendarDays("2026-02-30", 1)).toBe("");
    expect(addCalendarDays("garbage", 1)).toBe("");
  });

  it("refuses what is not a calendar day", () => {
    for (const bad of ["", "garbage", "2026-02-29", "2026-13-01", "2026-03-01T00:00", "26-03-01"])
      expect(zonedDayStart(bad, "Europe/Berlin"), bad).toBeNull();
    expect(() => zonedDayStart("2026-03-01", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("zonedDayRange", () => {
  const range = (from: string | undefined, to: string | undefined, timeZone: string) => {
    const r = zonedDayRange(from, to, timeZone);
    return r && { gte: r.gte?.toISOString(), lt: r.lt?.toISOString() };
  };

  it("runs from midnight of the first day to midnight after the last, in the zone", () => {
    expect(range("2026-11-02", "2026-11-02", "Europe/Berlin")).toEqual({ gte: "2026-11-01T23:00:00.000Z", lt: "2026-11-02T23:00:00.000Z" });
    expect(range("2026-11-02", "2026-11-04", "UTC")).toEqual({ gte: "2026-11-02T00:00:00.000Z", lt: "2026-11-05T00:00:00.000Z" });
    expect(range("2026-03-01", "2026-03-01", "Pacific/Auckland")).toEqual({
      gte: "2026-02-28T11:00:00.000Z",
      lt: "2026-03-01T11:00:00.000Z",
    });
    expect(range("2026-12-31", "2026-12-31", "America/Los_Angeles")).toEqual({
      gte: "2026-12-31T08:00:00.000Z",
      lt: "2027-01-01T08:00:00.000Z",
    });
  });

  it("gives the days the clocks change on 23 or 25 hours", () => {
    const hours = (r: { gte?: Date; lt?: Date } | undefined) => (r!.lt!.getTime() - r!.gte!.getTime()) / 3_600_000;
    expect(hours(zonedDayRange("2026-03-29", "2026-03-29", "Europe/Berlin"))).toBe(23);
    expect(hours(zonedDayRange("2026-10-25", "2026-10-25", "Europe/Berlin"))).toBe(25);
    expect(hours(zonedDayRange("2026-03-08", "2026-03-08", "America/Los_Angeles"))).toBe(23);
    expect(hours(zonedDayRange("2026-11-01", "2026-11-01", "America/Los_Angeles"))).toBe(25);
    expect(hours(zonedDayRange("2026-04-05", "2026-04-05", "Pacific/Auckland"))).toBe(25);
    expect(hours(zonedDayRange("2026-09-27", "2026-09-27", "Pacific/Auckland"))).toBe(23);
    // A week across Berlin's spring change: 7 × 24 − 1 hours.
    expect(hours(zonedDayRange("2026-03-26", "2026-04-01", "Europe/Berlin"))).toBe(167);
    expect(range("2026-03-29", "2026-03-29", "Europe/Berlin")).toEqual({ gte: "2026-03-28T23:00:00.000Z", lt: "2026-03-29T22:00:00.000Z" });
  });

  it("leaves out a side that is not set, and is nothing when neither is", () => {
    expect(range("2026-11-02", undefined, "Europe/Berlin")).toEqual({ gte: "2026-11-01T23:00:00.000Z", lt: undefined });
    expect(range(undefined, "2026-11-02", "Europe/Berlin")).toEqual({ gte: undefined, lt: "2026-11-02T23:00:00.000Z" });
    expect(zonedDayRange(undefined, undefined, "Europe/Berlin")).toBeUndefined();
    expect(zonedDayRange("", "", "Europe/Berlin")).toBeUndefined();
  });
});
