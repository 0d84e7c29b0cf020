// What the app holds for this shop, told plainly: counts per kind, the oldest item
// against the retention period, encryption status (share of encrypted rows under the
// current key), compliance requests served, and where model traffic goes.
import { loadShopSettings } from "../../settings/shop-settings.server";
import { countConversations, countVerifiedOrders, oldestConversationAt } from "../../conversations/store/conversation-rows.server";
import { countMessages } from "../../conversations/store/message-rows.server";
import { countLeads, oldestLeadAt } from "../../leads/lead-store.server";
import { countOrderVerifications } from "../../order-verification/order-verification-store.server";
import { countKnowledgeEntries } from "../../knowledge/knowledge-store.server";
import { countAuditEvents } from "../../audit/audit-store.server";
import { countShopEvents } from "../../analytics/event-store.server";
import { countDataRequestExports, countDataRequestsByTopicAndStatus } from "../store/data-requests.server";
import type { ModelProviderInfo } from "../../settings/model-provider";
import type { Clock } from "../../infra/clock";
import type { Database } from "../../infra/admin-ports";

export interface HeldKind {
  kind:
    | "conversations"
    | "messages"
    | "leads"
    | "order_verifications"
    | "data_request_exports"
    | "knowledge_entries"
    | "audit_events"
    | "counted_events";
  count: number;
}

export interface OldestItem {
  kind: "conversation" | "lead";
  createdAt: Date | null;
  ageDays: number | null;
}

export interface EncryptionStatus {
  kind: string;
  total: number;
  currentKey: number;
  share: number;
}

export interface PrivacyDashboard {
  held: HeldKind[];
  retentionDays: number;
  oldest: OldestItem[];
  /** true when something is older than retention + 1 day (the purge runs daily). */
  retentionOverdue: boolean;
  currentKeyId: string;
  encryption: EncryptionStatus[];
  requests: { topic: string; status: string; count: number }[];
  provider: ModelProviderInfo;
  keepTranscripts: boolean;
}

const DAY = 86_400_000;

export async function loadPrivacyDashboard(
  deps: { db: Database; clock: Clock; currentKeyId: string; provider: (aiEnabled: boolean) => ModelProviderInfo },
  shop: string,
): Promise<PrivacyDashboard> {
  const { db, currentKeyId } = deps;
  const settings = await loadShopSettings(db, shop);
  const now = deps.clock.now().getTime();
  const current = { keyId: currentKeyId };
  const [conversations, messages, leads, verifications, exportsHeld, knowledge, audits, events] = await Promise.all([
    countConversations(db, shop),
    countMessages(db, shop),
    countLeads(db, shop),
    countOrderVerifications(db, shop),
    countDataRequestExports(db, shop),
    countKnowledgeEntries(db, shop),
    countAuditEvents(db, shop),
    countShopEvents(db, shop),
  ]);
  const [oldestConversation, oldestLead] = await Promise.all([oldestConversationAt(db, shop), oldestLeadAt(db, shop)]);
  const encryption = await Promise.all(
    [
      ["messages", () => countMessages(db, shop, current), messages] as const,
      ["leads", () => countLeads(db, shop, current), leads] as const,
      ["verified orders", () => countVerifiedOrders(db, shop, currentKeyId), () => countVerifiedOrders(db, shop, "any")] as const,
      ["data request exports", () => countDataRequestExports(db, shop, current), exportsHeld] as const,
    ].map(async ([kind, countCurrent, total]) => {
      const all = typeof total === "number" ? total : await total();
      const currentKey = await countCurrent();
      return { kind, total: all, currentKey, share: all === 0 ? 1 : currentKey / all };
    }),
  );
  const oldest: OldestItem[] = [
    { kind: "conversation", createdAt: oldestConversation },
    { kind: "lead", createdAt: oldestLead },
  ].map((o) => ({
    ...o,
    kind: o.kind as OldestItem["kind"],
    ageDays: o.createdAt ? Math.floor((now - o.createdAt.getTime()) / DAY) : null,
  }));
  const requests = await countDataRequestsByTopicAndStatus(db, shop);
  return {
    held: [
      { kind: "conversations", count: conversations },
      { kind: "messages", count: messages },
      { kind: "leads", count: leads },
      { kind: "order_verifications", count: verifications },
      { kind: "data_request_exports", count: exportsHeld },
      { kind: "knowledge_entries", count: knowledge },
      { kind: "audit_events", count: audits },
      { kind: "counted_events", count: events },
    ],
    retentionDays: settings.privacy.retentionDays,
    oldest,
    retentionOverdue: oldest.some((o) => o.ageDays !== null && o.ageDays > settings.privacy.retentionDays + 1),
    currentKeyId,
    encryption,
    requests: requests
      .map((r) => ({ topic: r.topic, status: r.status, count: r.count }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.status.localeCompare(b.status)),
    provider: deps.provider(settings.privacy.aiEnabled),
    keepTranscripts: settings.privacy.keepTranscripts,
  };
}
