// The DataRequest table's owner: the compliance webhooks received (customers/data_request,
// customers/redact, shop/redact), their status, counts and the encrypted export. Every
// read and write of the table goes through these functions (scripts/check-table-owners.ts).
import { Prisma } from "@prisma/client";
import type { Vault } from "../../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../../infra/crypto/reencrypt.server";
import { anyOf, equals, type DbClient, type PendingWrite } from "../../infra/db/sql";

export type NewDataRequestRow = Parameters<DbClient["dataRequest"]["create"]>[0]["data"];

export function insertDataRequestWrite(db: DbClient, row: NewDataRequestRow): PendingWrite {
  return db.dataRequest.create({ data: row });
}

export async function markDataRequestProcessing(db: DbClient, shop: string, id: string): Promise<void> {
  await db.dataRequest.updateMany({ where: { id, shop }, data: { status: "processing" } });
}

/** Stores a finished export on its request; false when the row is gone (the shop was redacted meanwhile). */
export async function storeDataRequestExport(
  db: DbClient,
  shop: string,
  id: string,
  done: { exportEnc: string; exportExpiresAt: Date; keyId: string; summaryJson: string; completedAt: Date },
): Promise<boolean> {
  const stored = await db.dataRequest.updateMany({ where: { id, shop }, data: { status: "done", ...done } });
  return stored.count > 0;
}

/** A customers/data_request row of this shop, with its export (the admin's download). */
export function findDataRequestExport(db: DbClient, shop: string, id: string) {
  return db.dataRequest.findFirst({ where: { id, shop, topic: "customers/data_request" } });
}

/** The newest `limit` requests of the shop (the admin's list; the export itself is not read out). */
export function listDataRequestRows(db: DbClient, shop: string, limit: number) {
  return db.dataRequest.findMany({
    where: { shop },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      topic: true,
      status: true,
      receivedAt: true,
      completedAt: true,
      summaryJson: true,
      exportExpiresAt: true,
      exportEnc: true,
    },
  });
}

/** Exports held, or those encrypted under one key. */
export function countDataRequestExports(db: DbClient, shop: string, filter: { keyId?: string } = {}): Promise<number> {
  return db.dataRequest.count({ where: { shop, ...(filter.keyId ? { keyId: filter.keyId } : {}), exportEnc: { not: null } } });
}

export async function countDataRequestsByTopicAndStatus(
  db: DbClient,
  shop: string,
): Promise<{ topic: string; status: string; count: number }[]> {
  const rows = await db.dataRequest.groupBy({ by: ["topic", "status"], where: { shop }, _count: { _all: true } });
  return rows.map((row) => ({ topic: row.topic, status: row.status, count: row._count._all }));
}

/** How a customer is recognised on a data request (keyed hashes only). */
export interface DataRequestOwnerKeys {
  customerIdHash?: string;
  emailHash?: string;
  phoneHash?: string;
}

/** Earlier data requests of this customer (an SQL condition on "DataRequest"). */
export const dataRequestByCustomer = (keys: DataRequestOwnerKeys) =>
  anyOf([...equals("customerIdHash", keys.customerIdHash), ...equals("emailHash", keys.emailHash), ...equals("phoneHash", keys.phoneHash)]);

/**
 * customers/redact: earlier data requests of this customer lose their export and the
 * hashes that point at them. One statement; returns how many rows it cleared.
 */
export async function clearCustomerDataRequests(tx: DbClient, shop: string, keys: DataRequestOwnerKeys): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    UPDATE "DataRequest" SET "customerIdHash" = NULL, "emailHash" = NULL, "phoneHash" = NULL, "exportEnc" = NULL, "exportExpiresAt" = NULL
    WHERE "shop" = ${shop} AND ${dataRequestByCustomer(keys)}`);
}

/**
 * Marks a request done with its counts (no personal data), in the caller's transaction.
 * One statement. A request already done keeps its counts: a job run again after a crash
 * finds nothing left to delete and must not overwrite what the first run reported.
 */
export async function completeDataRequest(tx: DbClient, shop: string, id: string, summary: object, now: Date): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE "DataRequest" SET "status" = 'done', "summaryJson" = ${JSON.stringify(summary)}, "completedAt" = ${now}
    WHERE "id" = ${id} AND "shop" = ${shop} AND "status" <> 'done'`);
}

/** Retention: exports past their expiry lose their content (every shop, also shops without a Shop row any more). */
export async function expireDataRequestExports(db: DbClient, now: Date): Promise<number> {
  return (
    await db.dataRequest.updateMany({ where: { exportEnc: { not: null }, exportExpiresAt: { lte: now } }, data: { exportEnc: null } })
  ).count;
}

/** shop/redact: every request of the shop. */
export async function deleteShopDataRequests(tx: DbClient, shop: string): Promise<number> {
  return (await tx.dataRequest.deleteMany({ where: { shop } })).count;
}

export function reencryptDataRequests(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("DataRequest", db.dataRequest, vault, report, batchSize);
}
