// What a time window touched: conversations and shoppers (hashed ids only, never
// contact data) and counts per kind of data, to decide whom to notify.
import type { Database } from "../infra/admin-ports";
import { LISTED_IDS_LIMIT } from "./incidents.server";
import { listConversationsActiveIn } from "../conversations/store/conversation-rows.server";
import { countMessages } from "../conversations/store/message-rows.server";
import { listLeadHashesCreatedIn } from "../leads/lead-store.server";
import { listVerificationsCreatedIn } from "../order-verification/order-verification-store.server";
import { countShopEventsByKind } from "../analytics/event-store.server";
import { countStaffActions } from "../audit/audit-store.server";

export interface WindowAssessment {
  from: Date;
  to: Date;
  conversations: { count: number; ids: string[] };
  /** Keyed hashes (customer id, email, phone) of shoppers whose data the window touched. */
  shoppers: { count: number; hashes: { kind: "customer" | "email" | "phone"; hash: string }[] };
  /** Counts per kind of data, as codes the page words ("incidents.data.<kind>"; events "event.<kind>"). */
  dataKinds: { kind: string; count: number }[];
  staffActions: { action: string; actor: string; count: number }[];
}

const uniq = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];

export async function assessWindow(db: Database, shop: string, window: { from: Date; to: Date }): Promise<WindowAssessment> {
  const { from, to } = window;
  const [conversations, messages, leads, verifications, events, audits] = await Promise.all([
    listConversationsActiveIn(db, shop, from, to),
    countMessages(db, shop, { from, to }),
    listLeadHashesCreatedIn(db, shop, from, to),
    listVerificationsCreatedIn(db, shop, from, to),
    countShopEventsByKind(db, shop, from, to),
    countStaffActions(db, shop, from, to),
  ]);
  const customerHashes = uniq([...conversations.map((c) => c.customerIdHash), ...leads.map((l) => l.customerIdHash)]);
  const emailHashes = uniq([
    ...conversations.map((c) => c.verifiedEmailHash),
    ...leads.map((l) => l.emailHash),
    ...verifications.map((v) => v.emailHash),
  ]);
  const phoneHashes = uniq(leads.map((l) => l.phoneHash));
  const hashes = [
    ...customerHashes.map((hash) => ({ kind: "customer" as const, hash })),
    ...emailHashes.map((hash) => ({ kind: "email" as const, hash })),
    ...phoneHashes.map((hash) => ({ kind: "phone" as const, hash })),
  ];
  return {
    from,
    to,
    conversations: { count: conversations.length, ids: conversations.slice(0, LISTED_IDS_LIMIT).map((c) => c.id) },
    shoppers: { count: hashes.length, hashes: hashes.slice(0, LISTED_IDS_LIMIT) },
    dataKinds: [
      { kind: "messages", count: messages },
      { kind: "leads", count: leads.length },
      { kind: "verifications_failed", count: verifications.filter((v) => !v.success).length },
      { kind: "verifications_succeeded", count: verifications.filter((v) => v.success).length },
      ...events.map((e) => ({ kind: `event.${e.kind}`, count: e.count })),
    ].filter((k) => k.count > 0),
    staffActions: audits.map((a) => ({ action: a.action, actor: a.actor, count: a.count })).sort((a, b) => b.count - a.count),
  };
}
