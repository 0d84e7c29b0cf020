// The Home page's set-up checklist. Every item says what is true, from what the app
// itself can see (the embed: when the widget last reached the app proxy).
import { defaultShopSettings } from "../settings/settings-schema";
import { EMBED_BLOCK_HANDLE, EMBED_SEEN_WITHIN_DAYS, embedStatusFromWidgetSeen } from "./embed-status.server";
import type { ModelProviderInfo, ModelProviderReason } from "../settings/model-provider";
import { findShopRow } from "../settings/shop-settings.server";
import { countKnowledgeEntries } from "../knowledge/knowledge-store.server";
import { countConversations } from "../conversations/store/conversation-rows.server";
import type { Clock } from "../infra/clock";
import type { Database } from "../infra/admin-ports";

export type ChecklistState = "done" | "todo";

/**
 * What an item's line says, as a code and its numbers: the Home page words it in the
 * merchant's language ("home.detail.<code>"), times relative to now through Intl.
 */
export type ChecklistDetail =
  | { code: "embed.never_seen" | "embed.stale"; days: number }
  | { code: "embed.seen"; seenAt: Date }
  | { code: "privacy_notice.own" | "privacy_notice.default" }
  | { code: "retention.chosen" | "retention.default"; days: number }
  | { code: "knowledge.some"; count: number }
  | { code: "knowledge.none" | "test_conversation.done" | "test_conversation.none" };

export interface ChecklistItem {
  id: "embed" | "privacy_notice" | "retention" | "knowledge" | "test_conversation";
  state: ChecklistState;
  detail: ChecklistDetail;
}

export interface SetupChecklist {
  items: ChecklistItem[];
  /** The assistant's mode and why (a code; the provider's name, host and model for AI). */
  mode: { mode: "ai" | "basic" | "paused"; reason: ModelProviderReason | "paused"; provider: ModelProviderInfo };
  paused: boolean;
}

export async function loadSetupChecklist(
  deps: { db: Database; clock: Clock; provider: (aiEnabled: boolean) => ModelProviderInfo },
  shop: string,
): Promise<SetupChecklist> {
  const [row, knowledge, conversations] = await Promise.all([
    findShopRow(deps.db, shop),
    countKnowledgeEntries(deps.db, shop),
    countConversations(deps.db, shop),
  ]);
  const embed = embedStatusFromWidgetSeen(row?.widgetSeenAt, deps.clock.now());
  const raw = parseRaw(row?.settingsJson);
  const privacy = { ...defaultShopSettings.privacy, ...(raw.privacy ?? {}) } as typeof defaultShopSettings.privacy;
  const noticeWritten =
    typeof raw.privacy?.privacyNotice === "string" && privacy.privacyNotice !== defaultShopSettings.privacy.privacyNotice;
  const retentionChosen = raw.privacy !== undefined && "retentionDays" in raw.privacy;
  const provider = deps.provider(privacy.aiEnabled);
  const paused = row?.paused ?? false;
  return {
    paused,
    items: [
      {
        id: "embed",
        state: embed.state === "on" ? "done" : "todo",
        detail:
          embed.reason === "seen" && embed.lastSeenAt
            ? { code: "embed.seen", seenAt: embed.lastSeenAt }
            : { code: embed.reason === "stale" ? "embed.stale" : "embed.never_seen", days: EMBED_SEEN_WITHIN_DAYS },
      },
      {
        id: "privacy_notice",
        state: noticeWritten ? "done" : "todo",
        detail: { code: noticeWritten ? "privacy_notice.own" : "privacy_notice.default" },
      },
      {
        id: "retention",
        state: retentionChosen ? "done" : "todo",
        detail: { code: retentionChosen ? "retention.chosen" : "retention.default", days: privacy.retentionDays },
      },
      {
        id: "knowledge",
        state: knowledge > 0 ? "done" : "todo",
        detail: knowledge > 0 ? { code: "knowledge.some", count: knowledge } : { code: "knowledge.none" },
      },
      {
        id: "test_conversation",
        state: conversations > 0 ? "done" : "todo",
        detail: { code: conversations > 0 ? "test_conversation.done" : "test_conversation.none" },
      },
    ],
    mode: paused ? { mode: "paused", reason: "paused", provider } : { mode: provider.mode, reason: provider.reason, provider },
  };
}

function parseRaw(json: string | undefined): { privacy?: Record<string, unknown> } {
  try {
    const value = JSON.parse(json ?? "{}") as { privacy?: unknown };
    return value.privacy && typeof value.privacy === "object" ? { privacy: value.privacy as Record<string, unknown> } : {};
  } catch {
    return {};
  }
}

/** The theme-editor deep link that switches our app embed on. */
export function embedDeepLink(shop: string, apiKey: string): string {
  return `https://${shop}/admin/themes/current/editor?context=apps&activateAppId=${encodeURIComponent(apiKey)}/${EMBED_BLOCK_HANDLE}`;
}
