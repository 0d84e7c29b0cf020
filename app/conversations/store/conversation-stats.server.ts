// The Analytics page's reads of conversations and messages (the ConversationStats the
// page takes, app/analytics/analytics.server.ts), from their owner.
import type { DbClient } from "../../infra/db/sql";
import { countConversations, countConversationsByOutcome, listConversationStartTimes } from "./conversation-rows.server";
import { countMessagesByTopic } from "./message-rows.server";

export const conversationStats = {
  startTimes: listConversationStartTimes,
  countByOutcome: countConversationsByOutcome,
  countBasicMode: (db: DbClient, shop: string, since: Date) => countConversations(db, shop, { since, basicMode: true }),
  countMessagesByTopic,
};
