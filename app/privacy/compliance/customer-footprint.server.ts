// Finds what we hold about one customer in one shop, through keyed hashes only: the
// customer id (logged-in shoppers), email and phone (verified orders, leads) and the
// order ids Shopify names. The matching rules are written once, as SQL conditions,
// and shared by the data export and the redaction, so both see exactly the same rows.
//
// Why SQL and not Prisma's query builder: each builder operation costs about 2 ms of
// CPU (query compilation in the client engine), which made a customer redaction 3–4×
// slower than the statements themselves (bench/redact.ts). These are parameterised
// through Prisma.sql and use only syntax SQLite and PostgreSQL share. A query is always
// passed whole as one Prisma.sql object: the PostgreSQL client is generated separately
// and does not recognise this client's Sql fragments nested inside its own template.
import { Prisma } from "@prisma/client";
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import type { CustomerRef } from "./payloads";

export interface CustomerKeys {
  customerIdHash?: string;
  emailHash?: string;
  phoneHash?: string;
  orderHashes: string[];
}

export function customerKeys(vault: Vault, customer: CustomerRef, orderIds: string[] = []): CustomerKeys {
  return {
    customerIdHash: customer.id ? vault.hash("customer", customer.id) : undefined,
    emailHash: customer.email ? vault.hash("email", customer.email) : undefined,
    phoneHash: customer.phone ? vault.hash("phone", customer.phone) : undefined,
    orderHashes: [...new Set(orderIds.map((id) => vault.hash("order", id)))],
  };
}

/** Keeps every statement far below SQLite's and PostgreSQL's bound-parameter limits. */
const IN_CHUNK = 500;

export function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Sql = Prisma.Sql;
const column = (name: string) => Prisma.raw(`"${name}"`);
const equals = (name: string, value: string | undefined): Sql[] => (value ? [Prisma.sql`${column(name)} = ${value}`] : []);
const within = (name: string, values: string[]): Sql[] =>
  chunks(values).map((part) => Prisma.sql`${column(name)} IN (${Prisma.join(part)})`);

/** "(a OR b …)", or a condition no row meets when there is nothing to match. */
export function anyOf(conditions: Sql[]): Sql {
  return conditions.length ? Prisma.sql`(${Prisma.join(conditions, " OR ")})` : Prisma.sql`(1 = 0)`;
}

/** Leads carrying the customer's contact details or logged-in id. */
export const leadByCustomer = (keys: CustomerKeys) =>
  anyOf([...equals("emailHash", keys.emailHash), ...equals("phoneHash", keys.phoneHash), ...equals("customerIdHash", keys.customerIdHash)]);

/** Order-verification attempts with the customer's email or one of their orders. */
export const verificationByCustomer = (keys: CustomerKeys) => anyOf([...equals("emailHash", keys.emailHash), ...within("orderHash", keys.orderHashes)]);

/** Earlier data requests of this customer. */
export const dataRequestByCustomer = (keys: CustomerKeys) =>
  anyOf([...equals("customerIdHash", keys.customerIdHash), ...equals("emailHash", keys.emailHash), ...equals("phoneHash", keys.phoneHash)]);

export const inList = (name: string, ids: string[]) => Prisma.sql`${column(name)} IN (${Prisma.join(ids)})`;

type RawDb = Pick<Database, "$queryRaw">;

/**
 * The customer's conversations with how many messages each holds: owned while logged
 * in, verified with their email or one of the named orders, or the conversation a lead
 * with their contact details came from. One query, every branch on an index.
 */
export async function findCustomerConversations(db: RawDb, shop: string, keys: CustomerKeys): Promise<Array<{ id: string; messages: number }>> {
  const owned = [
    ...equals("customerIdHash", keys.customerIdHash),
    ...equals("verifiedEmailHash", keys.emailHash),
    ...within("verifiedOrderHash", keys.orderHashes),
  ];
  const viaLead = Prisma.sql`"id" IN (SELECT "conversationId" FROM "Lead" WHERE "shop" = ${shop} AND ${leadByCustomer(keys)} AND "conversationId" IS NOT NULL)`;
  const rows = await db.$queryRaw<Array<{ id: string; messages: number | bigint }>>(Prisma.sql`
    SELECT c."id" AS "id", (SELECT COUNT(*) FROM "Message" m WHERE m."conversationId" = c."id") AS "messages"
    FROM "Conversation" c
    WHERE c."shop" = ${shop} AND ${anyOf([...owned, viaLead])}`);
  return rows.map((row) => ({ id: row.id, messages: Number(row.messages) }));
}

export async function findCustomerConversationIds(db: RawDb, shop: string, keys: CustomerKeys): Promise<string[]> {
  return (await findCustomerConversations(db, shop, keys)).map((c) => c.id);
}

/** Ids of the customer's leads and order verifications (by hash, or in one of their conversations). */
export async function findCustomerRowIds(db: RawDb, shop: string, keys: CustomerKeys, conversationIds: string[]) {
  const inConversations = chunks(conversationIds).map((ids) => inList("conversationId", ids));
  const [leads, verifications] = [
    await db.$queryRaw<Array<{ id: string }>>(Prisma.sql`SELECT "id" FROM "Lead" WHERE "shop" = ${shop} AND ${anyOf([leadByCustomer(keys), ...inConversations])}`),
    await db.$queryRaw<Array<{ id: string }>>(Prisma.sql`SELECT "id" FROM "OrderVerification" WHERE "shop" = ${shop} AND ${anyOf([verificationByCustomer(keys), ...inConversations])}`),
  ];
  return { leadIds: leads.map((r) => r.id), verificationIds: verifications.map((r) => r.id) };
}
