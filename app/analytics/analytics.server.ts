// The numbers behind the Analytics page for 7/30/90 days: conversations per day,
// share answered without a person, handoffs, basic-mode share, top topics (the
// Message.topic label, never message text) and orders asked about (ShopEvent).
// The range and its days are the shop's calendar days in its time zone (ranges.ts).
import type { Clock } from "../infra/clock";
import type { Database } from "../infra/admin-ports";
import { countPerDay, rangeStart, share, type DayCount, type RangeDays } from "./ranges";
import { countShopEvents } from "./event-store.server";
import type { DbClient } from "../infra/db/sql";

export interface AnalyticsSummary {
  rangeDays: RangeDays;
  conversations: number;
  perDay: DayCount[];
  answeredWithoutPerson: { count: number; share: number };
  handoffs: { count: number; share: number };
  basicMode: { count: number; share: number };
  topTopics: { topic: string; count: number }[];
  /** Conversations per outcome (open, answered, handed_off), every outcome listed. */
  outcomes: { outcome: string; count: number }[];
  ordersAskedAbout: number;
}

const OUTCOMES = ["answered", "handed_off", "open"] as const;

/**
 * What the page reads of conversations and messages since a time. Their owner provides
 * it (conversationStats, app/conversations/store/conversation-stats.server.ts) and the
 * route passes it in: the conversations store writes analytics events, so this folder
 * does not import that one back (no folder cycle).
 */
export interface ConversationStats {
  startTimes(db: DbClient, shop: string, since: Date): Promise<Date[]>;
  countByOutcome(db: DbClient, shop: string, since: Date): Promise<{ outcome: string; count: number }[]>;
  countBasicMode(db: DbClient, shop: string, since: Date): Promise<number>;
  countMessagesByTopic(db: DbClient, shop: string, since: Date): Promise<{ topic: string | null; count: number }[]>;
}

/** `timeZone`: the shop's, as the admin shows times in (a checked IANA name; "UTC" when none is known). */
export async function loadAnalytics(
  deps: { db: Database; clock: Clock; conversations: ConversationStats },
  shop: string,
  rangeDays: RangeDays,
  timeZone: string,
): Promise<AnalyticsSummary> {
  const now = deps.clock.now();
  const since = rangeStart(now, rangeDays, timeZone);
  const [dates, outcomes, basic, topics, ordersAskedAbout] = await Promise.all([
    deps.conversations.startTimes(deps.db, shop, since),
    deps.conversations.countByOutcome(deps.db, shop, since),
    deps.conversations.countBasicMode(deps.db, shop, since),
    deps.conversations.countMessagesByTopic(deps.db, shop, since),
    countShopEvents(deps.db, shop, { since, kind: "order_asked" }),
  ]);
  const total = dates.length;
  const byOutcome = new Map(outcomes.map((o) => [o.outcome, o.count]));
  const answered = byOutcome.get("answered") ?? 0;
  const handedOff = byOutcome.get("handed_off") ?? 0;
  return {
    rangeDays,
    conversations: total,
    perDay: countPerDay(dates, now, rangeDays, timeZone),
    answeredWithoutPerson: { count: answered, share: share(answered, total) },
    handoffs: { count: handedOff, share: share(handedOff, total) },
    basicMode: { count: basic, share: share(basic, total) },
    topTopics: topics
      .map((t) => ({ topic: t.topic ?? "other", count: t.count }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, 10),
    outcomes: [...OUTCOMES, ...[...byOutcome.keys()].filter((o) => !(OUTCOMES as readonly string[]).includes(o))].map((outcome) => ({
      outcome,
      count: byOutcome.get(outcome) ?? 0,
    })),
    ordersAskedAbout,
  };
}
