// The assistant's TranscriptStore port (app/assistant/ports.ts), on the database's
// direct SQL with group commit (app/infra/db/direct-sql.server.ts): a turn's writes
// commit together with those of other turns in flight, each acknowledged after its commit.
// It obeys the StoragePolicy decided for the turn: with nothing allowed it stores
// nothing and still hands back message ids, so the turn runs the same either way.
// Text arrives redacted by the assistant; card numbers are redacted once more here
// because this is the last step before disk.
import { directSqlOf, type Database } from "../infra/db/create-database.server";
import type { SqlStatement } from "../infra/db/direct-sql.server";
import type { Vault } from "../infra/crypto/crypto.server";
import { redactCardNumbers } from "../infra/text/redact-text";
import type { TranscriptStore } from "../assistant/ports";
import type { NewConversationRow } from "./conversation-store.server";
import { insertConversationStatement, recordTurnStatement } from "./store/conversation-rows.server";
import { insertMessageStatement } from "./store/message-rows.server";
import { shopEventStatement } from "../analytics/event-store.server";
import { newRowId } from "./conversation-token";
import type { StoragePolicy } from "./storage-policy";

export interface TranscriptStoreDeps {
  db: Database;
  vault: Vault;
  policy: StoragePolicy;
  now?: () => Date;
  /**
   * The conversation's outcome when the turn started, if known. An outcome only ever
   * moves away from "open" (to "answered" or "handed_off"), so when it was not "open"
   * the conditional "open → answered" update would match no row and is left out: one
   * statement less on every later turn of a conversation.
   */
  outcomeAtStart?: string;
  /**
   * A conversation this turn opens, not yet written: its row goes into the same
   * transaction as the turn's first write (the shopper's message), one commit instead
   * of two, and no conversation is ever stored without its first message. onStored
   * runs once that commit is done (the route then tells the browser the id and token).
   */
  newConversation?: { row: NewConversationRow; onStored: () => void };
}

export function createTranscriptStore({
  db,
  vault,
  policy,
  now = () => new Date(),
  outcomeAtStart,
  newConversation,
}: TranscriptStoreDeps): TranscriptStore {
  const encrypt = (text: string) => vault.encrypt(redactCardNumbers(text));
  const direct = directSqlOf(db);
  let pending = policy.persistConversation ? newConversation : undefined;
  /** The pending conversation's insert, first in whatever transaction writes next. */
  const openingWrites = (): SqlStatement[] => (pending ? [insertConversationStatement(pending.row)] : []);
  const opened = () => {
    const stored = pending;
    pending = undefined;
    stored?.onStored();
  };
  return {
    async appendShopperMessage({ shop, conversationId, text }) {
      const messageId = newRowId();
      if (!policy.persistConversation) return { messageId };
      // One insert (with the conversation's, when this turn opens it); lastMessageAt
      // moves with the answer (appendAssistantMessage), a write less per turn.
      const writes = openingWrites();
      if (policy.persistMessages) {
        writes.push(
          insertMessageStatement({
            id: messageId,
            shop,
            conversationId,
            role: "shopper",
            bodyEnc: encrypt(text),
            keyId: vault.currentKeyId,
            createdAt: now(),
          }),
        );
      }
      await direct.write(writes);
      opened();
      return { messageId };
    },

    async appendAssistantMessage({ shop, conversationId, text, cards, mode, topic, tokensUsed }) {
      const messageId = newRowId();
      if (!policy.persistConversation) return { messageId };
      const at = now();
      const writes = openingWrites();
      if (policy.persistMessages) {
        writes.push(
          insertMessageStatement({
            id: messageId,
            shop,
            conversationId,
            role: "assistant",
            bodyEnc: encrypt(text),
            cardsEnc: cards.length > 0 ? vault.encrypt(JSON.stringify(cards)) : null,
            keyId: vault.currentKeyId,
            mode,
            topic,
            createdAt: at,
          }),
        );
      }
      // "answered" only replaces "open" (a handoff stays a handoff), in the same UPDATE.
      const markAnswered = outcomeAtStart === undefined || outcomeAtStart === "open";
      writes.push(recordTurnStatement({ shop, conversationId, at, tokensUsed, basicMode: mode === "basic", markAnswered }));
      await direct.write(writes);
      opened();
      return { messageId };
    },

    async recordEvent({ shop, conversationId, kind }) {
      if (!policy.persistConversation) return;
      await direct.write([...openingWrites(), shopEventStatement({ shop, kind, conversationId, createdAt: now() })]);
      opened();
    },
  };
}
