// The OrderVerification table's owner: every guest order-verification attempt (hashes
// only), for rate limits, incident review and export. Every read and write of the
// table goes through these functions (scripts/check-table-owners.ts).
import { Prisma } from "@prisma/client";
import type { Vault } from "../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../infra/crypto/reencrypt.server";
import { anyOf, chunks, equals, inList, within, type DbClient, type PendingWrite } from "../infra/db/sql";

export type NewOrderVerificationRow = Parameters<DbClient["orderVerification"]["create"]>[0]["data"];

export function insertOrderVerificationWrite(db: DbClient, row: NewOrderVerificationRow): PendingWrite {
  return db.orderVerification.create({ data: row });
}

export function countOrderVerifications(db: DbClient, shop: string): Promise<number> {
  return db.orderVerification.count({ where: { shop } });
}

/** Email hash and outcome of the attempts within [from, to] (incident assessment). */
export function listVerificationsCreatedIn(db: DbClient, shop: string, from: Date, to: Date) {
  return db.orderVerification.findMany({ where: { shop, createdAt: { gte: from, lte: to } }, select: { emailHash: true, success: true } });
}

/** These attempts, oldest first (the customer data export). */
export async function findOrderVerificationsByIds(db: DbClient, shop: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.orderVerification.findMany({ where: { shop, id: { in: ids } }, orderBy: { createdAt: "asc" } });
}

/** How a customer is recognised on an attempt (keyed hashes only). */
export interface VerificationOwnerKeys {
  emailHash?: string;
  orderHashes: string[];
}

/** Attempts with the customer's email or one of their orders (an SQL condition on "OrderVerification"). */
export const verificationByCustomer = (keys: VerificationOwnerKeys) =>
  anyOf([...equals("emailHash", keys.emailHash), ...within("orderHash", keys.orderHashes)]);

/** Ids of the customer's attempts: by hash, or in one of their conversations. One query. */
export async function findCustomerVerificationIds(
  db: DbClient,
  shop: string,
  keys: VerificationOwnerKeys,
  conversationIds: string[],
): Promise<string[]> {
  const inConversations = chunks(conversationIds).map((ids) => inList("conversationId", ids));
  const rows = await db.$queryRaw<Array<{ id: string }>>(
    Prisma.sql`SELECT "id" FROM "OrderVerification" WHERE "shop" = ${shop} AND ${anyOf([verificationByCustomer(keys), ...inConversations])}`,
  );
  return rows.map((row) => row.id);
}

/**
 * customers/redact: deletes the customer's attempts, set-based: one statement per chunk
 * of their conversation ids, then one for the attempts matching their hashes.
 */
export async function deleteCustomerVerifications(
  tx: DbClient,
  shop: string,
  keys: VerificationOwnerKeys,
  conversationIds: string[],
): Promise<number> {
  let deleted = 0;
  for (const ids of chunks(conversationIds)) {
    deleted += await tx.$executeRaw(
      Prisma.sql`DELETE FROM "OrderVerification" WHERE "shop" = ${shop} AND ${inList("conversationId", ids)}`,
    );
  }
  deleted += await tx.$executeRaw(Prisma.sql`DELETE FROM "OrderVerification" WHERE "shop" = ${shop} AND ${verificationByCustomer(keys)}`);
  return deleted;
}

/** The attempts made on one conversation, oldest first (the shopper's own export). */
export function findVerificationsForConversation(db: DbClient, shop: string, conversationId: string) {
  return db.orderVerification.findMany({
    where: { shop, conversationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true, success: true },
  });
}

/** The shopper deletes their conversation: the attempts made on it, one statement. */
export function deleteVerificationsForConversation(tx: DbClient, shop: string, conversationId: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`DELETE FROM "OrderVerification" WHERE "shop" = ${shop} AND "conversationId" = ${conversationId}`);
}

/** Retention: the shop's attempts made before `cutoff`. */
export async function deleteVerificationsBefore(db: DbClient, shop: string, cutoff: Date): Promise<number> {
  return (await db.orderVerification.deleteMany({ where: { shop, createdAt: { lt: cutoff } } })).count;
}

/** shop/redact: every attempt of the shop. */
export async function deleteShopVerifications(tx: DbClient, shop: string): Promise<number> {
  return (await tx.orderVerification.deleteMany({ where: { shop } })).count;
}

export function reencryptOrderVerifications(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("OrderVerification", db.orderVerification, vault, report, batchSize);
}
