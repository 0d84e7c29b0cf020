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
    const summary = await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 7);
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
    const week = await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 7);
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
    expect((await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 30)).conversations).toBe(5);
    expect((await loadAnalytics({ db: t.db, clock, conversations: conversationStats }, SHOP, 90)).ordersAskedAbout).toBe(5);
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
    expect(countPerDay([], now, 30)).toHaveLength(30);
  });
});
