// The shopper's answer to the privacy notice. Accepting records the notice version
// and time on the conversation (creating it when the widget asks before the first
// message, which is the normal flow when consent is required). Declining stores
// nothing new: with no conversation yet nothing is written at all; on an existing
// conversation its messages are deleted and the declined state is kept, so later
// turns store nothing either.
import type { Database } from "../infra/db/create-database.server";
import type { ShopState } from "../settings/shop-settings.server";
import type { ConversationStore, OwnedConversation } from "./conversation-store.server";
import { consentWrite } from "./store/conversation-rows.server";
import { deleteConversationMessagesWrite } from "./store/message-rows.server";

export interface ConsentInput {
  shop: ShopState;
  /** The owned conversation, or null to start one with this answer. */
  conversation: OwnedConversation | null;
  customerId: string | null;
  accepted: boolean;
  locale?: string | null;
}

export interface ConsentResult {
  consent: "accepted" | "declined";
  /** Set only when this call created the conversation (the token is shown once). */
  conversation: { id: string; token: string } | null;
  /** False when nothing could be kept (the shop paused storage). */
  stored: boolean;
}

export async function recordConsent(
  deps: { db: Database; conversations: ConversationStore; now?: () => Date },
  input: ConsentInput,
): Promise<ConsentResult> {
  const consent = input.accepted ? "accepted" : "declined";
  const at = (deps.now ?? (() => new Date()))();
  const noticeVersion = input.shop.settings.privacy.noticeVersion;
  if (input.shop.paused) return { consent, conversation: null, stored: false };

  if (!input.conversation) {
    if (!input.accepted) return { consent, conversation: null, stored: false };
    const { id, token } = await deps.conversations.create({
      shop: input.shop.shop,
      customerId: input.customerId,
      consentState: "accepted",
      consentNoticeVersion: noticeVersion,
      locale: input.locale ?? null,
    });
    return { consent, conversation: { id, token }, stored: true };
  }

  const shop = input.shop.shop;
  const data = { consentState: consent, consentAt: at, consentNoticeVersion: noticeVersion };
  if (input.accepted) {
    await consentWrite(deps.db, shop, input.conversation.id, data);
  } else {
    await deps.db.$transaction([
      deleteConversationMessagesWrite(deps.db, shop, input.conversation.id),
      consentWrite(deps.db, shop, input.conversation.id, data),
    ]);
  }
  return { consent, conversation: null, stored: true };
}
