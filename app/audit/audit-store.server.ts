// The audit log: who did what, when, never the personal data itself. The detail is
// checked against a whitelist of shapes (counts, ids, field names), so a caller who
// passes an email or a message by mistake gets an error in tests, not a leak in the log.
import { z } from "zod";
import type { Database } from "../infra/db/create-database.server";
import { randomId } from "../infra/random-id";

// A field or setting name ("privacy.retentionDays"), a topic, a status: starts with a
// letter, no spaces, no "@". Rules out emails, phone numbers, numeric customer ids and prose.
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, "must be a field name");
// One of our random row ids (base64url, at least one letter, so never a phone number).
const rowId = z.string().regex(/^(?=[^@]*[A-Za-z])[A-Za-z0-9_-]{8,64}$/, "must be a row id");
const token = z.union([fieldName, rowId]);
const count = z.number().int().min(0);

const detailValue = z.union([
  count,
  z.boolean(),
  token,
  z.array(z.union([count, token])).max(100),
  // nested counts, e.g. { deleted: { messages: 12, leads: 1 } }
  z.record(fieldName, count),
]);

export const auditDetailSchema = z.record(fieldName, detailValue);

export const auditInputSchema = z.object({
  shop: z.string().min(1),
  // staff user id from the admin session, or "system" for jobs and webhooks
  actor: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/),
  // display name of the staff member (staff data, not customer data)
  actorName: z.string().max(120).nullish(),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'must look like "transcript.viewed"'),
  targetType: z.string().regex(/^[a-z_]{1,40}$/).optional(),
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
