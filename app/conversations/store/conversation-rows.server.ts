// The Conversation table's owner (with message-rows.server.ts for Message): every read
// and write of a conversation row in the app goes through these functions
// (scripts/check-table-owners.ts). Callers that write several tables in one commit
// take the *Write functions' pending statements into their own db.$transaction([...]).
import { Prisma } from "@prisma/client";
import type { Vault } from "../../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../../infra/crypto/reencrypt.server";
import { anyOf, chunks, equals, inList, within, type DbClient, type PendingWrite, type Sql } from "../../infra/db/sql";
import { keysetOrder, keysetWhere, type CursorPosition, type PageDirection } from "../../infra/http/cursor";

import { sql, type DirectSql, type SqlStatement, type SqlValue } from "../../infra/db/direct-sql.server";

/** A new conversation as the chat turn writes it (the other columns take their defaults). */
export interface NewConversationRow {
  id: string;
  shop: string;
  tokenHash: string;
  customerIdHash: string | null;
  consentState: string;
  consentAt: Date | null;
  consentNoticeVersion: number | null;
  locale: string | null;
  createdAt: Date;
  lastMessageAt: Date;
}

export function insertConversationWrite(db: DbClient, row: NewConversationRow): PendingWrite {
  return db.conversation.create({ data: row });
}

/** The row, if it exists in this shop. */
export function findConversation(db: DbClient, shop: string, id: string) {
  return db.conversation.findFirst({ where: { id, shop } });
}

// ---- The chat turn's hot path: direct SQL (app/infra/db/direct-sql.server.ts) ----

/** What a chat turn reads of its conversation. */
export interface TurnConversationRow {
  id: string;
  shop: string;
  tokenHash: string;
  customerIdHash: string | null;
  verifiedOrderEnc: string | null;
  consentState: string;
  outcome: string;
  tokensUsed: number;
}

/** findConversation's row for the chat turn, through direct SQL. */
export async function findTurnConversation(direct: DirectSql, shop: string, id: string): Promise<TurnConversationRow | null> {
  const [row] = await direct.query(
    sql`SELECT "id", "shop", "tokenHash", "customerIdHash", "verifiedOrderEnc", "consentState", "outcome", "tokensUsed"
        FROM "Conversation" WHERE "id" = ${id} AND "shop" = ${shop}`,
  );
  return row ? ({ ...row, tokensUsed: Number(row.tokensUsed) } as TurnConversationRow) : null;
}

export function insertConversationStatement(row: NewConversationRow): SqlStatement {
  return sql`INSERT INTO "Conversation" ("id", "shop", "tokenHash", "customerIdHash", "consentState", "consentAt", "consentNoticeVersion",
      "locale", "outcome", "basicMode", "tokensUsed", "turnCount", "createdAt", "lastMessageAt")
    VALUES (${row.id}, ${row.shop}, ${row.tokenHash}, ${row.customerIdHash}, ${row.consentState}, ${row.consentAt}, ${row.consentNoticeVersion},
      ${row.locale}, ${"open"}, ${false}, ${0}, ${0}, ${row.createdAt}, ${row.lastMessageAt})`;
}

/**
 * An answered turn, one statement for the turn's direct SQL: last message time, turn and
 * token counters, basic mode once a turn used it; with `markAnswered`, the
 * same UPDATE moves the outcome from "open" to "answered" (a handoff stays a handoff).
 */
export function recordTurnStatement(turn: {
  shop: string;
  conversationId: string;
  at: Date;
  tokensUsed: number;
  basicMode: boolean;
  markAnswered: boolean;
}): SqlStatement {
  const tokens = Math.max(0, Math.round(turn.tokensUsed));
  const sets = ['"lastMessageAt" = ?', '"turnCount" = "turnCount" + 1', '"tokensUsed" = "tokensUsed" + ?'];
  const args: SqlValue[] = [turn.at, tokens];
  if (turn.basicMode) {
    sets.push('"basicMode" = ?');
    args.push(true);
  }
  if (turn.markAnswered) {
    sets.push(`"outcome" = CASE WHEN "outcome" = ? THEN ? ELSE "outcome" END`);
    args.push("open", "answered");
  }
  return {
    sql: `UPDATE "Conversation" SET ${sets.join(", ")} WHERE "id" = ? AND "shop" = ?`,
    args: [...args, turn.conversationId, turn.shop],
  };
}

export function markHandedOffWrite(db: DbClient, shop: string, conversationId: string): PendingWrite {
  return db.conversation.updateMany({ where: { id: conversationId, shop }, data: { outcome: "handed_off" } });
}

export function consentWrite(
  db: DbClient,
  shop: string,
  conversationId: string,
  consent: { consentState: string; consentAt: Date; consentNoticeVersion: number },
): PendingWrite {
  return db.conversation.updateMany({ where: { id: conversationId, shop }, data: consent });
}

/** Binds the one order a guest verified to the conversation (encrypted id, keyed hashes). */
export function verifiedOrderWrite(
  db: DbClient,
  conversationId: string,
  data: { verifiedOrderEnc: string; verifiedOrderHash: string; verifiedEmailHash: string; verifiedAt: Date; keyId: string },
): PendingWrite {
  return db.conversation.update({ where: { id: conversationId }, data });
}

export type ConversationOutcomeFilter = "all" | "answered" | "handed_off" | "basic";

function outcomeWhere(outcome: ConversationOutcomeFilter) {
  if (outcome === "answered") return { outcome: "answered" };
  if (outcome === "handed_off") return { outcome: "handed_off" };
  if (outcome === "basic") return { basicMode: true };
  return {};
}

/** One keyset page of the admin's inbox (take rows in `direction` from `position`). */
export function findConversationPage(
  db: DbClient,
  shop: string,
  query: {
    createdAt?: { gte?: Date; lt?: Date };
    outcome: ConversationOutcomeFilter;
    position: CursorPosition | null;
    direction: PageDirection;
    take: number;
  },
) {
  return db.conversation.findMany({
    where: {
      AND: [
        { shop },
        query.createdAt ? { createdAt: query.createdAt } : {},
        outcomeWhere(query.outcome),
        keysetWhere(query.position, query.direction),
      ],
    },
    orderBy: keysetOrder(query.direction),
    take: query.take,
    select: {
      id: true,
      createdAt: true,
      lastMessageAt: true,
      outcome: true,
      basicMode: true,
      turnCount: true,
      consentState: true,
      verifiedAt: true,
    },
  });
}

/** The conversation with every message, oldest first (the admin's transcript view). */
export function findConversationWithMessages(db: DbClient, shop: string, id: string) {
  return db.conversation.findFirst({
    where: { id, shop },
    include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
}

/** These conversations with their messages, oldest first (the customer data export). */
export async function findConversationsWithMessages(db: DbClient, shop: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.conversation.findMany({
    where: { shop, id: { in: ids } },
    include: { messages: { orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

export function countConversations(db: DbClient, shop: string, filter: { since?: Date; basicMode?: true } = {}): Promise<number> {
  return db.conversation.count({
    where: { shop, ...(filter.since ? { createdAt: { gte: filter.since } } : {}), ...(filter.basicMode ? { basicMode: true } : {}) },
  });
}

/** Conversations holding a verified order: all of them (`keyId: "any"`), or those encrypted under one key. */
export function countVerifiedOrders(db: DbClient, shop: string, keyId: string | "any"): Promise<number> {
  return db.conversation.count({
    where: { shop, keyId: keyId === "any" ? { not: null } : keyId, verifiedOrderEnc: { not: null } },
  });
}

export async function oldestConversationAt(db: DbClient, shop: string): Promise<Date | null> {
  const row = await db.conversation.findFirst({ where: { shop }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

/** Start times of the conversations since `since` (analytics: conversations per day). */
export async function listConversationStartTimes(db: DbClient, shop: string, since: Date): Promise<Date[]> {
  const rows = await db.conversation.findMany({ where: { shop, createdAt: { gte: since } }, select: { createdAt: true } });
  return rows.map((row) => row.createdAt);
}

export async function countConversationsByOutcome(db: DbClient, shop: string, since: Date): Promise<{ outcome: string; count: number }[]> {
  const rows = await db.conversation.groupBy({ by: ["outcome"], where: { shop, createdAt: { gte: since } }, _count: { _all: true } });
  return rows.map((row) => ({ outcome: row.outcome, count: row._count._all }));
}

/** Conversations open at some point of [from, to], newest first, with their hashed owners (incident assessment). */
export function listConversationsActiveIn(db: DbClient, shop: string, from: Date, to: Date) {
  return db.conversation.findMany({
    where: { shop, createdAt: { lte: to }, lastMessageAt: { gte: from } },
    select: { id: true, customerIdHash: true, verifiedEmailHash: true },
    orderBy: { createdAt: "desc" },
  });
}

/** Retention: conversations whose last message is older than `cutoff` (their messages go by cascade). */
export async function deleteConversationsInactiveSince(db: DbClient, shop: string, cutoff: Date): Promise<number> {
  return (await db.conversation.deleteMany({ where: { shop, lastMessageAt: { lt: cutoff } } })).count;
}

/** How a customer is recognised on a conversation (keyed hashes only). */
export interface ConversationOwnerKeys {
  customerIdHash?: string;
  emailHash?: string;
  orderHashes: string[];
}

/**
 * The customer's conversations with how many messages each holds: owned while logged
 * in, verified with their email or one of the named orders, or (`alsoIdsIn`, a
 * subquery selecting conversation ids, e.g. the leads' owner's) reached another way.
 * One query, every branch on an index.
 */
export async function findCustomerConversations(
  db: DbClient,
  shop: string,
  keys: ConversationOwnerKeys,
  alsoIdsIn?: Sql,
): Promise<Array<{ id: string; messages: number }>> {
  const owned = [
    ...equals("customerIdHash", keys.customerIdHash),
    ...equals("verifiedEmailHash", keys.emailHash),
    ...within("verifiedOrderHash", keys.orderHashes),
  ];
  const others = alsoIdsIn ? [Prisma.sql`"id" IN (${alsoIdsIn})`] : [];
  const rows = await db.$queryRaw<Array<{ id: string; messages: number | bigint }>>(Prisma.sql`
    SELECT c."id" AS "id", (SELECT COUNT(*) FROM "Message" m WHERE m."conversationId" = c."id") AS "messages"
    FROM "Conversation" c
    WHERE c."shop" = ${shop} AND ${anyOf([...owned, ...others])}`);
  return rows.map((row) => ({ id: row.id, messages: Number(row.messages) }));
}

/**
 * customers/redact: deletes these conversations, one statement per chunk of ids. Their
 * messages go with them: onDelete: Cascade in the schema, enforced by both databases
 * (libSQL switches SQLite's foreign keys on); the tests check it.
 */
export async function deleteConversationsByIds(tx: DbClient, shop: string, ids: string[]): Promise<number> {
  let deleted = 0;
  for (const part of chunks(ids)) {
    deleted += await tx.$executeRaw(Prisma.sql`DELETE FROM "Conversation" WHERE "shop" = ${shop} AND ${inList("id", part)}`);
  }
  return deleted;
}

/** The shopper deletes their conversation: the one row (0 when it is already gone). */
export function deleteConversationById(tx: DbClient, shop: string, conversationId: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`DELETE FROM "Conversation" WHERE "shop" = ${shop} AND "id" = ${conversationId}`);
}

/** shop/redact: every conversation of the shop (delete its messages first to count them). */
export async function deleteShopConversations(tx: DbClient, shop: string): Promise<number> {
  return (await tx.conversation.deleteMany({ where: { shop } })).count;
}

export function reencryptConversations(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("Conversation", db.conversation, vault, report, batchSize);
}
