// Conversations in the database: creation with a fresh id and secret token,
// ownership checks, and the transcript read back for the browser that owns it.
// Message bodies and cards are encrypted with the vault; the logged-in customer is
// kept only as a keyed hash.
import { z } from "zod";
import { directSqlOf, type Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import { hashConversationToken, newConversationId, newConversationToken, tokenMatches } from "./conversation-token";
import type { ConsentState } from "./storage-policy";
import { findTurnConversation, insertConversationWrite, type NewConversationRow } from "./store/conversation-rows.server";
import { latestTurnMessages } from "./store/message-rows.server";
import { decodeMessageBody } from "./store/message-body.server";

export interface OwnedConversation {
  id: string;
  shop: string;
  consentState: ConsentState;
  /** The order a guest verified on this conversation (decrypted Shopify order id), if any. */
  verifiedOrderId: string | null;
  outcome: string;
  tokensUsed: number;
}

import type { TranscriptMessage } from "../contracts/chat-events";
export type { TranscriptMessage };

export interface ConversationStoreDeps {
  db: Database;
  vault: Vault;
  now?: () => Date;
}

const consentStateSchema = z.enum(["pending", "accepted", "declined", "not_required"]).catch("pending");
const TRANSCRIPT_LIMIT = 200;
// base64url, as newConversationId makes them; nothing else is looked up.
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface NewConversationInput {
  shop: string;
  customerId: string | null;
  consentState: ConsentState;
  consentNoticeVersion?: number;
  locale?: string | null;
}

export type { NewConversationRow };

export interface PreparedConversation {
  id: string;
  /** Returned once, never stored (only its hash is). */
  token: string;
  conversation: OwnedConversation;
  row: NewConversationRow;
}

export function createConversationStore({ db, vault, now = () => new Date() }: ConversationStoreDeps) {
  function prepare(input: NewConversationInput): PreparedConversation {
    const id = newConversationId();
    const token = newConversationToken();
    const at = now();
    const row = {
      id,
      shop: input.shop,
      tokenHash: hashConversationToken(token),
      customerIdHash: input.customerId ? vault.hash("customer", input.customerId) : null,
      consentState: input.consentState,
      consentAt: input.consentState === "accepted" ? at : null,
      consentNoticeVersion: input.consentState === "accepted" ? (input.consentNoticeVersion ?? null) : null,
      locale: input.locale ?? null,
      createdAt: at,
      lastMessageAt: at,
    };
    const conversation: OwnedConversation = {
      id,
      shop: input.shop,
      consentState: input.consentState,
      verifiedOrderId: null,
      outcome: "open",
      tokensUsed: 0,
    };
    return { id, token, conversation, row };
  }

  return {
    /** Creates a conversation row; the token is returned once and never stored. */
    async create(input: NewConversationInput): Promise<{ id: string; token: string; conversation: OwnedConversation }> {
      const { row, ...created } = prepare(input);
      await insertConversationWrite(db, row);
      return created;
    },

    /** A new conversation's row, not yet written: for a caller that writes it in a transaction of its own. */
    prepare,

    /**
     * The conversation if `token` owns it in this shop, else null: unknown id, wrong
     * token, another shop, or (privacy on shared devices) a conversation that belongs
     * to a logged-in customer other than the one on this request.
     */
    async findOwned(shop: string, id: string, token: string, customerId: string | null = null): Promise<OwnedConversation | null> {
      // Filtered by shop in the query, like every read of shop data; the token is still
      // compared (in constant time) when no row matched.
      const row = CONVERSATION_ID.test(id) ? await findTurnConversation(directSqlOf(db), shop, id) : null;
      const owned = tokenMatches(token, row?.tokenHash ?? null);
      if (!row || !owned) return null;
      if (row.customerIdHash && (!customerId || vault.hash("customer", customerId) !== row.customerIdHash)) return null;
      return {
        id: row.id,
        shop: row.shop,
        consentState: consentStateSchema.parse(row.consentState),
        verifiedOrderId: row.verifiedOrderEnc ? vault.decrypt(row.verifiedOrderEnc) : null,
        outcome: row.outcome,
        tokensUsed: row.tokensUsed,
      };
    },

    /**
     * The stored (already redacted) messages, oldest first, decoded. A body that cannot
     * be decoded (its key is no longer configured) fails the read, as it always did: the
     * shopper's request gets the proxy's 503, never a half transcript.
     */
    async readTranscript(shop: string, conversationId: string): Promise<TranscriptMessage[]> {
      const rows = await latestTurnMessages(directSqlOf(db), shop, conversationId, TRANSCRIPT_LIMIT);
      return rows.reverse().map((row) => {
        const body = decodeMessageBody(vault, row);
        if (!body.ok) throw new Error(`a stored message cannot be decoded (${body.code})`);
        return {
          id: row.id,
          role: row.role === "assistant" ? "assistant" : "shopper",
          text: body.text,
          cards: body.cards,
          mode: row.mode === "basic" ? "basic" : "ai",
          createdAt: row.createdAt.toISOString(),
        };
      });
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
