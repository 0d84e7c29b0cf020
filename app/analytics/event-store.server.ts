// The ShopEvent table's owner: counted events for analytics and incident detection
// (no message text, no contact data). Every other module writes and reads events
// through these functions (scripts/check-table-owners.ts).
import { Prisma } from "@prisma/client";
import type { Vault } from "../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../infra/crypto/reencrypt.server";
import { chunks, inList, type DbClient, type PendingWrite } from "../infra/db/sql";
import { sortableId as newRowId } from "../infra/random-id";
import { sql, type SqlStatement } from "../infra/db/direct-sql.server";

export interface NewShopEvent {
  shop: string;
  /** "card_blocked" | "rate_limited" | "verify_failed" | "handoff" | "basic_mode" | "order_asked" | … */
  kind: string;
  /** Only the id of a conversation row that exists. */
  conversationId?: string | null;
  /** Defaults to the database's now(). */
  createdAt?: Date;
}

/** The insert of one event, not yet sent: await it, or batch it with the caller's other writes. */
export function shopEventWrite(db: DbClient, event: NewShopEvent): PendingWrite {
  const { shop, kind, conversationId, createdAt } = event;
  return db.shopEvent.create({ data: { id: newRowId(), shop, kind, conversationId, ...(createdAt ? { createdAt } : {}) } });
}

/** shopEventWrite as a statement for the chat turn's direct SQL (app/infra/db/direct-sql.server.ts). */
export function shopEventStatement(event: NewShopEvent & { createdAt: Date }): SqlStatement {
  return sql`INSERT INTO "ShopEvent" ("id", "shop", "kind", "conversationId", "createdAt")
    VALUES (${newRowId()}, ${event.shop}, ${event.kind}, ${event.conversationId ?? null}, ${event.createdAt})`;
}

export async function countShopEvents(db: DbClient, shop: string, filter: { kind?: string; since?: Date } = {}): Promise<number> {
  return db.shopEvent.count({
    where: { shop, ...(filter.since ? { createdAt: { gte: filter.since } } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
  });
}

/** Events per kind created within [from, to]. */
export async function countShopEventsByKind(db: DbClient, shop: string, from: Date, to: Date): Promise<{ kind: string; count: number }[]> {
  const rows = await db.shopEvent.groupBy({ by: ["kind"], where: { shop, createdAt: { gte: from, lte: to } }, _count: { _all: true } });
  return rows.map((row) => ({ kind: row.kind, count: row._count._all }));
}

/** Kind and time of the events of these kinds since `since` (incident detection). */
export async function listShopEventsSince(
  db: DbClient,
  shop: string,
  since: Date,
  kinds: string[],
): Promise<{ kind: string; createdAt: Date }[]> {
  return db.shopEvent.findMany({
    where: { shop, createdAt: { gte: since }, kind: { in: kinds } },
    select: { kind: true, createdAt: true },
  });
}

/** customers/redact: events keep their counts, only the link to these (deleted) conversations goes. One statement per chunk of ids. */
export async function unlinkEventsFromConversations(tx: DbClient, shop: string, conversationIds: string[]): Promise<number> {
  let unlinked = 0;
  for (const ids of chunks(conversationIds)) {
    unlinked += await tx.$executeRaw(
      Prisma.sql`UPDATE "ShopEvent" SET "conversationId" = NULL WHERE "shop" = ${shop} AND ${inList("conversationId", ids)}`,
    );
  }
  return unlinked;
}

/**
 * The shopper deletes their conversation: as customers/redact does, the events keep
 * their counts (a shopper cannot erase the shop's security record) and only the link to
 * the conversation goes. One statement.
 */
export function unlinkEventsForConversation(tx: DbClient, shop: string, conversationId: string): Promise<number> {
  return tx.$executeRaw(
    Prisma.sql`UPDATE "ShopEvent" SET "conversationId" = NULL WHERE "shop" = ${shop} AND "conversationId" = ${conversationId}`,
  );
}

/** Retention: the shop's events created before `cutoff`. */
export async function deleteShopEventsBefore(db: DbClient, shop: string, cutoff: Date): Promise<number> {
  return (await db.shopEvent.deleteMany({ where: { shop, createdAt: { lt: cutoff } } })).count;
}

/** shop/redact: every event of the shop. */
export async function deleteShopEvents(tx: DbClient, shop: string): Promise<number> {
  return (await tx.shopEvent.deleteMany({ where: { shop } })).count;
}

export function reencryptShopEvents(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("ShopEvent", db.shopEvent, vault, report, batchSize);
}
