// The Message table's owner (with conversation-rows.server.ts): every read and write
// of a message row goes through these functions (scripts/check-table-owners.ts).
// Bodies are read back with decodeMessageBody (message-body.server.ts), never decrypted
// by hand.
import { Prisma } from "@prisma/client";
import type { Vault } from "../../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../../infra/crypto/reencrypt.server";
import type { DbClient, PendingWrite } from "../../infra/db/sql";
import { sql, type DirectSql, type SqlStatement } from "../../infra/db/direct-sql.server";

// ---- The chat turn's hot path: direct SQL (app/infra/db/direct-sql.server.ts) ----

export interface TurnMessageRow {
  id: string;
  shop: string;
  conversationId: string;
  role: string;
  bodyEnc: string;
  cardsEnc: string | null;
  keyId: string;
  mode: string;
  topic: string | null;
  createdAt: Date;
}

export function insertMessageStatement(row: Omit<TurnMessageRow, "cardsEnc" | "mode" | "topic"> & Partial<TurnMessageRow>): SqlStatement {
  return sql`INSERT INTO "Message" ("id", "shop", "conversationId", "role", "bodyEnc", "cardsEnc", "keyId", "mode", "topic", "createdAt")
    VALUES (${row.id}, ${row.shop}, ${row.conversationId}, ${row.role}, ${row.bodyEnc}, ${row.cardsEnc ?? null}, ${row.keyId},
      ${row.mode ?? "ai"}, ${row.topic ?? null}, ${row.createdAt})`;
}

/** The newest `limit` messages of a conversation, newest first (the chat turn's direct SQL). */
export async function latestTurnMessages(
  direct: DirectSql,
  shop: string,
  conversationId: string,
  limit: number,
): Promise<TurnMessageRow[]> {
  const rows = await direct.query(
    sql`SELECT "id", "shop", "conversationId", "role", "bodyEnc", "cardsEnc", "keyId", "mode", "topic", "createdAt" FROM "Message"
        WHERE "shop" = ${shop} AND "conversationId" = ${conversationId} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`,
  );
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt as string | Date) }) as TurnMessageRow);
}

/** Every message of one conversation, oldest first (the shopper's own export). */
export function listMessagesForConversation(db: DbClient, shop: string, conversationId: string) {
  return db.message.findMany({ where: { shop, conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The shopper deletes their conversation: its messages, one statement (counted, not left to the cascade). */
export function deleteMessagesForConversation(tx: DbClient, shop: string, conversationId: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`DELETE FROM "Message" WHERE "shop" = ${shop} AND "conversationId" = ${conversationId}`);
}

/** Declined consent: the conversation's messages go. */
export function deleteConversationMessagesWrite(db: DbClient, shop: string, conversationId: string): PendingWrite {
  return db.message.deleteMany({ where: { conversationId, shop } });
}

/** Messages of the shop, optionally created within [from, to] or encrypted under one key. */
export function countMessages(db: DbClient, shop: string, filter: { from?: Date; to?: Date; keyId?: string } = {}): Promise<number> {
  const createdAt =
    filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {};
  return db.message.count({ where: { shop, ...createdAt, ...(filter.keyId ? { keyId: filter.keyId } : {}) } });
}

/** Messages per topic label since `since` (never message text). */
export async function countMessagesByTopic(db: DbClient, shop: string, since: Date): Promise<{ topic: string | null; count: number }[]> {
  const rows = await db.message.groupBy({
    by: ["topic"],
    where: { shop, createdAt: { gte: since }, topic: { not: null } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ topic: row.topic, count: row._count._all }));
}

/**
 * Retention: messages older than `cutoff`, and every message of a conversation whose
 * last message is older (a conversation's age is its last message, so an active chat
 * never vanishes mid-way; single old messages inside a long conversation still go).
 */
export async function deleteExpiredMessages(db: DbClient, shop: string, cutoff: Date): Promise<number> {
  const oldConversations = { shop, lastMessageAt: { lt: cutoff } };
  return (await db.message.deleteMany({ where: { shop, OR: [{ createdAt: { lt: cutoff } }, { conversation: oldConversations }] } })).count;
}

/** shop/redact: every message of the shop. */
export async function deleteShopMessages(tx: DbClient, shop: string): Promise<number> {
  return (await tx.message.deleteMany({ where: { shop } })).count;
}

export function reencryptMessages(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("Message", db.message, vault, report, batchSize);
}
