// The audit log: who did what, when, never the personal data itself. The detail is
// checked against a whitelist of shapes (counts, ids, field names), so a caller who
// passes an email or a message by mistake gets an error in tests, not a leak in the log.
import { z } from "zod";
import type { Database } from "../infra/db/create-database.server";
import { randomId } from "../infra/random-id";
import { Prisma } from "@prisma/client";
import type { Vault } from "../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../infra/crypto/reencrypt.server";
import type { DbClient } from "../infra/db/sql";
import { keysetOrder, keysetWhere, type CursorPosition, type PageDirection } from "../infra/http/cursor";

// A field or setting name ("privacy.retentionDays"), a topic, a status: starts with a
// letter, no spaces, no "@". Rules out emails, phone numbers, numeric customer ids and prose.
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, "must be a field name");
// One of our random row ids (base64url, at least one letter, so never a phone number).
const rowId = z.string().regex(/^(?=[^@]*[A-Za-z])[A-Za-z0-9_-]{8,64}$/, "must be a row id");
const token = z.union([fieldName, rowId]);
const count = z.number().int().min(0);
// A setting's short value: a number, a switch, or a choice such as a time zone.
const settingValue = z.union([count, z.boolean(), z.string().regex(/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/, "must be a choice")]);

const detailValue = z.union([
  count,
  z.boolean(),
  token,
  z.array(z.union([count, token])).max(100),
  // nested counts, e.g. { deleted: { messages: 12, leads: 1 } }
  z.record(fieldName, count),
  // settings changes, e.g. [{ field: "privacy.retentionDays", from: 90, to: 30 }]: numbers,
  // switches and choices only ("Europe/Berlin", "logged_in"), never free text
  z.array(z.object({ field: fieldName, from: settingValue, to: settingValue }).strict()).max(50),
]);

export const auditDetailSchema = z.record(fieldName, detailValue);

export const auditInputSchema = z.object({
  shop: z.string().min(1),
  // staff user id from the admin session, or "system" for jobs and webhooks
  actor: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/),
  // display name of the staff member (staff data, not customer data)
  actorName: z.string().max(120).nullish(),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'must look like "transcript.viewed"'),
  targetType: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  targetId: rowId.optional(),
  detail: auditDetailSchema.default({}),
});
/** What callers pass; the detail's shape is checked at run time (see auditDetailSchema). */
export type AuditInput = Omit<z.input<typeof auditInputSchema>, "detail"> & { detail?: Record<string, unknown> };

/**
 * The row for one audit event, for callers that write it inside their own batch.
 * Throws when the input breaks the schema: that is a bug in the caller (personal data
 * on its way into the log), never an expected failure.
 */
export function auditEventRow(input: AuditInput, now: Date) {
  const parsed = auditInputSchema.safeParse(input);
  if (!parsed.success) {
    // The message names the offending paths only, never the values.
    const paths = parsed.error.issues.map((issue) => issue.path.join(".") || "input").join(", ");
    throw new Error(`audit event refused (not allowed in the audit log): ${paths}`);
  }
  const { shop, actor, actorName, action, targetType, targetId, detail } = parsed.data;
  return {
    id: randomId(),
    shop,
    actor,
    actorName: actorName ?? null,
    action,
    targetType: targetType ?? null,
    targetId: targetId ?? null,
    detailJson: JSON.stringify(detail),
    createdAt: now,
  };
}

/** Writes one audit event; returns its id. Throws on personal data (see auditEventRow). */
export async function recordAudit(db: Database, input: AuditInput, now: Date = new Date()): Promise<string> {
  const row = auditEventRow(input, now);
  await db.auditEvent.create({ data: row });
  return row.id;
}

// ---------------------------------------------------------------------------------
// The AuditEvent table's owner: every read and write of the audit log goes through
// the functions of this module (scripts/check-table-owners.ts).

export type AuditEventRow = ReturnType<typeof auditEventRow>;

/**
 * Writes a row made by auditEventRow with one SQL statement, inside the caller's
 * transaction (customers/redact: one commit for the deletes and their audit event).
 */
export async function insertAuditEventSql(tx: DbClient, row: AuditEventRow): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "shop", "actor", "actorName", "action", "targetType", "targetId", "detailJson", "createdAt")
    VALUES (${row.id}, ${row.shop}, ${row.actor}, ${row.actorName}, ${row.action}, ${row.targetType}, ${row.targetId}, ${row.detailJson}, ${row.createdAt})`);
}

/** One keyset page of the audit log, filtered by action, actor and creation time. */
export function findAuditPage(
  db: DbClient,
  shop: string,
  query: {
    action?: string;
    actor?: string;
    createdAt?: { gte?: Date; lt?: Date };
    position: CursorPosition | null;
    direction: PageDirection;
    take: number;
  },
) {
  return db.auditEvent.findMany({
    where: {
      AND: [
        { shop },
        query.action ? { action: query.action } : {},
        query.actor ? { actor: query.actor } : {},
        query.createdAt ? { createdAt: query.createdAt } : {},
        keysetWhere(query.position, query.direction),
      ],
    },
    orderBy: keysetOrder(query.direction),
    take: query.take,
  });
}

/** The actions and (at most 200) actors present in this shop's log. */
export async function listAuditActionsAndActors(db: DbClient, shop: string) {
  const [actions, actors] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { shop }, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["actor", "actorName"], where: { shop }, orderBy: { actor: "asc" }, take: 200 }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    actors: actors.map((a) => ({ id: a.actor, name: a.actorName })),
  };
}

/** The events of these actions since `since` (incident detection). */
export function listAuditEventsSince(db: DbClient, shop: string, since: Date, actions: string[]) {
  return db.auditEvent.findMany({
    where: { shop, createdAt: { gte: since }, action: { in: actions } },
    select: { actor: true, actorName: true, action: true, createdAt: true, detailJson: true },
  });
}

/** Staff actions (not "system") per action and actor within [from, to]. */
export async function countStaffActions(
  db: DbClient,
  shop: string,
  from: Date,
  to: Date,
): Promise<{ action: string; actor: string; count: number }[]> {
  const rows = await db.auditEvent.groupBy({
    by: ["action", "actor"],
    where: { shop, createdAt: { gte: from, lte: to }, actor: { not: "system" } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ action: row.action, actor: row.actor, count: row._count._all }));
}

export function countAuditEvents(db: DbClient, shop: string): Promise<number> {
  return db.auditEvent.count({ where: { shop } });
}

/** shop/redact: the shop's whole audit log. */
export async function deleteShopAuditEvents(tx: DbClient, shop: string): Promise<number> {
  return (await tx.auditEvent.deleteMany({ where: { shop } })).count;
}

export function reencryptAuditEvents(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("AuditEvent", db.auditEvent, vault, report, batchSize);
}
