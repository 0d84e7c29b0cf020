import { describe, expect, it } from "vitest";
import { countPerDay, daysOfRange, rangeStart } from "./ranges";

const at = (iso: string) => new Date(iso);
/** The days that counted something, as "day=count". */
const counted = (days: { day: string; count: number }[]) => days.filter((d) => d.count > 0).map((d) => `${d.day}=${d.count}`);

describe("day buckets in the shop's time zone", () => {
  it("ends the range with today in the zone, not in UTC", () => {
    const now = at("2026-03-01T20:00:00Z"); // 21:00 in Berlin, 12:00 in Los Angeles, 09:00 on 2 March in Auckland
    expect(daysOfRange(now, 7, "Europe/Berlin").days.at(-1)).toBe("2026-03-01");
    expect(daysOfRange(now, 7, "America/Los_Angeles").days.at(-1)).toBe("2026-03-01");
    expect(daysOfRange(now, 7, "Pacific/Auckland").days).toEqual([
      "2026-02-24",
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    // 00:30 on 2 March in Berlin is already 2 March there.
    expect(daysOfRange(at("2026-03-01T23:30:00Z"), 7, "Europe/Berlin").days.at(-1)).toBe("2026-03-02");
    expect(daysOfRange(at("2026-03-01T23:30:00Z"), 7, "UTC").days.at(-1)).toBe("2026-03-01");
  });

  it("starts the range at midnight of its oldest day in the zone", () => {
    const now = at("2026-11-24T15:00:00Z");
    expect(rangeStart(now, 7, "Europe/Berlin").toISOString()).toBe("2026-11-17T23:00:00.000Z"); // 18 Nov, 00:00 CET
    expect(rangeStart(now, 7, "America/Los_Angeles").toISOString()).toBe("2026-11-18T08:00:00.000Z"); // 00:00 PST
    expect(rangeStart(now, 7, "Pacific/Auckland").toISOString()).toBe("2026-11-18T11:00:00.000Z"); // 25 Nov there: 19 Nov, 00:00 NZDT
    expect(rangeStart(now, 7, "UTC").toISOString()).toBe("2026-11-18T00:00:00.000Z");
    // 90 days back from Berlin's summer into its winter: midnight CET, not CEST.
    expect(rangeStart(at("2026-05-15T12:00:00Z"), 90, "Europe/Berlin").toISOString()).toBe("2026-02-14T23:00:00.000Z");
  });

  it("counts an instant on the zone's day, either side of its midnight", () => {
    const now = at("2026-03-03T12:00:00Z");
    const dates = [
      at("2026-03-01T22:30:00Z"), // 23:30 on 1 March in Berlin
      at("2026-03-01T23:30:00Z"), // 00:30 on 2 March in Berlin
      at("2026-03-01T22:59:59.999Z"), // 23:59:59.999 on 1 March in Berlin
      at("2026-03-01T23:00:00.000Z"), // midnight, 2 March in Berlin
    ];
    expect(counted(countPerDay(dates, now, 7, "Europe/Berlin"))).toEqual(["2026-03-01=2", "2026-03-02=2"]);
    expect(counted(countPerDay(dates, now, 7, "UTC"))).toEqual(["2026-03-01=4"]);
    // Los Angeles (UTC-8) sees all four on the afternoon of 1 March; Auckland (UTC+13) on 2 March.
    expect(counted(countPerDay(dates, now, 7, "America/Los_Angeles"))).toEqual(["2026-03-01=4"]);
    expect(counted(countPerDay(dates, now, 7, "Pacific/Auckland"))).toEqual(["2026-03-02=4"]);
    expect(counted(countPerDay([at("2026-03-02T07:59:59.999Z"), at("2026-03-02T08:00:00Z")], now, 7, "America/Los_Angeles"))).toEqual([
      "2026-03-01=1",
      "2026-03-02=1",
    ]);
    expect(counted(countPerDay([at("2026-03-01T10:59:59.999Z"), at("2026-03-01T11:00:00Z")], now, 7, "Pacific/Auckland"))).toEqual([
      "2026-03-01=1",
      "2026-03-02=1",
    ]);
  });

  it("keeps every hour of a 23- and a 25-hour day on that day (Berlin, March and October)", () => {
    // 29 March 2026 lasts 23 hours (22:00Z ends it); 25 October 25 hours (23:00Z ends it).
    const spring = [at("2026-03-28T23:00:00Z"), at("2026-03-29T21:59:59.999Z"), at("2026-03-29T22:00:00Z"), at("2026-03-30T21:59:00Z")];
    expect(counted(countPerDay(spring, at("2026-04-01T12:00:00Z"), 7, "Europe/Berlin"))).toEqual(["2026-03-29=2", "2026-03-30=2"]);
    const autumn = [
      at("2026-10-24T22:00:00Z"), // 00:00 CEST on 25 October
      at("2026-10-25T00:30:00Z"), // 02:30 CEST, the first of the repeated hour
      at("2026-10-25T01:30:00Z"), // 02:30 CET, the second
      at("2026-10-25T22:59:59.999Z"), // 23:59:59.999 CET
      at("2026-10-25T23:00:00Z"), // 00:00 CET on 26 October
      at("2026-10-24T21:59:59.999Z"), // 23:59:59.999 CEST on 24 October
    ];
    expect(counted(countPerDay(autumn, at("2026-10-28T12:00:00Z"), 7, "Europe/Berlin"))).toEqual([
      "2026-10-24=1",
      "2026-10-25=4",
      "2026-10-26=1",
    ]);
  });

  it("keeps the days right across the changes of Los Angeles and Auckland", () => {
    // Los Angeles: 8 March 2026 lasts 23 hours, 1 November 25 hours.
    const march = [at("2026-03-08T08:00:00Z"), at("2026-03-09T06:59:59.999Z"), at("2026-03-09T07:00:00Z")];
    expect(counted(countPerDay(march, at("2026-03-10T20:00:00Z"), 7, "America/Los_Angeles"))).toEqual(["2026-03-08=2", "2026-03-09=1"]);
    const november = [at("2026-11-01T07:00:00Z"), at("2026-11-02T07:59:59.999Z"), at("2026-11-02T08:00:00Z")];
    expect(counted(countPerDay(november, at("2026-11-03T20:00:00Z"), 7, "America/Los_Angeles"))).toEqual(["2026-11-01=2", "2026-11-02=1"]);
    // Auckland: 5 April 2026 lasts 25 hours, 27 September 23 hours.
    const april = [at("2026-04-04T11:00:00Z"), at("2026-04-05T11:59:59.999Z"), at("2026-04-05T12:00:00Z")];
    expect(counted(countPerDay(april, at("2026-04-07T00:00:00Z"), 7, "Pacific/Auckland"))).toEqual(["2026-04-05=2", "2026-04-06=1"]);
    const september = [at("2026-09-26T12:00:00Z"), at("2026-09-27T10:59:59.999Z"), at("2026-09-27T11:00:00Z")];
    expect(counted(countPerDay(september, at("2026-09-29T00:00:00Z"), 7, "Pacific/Auckland"))).toEqual(["2026-09-27=2", "2026-09-28=1"]);
  });

  it("lists every day of the range once, zero-filled, and counts nothing outside it", () => {
    const now = at("2026-11-24T15:00:00Z");
    const perDay = countPerDay(
      [
        at("2026-11-17T22:59:59.999Z"), // 17 Nov in Berlin: before the range
        at("2026-11-17T23:00:00Z"), // 18 Nov, 00:00: the first instant of the range
        at("2026-11-24T22:59:59.999Z"), // the last instant of today
        at("2026-11-24T23:00:00Z"), // tomorrow in Berlin
      ],
      now,
      7,
      "Europe/Berlin",
    );
    expect(perDay.map((d) => d.day)).toEqual([
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
    ]);
    expect(perDay.map((d) => d.count)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    for (const days of [7, 30, 90] as const) {
      const list = countPerDay([], at("2026-10-25T12:00:00Z"), days, "Europe/Berlin").map((d) => d.day);
      expect(list).toHaveLength(days);
      expect(new Set(list).size).toBe(days);
      expect(list.at(-1)).toBe("2026-10-25");
    }
    // 90 days across a change (Auckland, 5 April): still 90 calendar days, ending today (noon on 15 April there).
    expect(countPerDay([], at("2026-04-15T00:00:00Z"), 90, "Pacific/Auckland")[0]!.day).toBe("2026-01-16");
  });

  it("lists a day the zone skipped, counting nothing on it (Samoa, 30 December 2011)", () => {
    const perDay = countPerDay([at("2011-12-30T09:59:00Z"), at("2011-12-30T10:00:00Z")], at("2012-01-01T00:00:00Z"), 7, "Pacific/Apia");
    expect(perDay.map((d) => d.day)).toEqual([
      "2011-12-26",
      "2011-12-27",
      "2011-12-28",
      "2011-12-29",
      "2011-12-30",
      "2011-12-31",
      "2012-01-01",
    ]);
    expect(counted(perDay)).toEqual(["2011-12-29=1", "2011-12-31=1"]);
  });
});
