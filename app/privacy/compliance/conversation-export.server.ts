// The shopper's own export of one conversation (GET /conversations/:id/export): what is
// stored for that conversation and nothing of any other — its messages (read through
// the one message-body decoder), its consent record, the order a guest verified on it,
// the "talk to a person" requests sent from it and the verification attempts made on
// it. Each table is read through its owner, filtered by shop and conversation id.
import type { ConversationExport } from "../../contracts/conversation-privacy";
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { findConversation } from "../../conversations/store/conversation-rows.server";
import { listMessagesForConversation } from "../../conversations/store/message-rows.server";
import { decodeMessageBody } from "../../conversations/store/message-body.server";
import { findLeadsForConversation } from "../../leads/lead-store.server";
import { findVerificationsForConversation } from "../../order-verification/order-verification-store.server";
import { exportedLead, UNDECODABLE_MESSAGE_MARKER } from "./customer-export.server";

export type { ConversationExport };

/** The export, or null when the conversation is not (or no longer) stored in this shop. */
export async function buildConversationExport(
  db: Database,
  vault: Vault,
  input: { shop: string; conversationId: string },
  now: Date,
): Promise<ConversationExport | null> {
  const { shop, conversationId } = input;
  const [conversation, messages, leads, verifications] = await Promise.all([
    findConversation(db, shop, conversationId),
    listMessagesForConversation(db, shop, conversationId),
    findLeadsForConversation(db, shop, conversationId),
    findVerificationsForConversation(db, shop, conversationId),
  ]);
  if (!conversation) return null;
  const open = (value: string | null) => (value ? vault.decrypt(value) : null);
  return {
    format: "privacy-shop-assistant/conversation-export",
    version: 1,
    shop,
    generatedAt: now.toISOString(),
    conversation: {
      id: conversation.id,
      startedAt: conversation.createdAt.toISOString(),
      lastMessageAt: conversation.lastMessageAt.toISOString(),
      locale: conversation.locale,
      outcome: conversation.outcome,
      consent: {
        state: conversation.consentState,
        at: conversation.consentAt?.toISOString() ?? null,
        noticeVersion: conversation.consentNoticeVersion,
      },
      verifiedOrder: conversation.verifiedOrderEnc
        ? { id: open(conversation.verifiedOrderEnc), at: conversation.verifiedAt?.toISOString() ?? null }
        : null,
    },
    messages: messages.map((m) => {
      const body = decodeMessageBody(vault, m);
      const role = m.role === "assistant" ? ("assistant" as const) : ("shopper" as const);
      const mode = m.mode === "basic" ? ("basic" as const) : ("ai" as const);
      const sentAt = m.createdAt.toISOString();
      return body.ok
        ? { role, text: body.text, cards: body.cards, mode, sentAt }
        : { role, text: UNDECODABLE_MESSAGE_MARKER, cards: [], mode, sentAt, undecodable: true as const };
    }),
    leads: leads.map((l) => exportedLead(vault, l)),
    orderVerifications: verifications.map((v) => ({ at: v.createdAt.toISOString(), success: v.success })),
  };
}
