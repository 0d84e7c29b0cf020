import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { OTHER_SHOP, seedConversation, seedShopEvents, SHOP, testVault } from "../../test/support/admin-fixtures";
import { loadAnalytics } from "./analytics.server";
import { conversationStats } from "../conversations/store/conversation-stats.server";
import { countPerDay, parseRangeDays } from "./ranges";

let t: TestDatabase;
const vault = testVault();
const now = new Date("2026-11-24T15:00:00Z");
const clock = { now: () => now };
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

describe("analytics", () => {
  it("is all zeros for a new shop", async () => {
    const summary = await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 7, "UTC");
    expect(summary.conversations).toBe(0);
    expect(summary.perDay).toHaveLength(7);
    expect(summary.answeredWithoutPerson.share).toBe(0);
    expect(summary.topTopics).toEqual([]);
  });

  it("counts conversations per day, outcomes, basic mode, topics and orders asked about in the range", async () => {
    await seedConversation(t.db, vault, {
      createdAt: daysAgo(0),
      outcome: "answered",
      messages: [{ role: "shopper", text: "x", topic: "order" }],
    });
    await seedConversation(t.db, vault, {
      createdAt: daysAgo(0),
      outcome: "handed_off",
      messages: [{ role: "shopper", text: "x", topic: "handoff" }],
    });
    await seedConversation(t.db, vault, {
      createdAt: daysAgo(2),
      outcome: "answered",
      basicMode: true,
      messages: [{ role: "shopper", text: "x", topic: "order" }],
    });
    await seedConversation(t.db, vault, { createdAt: daysAgo(3), outcome: "open" });
    await seedConversation(t.db, vault, { createdAt: daysAgo(20), outcome: "answered" });
    await seedConversation(t.db, vault, { shop: OTHER_SHOP, createdAt: daysAgo(0) });
    await seedShopEvents(t.db, "order_asked", 3, daysAgo(1));
    await seedShopEvents(t.db, "order_asked", 2, daysAgo(40));
    const week = await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 7, "UTC");
    expect(week.conversations).toBe(4);
    expect(week.perDay.at(-1)).toEqual({ day: "2026-11-24", count: 2 });
    expect(week.perDay.map((d) => d.count)).toEqual([0, 0, 0, 1, 1, 0, 2]);
    expect(week.answeredWithoutPerson).toEqual({ count: 2, share: 0.5 });
    expect(week.handoffs).toEqual({ count: 1, share: 0.25 });
    expect(week.basicMode).toEqual({ count: 1, share: 0.25 });
    expect(week.topTopics).toEqual([
      { topic: "order", count: 2 },
      { topic: "handoff", count: 1 },
    ]);
    expect(week.ordersAskedAbout).toBe(3);
    expect((await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 30, "UTC")).conversations).toBe(5);
    expect((await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 90, "UTC")).ordersAskedAbout).toBe(5);
  });

  it("counts the shop's calendar days in its time zone, the range's first and last included", async () => {
    // now: 16:00 on 24 November in Berlin (CET); the week is 18–24 November there,
    // from 2026-11-17T23:00Z to 2026-11-24T23:00Z.
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-17T22:59:59Z"), outcome: "answered" }); // 17 Nov, 23:59:59
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-17T23:30:00Z"), outcome: "answered" }); // 18 Nov, 00:30
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-20T22:30:00Z"), outcome: "answered" }); // 20 Nov, 23:30
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-20T23:30:00Z"), outcome: "handed_off" }); // 21 Nov, 00:30
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-24T14:00:00Z"), outcome: "open" }); // 24 Nov, 15:00
    await seedShopEvents(t.db, "order_asked", 1, new Date("2026-11-17T23:00:00Z")); // 18 Nov, 00:00
    await seedShopEvents(t.db, "order_asked", 1, new Date("2026-11-17T22:00:00Z")); // 17 Nov, 23:00
    const berlin = await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 7, "Europe/Berlin");
    expect(berlin.perDay.map((d) => d.day)).toEqual([
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
    ]);
    expect(berlin.perDay.map((d) => d.count)).toEqual([1, 0, 1, 1, 0, 0, 1]);
    expect(berlin.conversations).toBe(4);
    expect(berlin.handoffs.count).toBe(1);
    expect(berlin.ordersAskedAbout).toBe(1);
    // The same rows in UTC days: 18–24 November from 00:00Z, so 17 Nov, 23:30Z falls before the week.
    const utc = await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 7, "UTC");
    expect(utc.perDay.map((d) => d.count)).toEqual([0, 0, 2, 0, 0, 0, 1]);
    expect(utc.conversations).toBe(3);
    expect(utc.ordersAskedAbout).toBe(0);
  });

  it("accepts only 7, 30 or 90 days", () => {
    expect([
      parseRangeDays("7"),
      parseRangeDays("90"),
      parseRangeDays("1000"),
      parseRangeDays(undefined),
      parseRangeDays("7.5"),
      parseRangeDays(null),
    ]).toEqual([7, 90, 30, 30, 30, 30]);
    expect(countPerDay([], now, 30, "UTC")).toHaveLength(30);
  });
});
