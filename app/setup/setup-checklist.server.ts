// The Home page's set-up checklist. Every item says what is true, from what the app
// itself can see (the embed: when the widget last reached the app proxy).
import { defaultShopSettings } from "../settings/settings-schema";
import { EMBED_BLOCK_HANDLE, embedStatusFromWidgetSeen } from "./embed-status.server";
import type { ModelProviderInfo } from "../settings/model-provider";
import { findShopRow } from "../settings/shop-settings.server";
import { countKnowledgeEntries } from "../knowledge/knowledge-store.server";
import { countConversations } from "../conversations/store/conversation-rows.server";
import type { Clock } from "../infra/clock";
import type { Database } from "../infra/admin-ports";

export type ChecklistState = "done" | "todo";

export interface ChecklistItem {
  id: "embed" | "privacy_notice" | "retention" | "knowledge" | "test_conversation";
  state: ChecklistState;
  detail: string;
}

export interface SetupChecklist {
  items: ChecklistItem[];
  mode: { mode: "ai" | "basic" | "paused"; reason: string };
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
      { id: "embed", state: embed.state === "on" ? "done" : "todo", detail: embed.reason },
      {
        id: "privacy_notice",
        state: noticeWritten ? "done" : "todo",
        detail: noticeWritten
          ? "Your own privacy notice is shown to shoppers."
          : "Shoppers see our default notice; write one that matches your privacy policy.",
      },
      {
        id: "retention",
        state: retentionChosen ? "done" : "todo",
        detail: retentionChosen
          ? `Conversations and leads are deleted after ${privacy.retentionDays} days.`
          : `Using the default of ${privacy.retentionDays} days until you choose.`,
      },
      {
        id: "knowledge",
        state: knowledge > 0 ? "done" : "todo",
        detail: knowledge > 0 ? `${knowledge} knowledge entries (FAQ and policies).` : "Add FAQ answers or pull your store policies.",
      },
      {
        id: "test_conversation",
        state: conversations > 0 ? "done" : "todo",
        detail:
          conversations > 0 ? "The assistant has had at least one conversation." : "Open your storefront and ask the assistant a question.",
      },
    ],
    mode: paused
      ? { mode: "paused", reason: "The assistant is paused for an incident: it stores nothing and exports are disabled." }
      : { mode: provider.mode, reason: provider.reason },
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
