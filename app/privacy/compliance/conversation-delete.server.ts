// The shopper deletes their conversation (POST /conversations/:id/delete): as a
// customers/redact would for that one conversation, in one transaction — its messages,
// the leads sent from it, the verification attempts made on it and the conversation row
// go; analytics and security events keep their counts and lose the link to it; one
// audit event (actor "shopper") records the counts, never the conversation or its data.
// Each table through its owner's set-based ...ForConversation function.
import type { ConversationDeletedResponse } from "../../contracts/conversation-privacy";
import type { Database } from "../../infra/db/create-database.server";
import { auditEventRow, insertAuditEventSql } from "../../audit/audit-store.server";
import { deleteConversationById } from "../../conversations/store/conversation-rows.server";
import { deleteMessagesForConversation } from "../../conversations/store/message-rows.server";
import { unlinkEventsForConversation } from "../../analytics/event-store.server";
import { deleteLeadsForConversation } from "../../leads/lead-store.server";
import { deleteVerificationsForConversation } from "../../order-verification/order-verification-store.server";

export const SHOPPER_DELETE_ACTION = "conversation.deleted_by_shopper";

export type ConversationDeleteCounts = ConversationDeletedResponse["deleted"] & { eventsUnlinked: number };

/** Thrown inside the transaction when the row is already gone, so nothing it did is kept. */
class AlreadyGone extends Error {}

/** The counts, or null when the conversation was not (or no longer) stored in this shop: nothing changed. */
export async function deleteShopperConversation(
  db: Database,
  input: { shop: string; conversationId: string },
  now: Date,
): Promise<ConversationDeleteCounts | null> {
  const { shop, conversationId } = input;
  try {
    return await db.$transaction(
      async (tx) => {
        const counts: ConversationDeleteCounts = {
          conversations: 0,
          messages: await deleteMessagesForConversation(tx, shop, conversationId),
          leads: await deleteLeadsForConversation(tx, shop, conversationId),
          orderVerifications: await deleteVerificationsForConversation(tx, shop, conversationId),
          eventsUnlinked: await unlinkEventsForConversation(tx, shop, conversationId),
        };
        counts.conversations = await deleteConversationById(tx, shop, conversationId);
        // A concurrent delete got there first: roll back, answer as for an unknown id.
        if (counts.conversations === 0) throw new AlreadyGone();
        const { eventsUnlinked, ...deleted } = counts;
        await insertAuditEventSql(
          tx,
          auditEventRow({ shop, actor: "shopper", action: SHOPPER_DELETE_ACTION, detail: { deleted, eventsUnlinked } }, now),
        );
        return counts;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof AlreadyGone) return null;
    throw error;
  }
}
