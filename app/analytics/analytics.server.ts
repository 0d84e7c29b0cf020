// The numbers behind the Analytics page for 7/30/90 days: conversations per day,
// share answered without a person, handoffs, basic-mode share, top topics (the
// Message.topic label, never message text) and orders asked about (ShopEvent).
import type { Clock, Database } from "../infra/admin-ports";
import { countPerDay, rangeStart, share, type DayCount, type RangeDays } from "./ranges";

export interface AnalyticsSummary {
  rangeDays: RangeDays;
  conversations: number;
  perDay: DayCount[];
  answeredWithoutPerson: { count: number; share: number };
  handoffs: { count: number; share: number };
  basicMode: { count: number; share: number };
  topTopics: { topic: string; count: number }[];
  ordersAskedAbout: number;
}

export async function loadAnalytics(deps: { db: Database; clock: Clock }, shop: string, rangeDays: RangeDays): Promise<AnalyticsSummary> {
  const now = deps.clock.now();
  const since = rangeStart(now, rangeDays);
  const inRange = { shop, createdAt: { gte: since } };
  const [dates, outcomes, basic, topics, ordersAskedAbout] = await Promise.all([
    deps.db.conversation.findMany({ where: inRange, select: { createdAt: true } }),
    deps.db.conversation.groupBy({ by: ["outcome"], where: inRange, _count: { _all: true } }),
    deps.db.conversation.count({ where: { ...inRange, basicMode: true } }),
    deps.db.message.groupBy({
      by: ["topic"], where: { ...inRange, topic: { not: null } }, _count: { _all: true },
    }),
    deps.db.shopEvent.count({ where: { ...inRange, kind: "order_asked" } }),
  ]);
  const total = dates.length;
  const byOutcome = new Map(outcomes.map((o) => [o.outcome, o._count._all]));
  const answered = byOutcome.get("answered") ?? 0;
  const handedOff = byOutcome.get("handed_off") ?? 0;
  return {
    rangeDays,
    conversations: total,
    perDay: countPerDay(dates.map((d) => d.createdAt), now, rangeDays),
    answeredWithoutPerson: { count: answered, share: share(answered, total) },
    handoffs: { count: handedOff, share: share(handedOff, total) },
    basicMode: { count: basic, share: share(basic, total) },
    topTopics: topics
      .map((t) => ({ topic: t.topic ?? "other", count: t._count._all }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, 10),
    ordersAskedAbout,
  };
}
