// "Talk to a person": a handoff request with its own consent record. Only the fields
// the merchant switched on (settings.privacy.leadFields) are kept, each encrypted;
// email and phone also as keyed hashes so a customers/redact finds them.
import { MAX_LEAD_MESSAGE_LENGTH } from "../contracts/limits";
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import { redactCardNumbers } from "../infra/text/redact-text";
import type { ShopState } from "../settings/shop-settings.server";
import type { LeadField } from "../settings/settings-schema";
import { newRowId } from "../conversations/conversation-token";
import type { OwnedConversation } from "../conversations/conversation-store.server";
import { markHandedOffWrite } from "../conversations/store/conversation-rows.server";
import { shopEventWrite } from "../analytics/event-store.server";
import { reencryptTable, type RotationReport } from "../infra/crypto/reencrypt.server";
import { anyOf, chunks, equals, inList, type DbClient, type PendingWrite } from "../infra/db/sql";
import { keysetOrder, keysetWhere, type CursorPosition, type PageDirection } from "../infra/http/cursor";

export const leadContactSchema = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.union([z.email().max(254), z.literal("")]).optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d][\d\s().-]*$/, "must be a phone number")
    .or(z.literal(""))
    .optional(),
  message: z.string().trim().max(MAX_LEAD_MESSAGE_LENGTH).optional(),
});

export type LeadContact = z.infer<typeof leadContactSchema>;

export type LeadResult = { ok: true; leadId: string } | { ok: false; code: "BAD_REQUEST" | "FORBIDDEN"; message: string };

export interface LeadInput {
  shop: ShopState;
  conversation: OwnedConversation | null;
  customerId: string | null;
  contact: LeadContact;
}

/** The consent text stored with every lead: what the shopper agreed to, with the notice version. */
export function leadConsentText(noticeVersion: number): string {
  return `Agreed to be contacted about this request and to the privacy notice (version ${noticeVersion}).`;
}

export async function createLead(deps: { db: Database; vault: Vault; now?: () => Date }, input: LeadInput): Promise<LeadResult> {
  const { db, vault } = deps;
  if (input.shop.paused) return { ok: false, code: "FORBIDDEN", message: "Requests to talk to a person are paused right now." };
  const enabled = new Set<LeadField>(input.shop.settings.privacy.leadFields);
  const pick = (field: LeadField) => (enabled.has(field) && input.contact[field] ? input.contact[field] : null);
  const name = pick("name");
  const email = pick("email");
  const phone = pick("phone");
  const message = pick("message");
  if (enabled.has("email") || enabled.has("phone")) {
    if (!email && !phone)
      return { ok: false, code: "BAD_REQUEST", message: "Please give an email address or phone number so we can reach you." };
  } else if (!name && !message) {
    return { ok: false, code: "BAD_REQUEST", message: "Please tell us how we can help." };
  }
  const at = (deps.now ?? (() => new Date()))();
  const shop = input.shop.shop;
  const conversationId = input.conversation?.id ?? null;
  const leadId = newRowId();
  const enc = (value: string | null) => (value ? vault.encrypt(value) : null);
  await db.$transaction([
    insertLeadWrite(db, {
      id: leadId,
      shop,
      conversationId,
      nameEnc: enc(name),
      emailEnc: enc(email),
      phoneEnc: enc(phone),
      messageEnc: enc(message ? redactCardNumbers(message) : null),
      emailHash: email ? vault.hash("email", email) : null,
      phoneHash: phone ? vault.hash("phone", phone) : null,
      customerIdHash: input.customerId ? vault.hash("customer", input.customerId) : null,
      keyId: vault.currentKeyId,
      consentAt: at,
      consentText: leadConsentText(input.shop.settings.privacy.noticeVersion),
      createdAt: at,
    }),
    shopEventWrite(db, { shop, kind: "handoff", conversationId, createdAt: at }),
    ...(conversationId ? [markHandedOffWrite(db, shop, conversationId)] : []),
  ]);
  return { ok: true, leadId };
}

// ---------------------------------------------------------------------------------
// The Lead table's owner: every read and write of a lead row in the app goes through
// the functions below (scripts/check-table-owners.ts).

export type NewLeadRow = Parameters<DbClient["lead"]["create"]>[0]["data"];
export type LeadRecord = Awaited<ReturnType<DbClient["lead"]["findMany"]>>[number];
export type LeadStatusFilter = "all" | "new" | "handled";

export function insertLeadWrite(db: DbClient, row: NewLeadRow): PendingWrite {
  return db.lead.create({ data: row });
}

const statusWhere = (status: LeadStatusFilter) => (status === "all" ? {} : { status });

/** One keyset page of the admin's leads list. */
export function findLeadPage(
  db: DbClient,
  shop: string,
  query: { status: LeadStatusFilter; position: CursorPosition | null; direction: PageDirection; take: number },
): Promise<LeadRecord[]> {
  return db.lead.findMany({
    where: { AND: [{ shop }, statusWhere(query.status), keysetWhere(query.position, query.direction)] },
    orderBy: keysetOrder(query.direction),
    take: query.take,
  });
}

/** Newest first, at most `limit` (the CSV export). */
export function listLeadsNewestFirst(db: DbClient, shop: string, status: LeadStatusFilter, limit: number): Promise<LeadRecord[]> {
  return db.lead.findMany({ where: { shop, ...statusWhere(status) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}

/** Marks a lead handled; false when no such lead in this shop. */
export async function markLeadHandledRow(db: DbClient, shop: string, leadId: string, handled: { at: Date; by: string }): Promise<boolean> {
  const { count } = await db.lead.updateMany({
    where: { id: leadId, shop },
    data: { status: "handled", handledAt: handled.at, handledBy: handled.by },
  });
  return count > 0;
}

/** The shop's leads, or those encrypted under one key. */
export function countLeads(db: DbClient, shop: string, filter: { keyId?: string } = {}): Promise<number> {
  return db.lead.count({ where: { shop, ...(filter.keyId ? { keyId: filter.keyId } : {}) } });
}

export async function oldestLeadAt(db: DbClient, shop: string): Promise<Date | null> {
  const row = await db.lead.findFirst({ where: { shop }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  return row?.createdAt ?? null;
}

/** The keyed hashes of the leads created within [from, to] (incident assessment; never contact data). */
export function listLeadHashesCreatedIn(db: DbClient, shop: string, from: Date, to: Date) {
  return db.lead.findMany({
    where: { shop, createdAt: { gte: from, lte: to } },
    select: { emailHash: true, phoneHash: true, customerIdHash: true },
  });
}

/** These leads, oldest first (the customer data export). */
export async function findLeadsByIds(db: DbClient, shop: string, ids: string[]): Promise<LeadRecord[]> {
  if (ids.length === 0) return [];
  return db.lead.findMany({ where: { shop, id: { in: ids } }, orderBy: { createdAt: "asc" } });
}

/** How a customer is recognised on a lead (keyed hashes only). */
export interface LeadOwnerKeys {
  customerIdHash?: string;
  emailHash?: string;
  phoneHash?: string;
}

/** Leads carrying the customer's contact details or logged-in id (an SQL condition on "Lead"). */
export const leadByCustomer = (keys: LeadOwnerKeys) =>
  anyOf([...equals("emailHash", keys.emailHash), ...equals("phoneHash", keys.phoneHash), ...equals("customerIdHash", keys.customerIdHash)]);

/** A subquery selecting the conversation ids of the customer's leads, for the conversations' owner's look-up. */
export const leadConversationIdsSql = (shop: string, keys: LeadOwnerKeys) =>
  Prisma.sql`SELECT "conversationId" FROM "Lead" WHERE "shop" = ${shop} AND ${leadByCustomer(keys)} AND "conversationId" IS NOT NULL`;

/** Ids of the customer's leads: by hash, or in one of their conversations. One query. */
export async function findCustomerLeadIds(db: DbClient, shop: string, keys: LeadOwnerKeys, conversationIds: string[]): Promise<string[]> {
  const inConversations = chunks(conversationIds).map((ids) => inList("conversationId", ids));
  const rows = await db.$queryRaw<Array<{ id: string }>>(
    Prisma.sql`SELECT "id" FROM "Lead" WHERE "shop" = ${shop} AND ${anyOf([leadByCustomer(keys), ...inConversations])}`,
  );
  return rows.map((row) => row.id);
}

/**
 * customers/redact: deletes the customer's leads, set-based: one statement per chunk of
 * their conversation ids, then one for the leads matching their hashes.
 */
export async function deleteCustomerLeads(tx: DbClient, shop: string, keys: LeadOwnerKeys, conversationIds: string[]): Promise<number> {
  let deleted = 0;
  for (const ids of chunks(conversationIds)) {
    deleted += await tx.$executeRaw(Prisma.sql`DELETE FROM "Lead" WHERE "shop" = ${shop} AND ${inList("conversationId", ids)}`);
  }
  deleted += await tx.$executeRaw(Prisma.sql`DELETE FROM "Lead" WHERE "shop" = ${shop} AND ${leadByCustomer(keys)}`);
  return deleted;
}

/** The leads sent from one conversation, oldest first (the shopper's own export). */
export function findLeadsForConversation(db: DbClient, shop: string, conversationId: string): Promise<LeadRecord[]> {
  return db.lead.findMany({ where: { shop, conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The shopper deletes their conversation: the leads sent from it, one statement. */
export function deleteLeadsForConversation(tx: DbClient, shop: string, conversationId: string): Promise<number> {
  return tx.$executeRaw(Prisma.sql`DELETE FROM "Lead" WHERE "shop" = ${shop} AND "conversationId" = ${conversationId}`);
}

/** Retention: the shop's leads created before `cutoff`. */
export async function deleteLeadsBefore(db: DbClient, shop: string, cutoff: Date): Promise<number> {
  return (await db.lead.deleteMany({ where: { shop, createdAt: { lt: cutoff } } })).count;
}

/** shop/redact: every lead of the shop. */
export async function deleteShopLeads(tx: DbClient, shop: string): Promise<number> {
  return (await tx.lead.deleteMany({ where: { shop } })).count;
}

export function reencryptLeads(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("Lead", db.lead, vault, report, batchSize);
}
