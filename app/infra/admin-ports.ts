// The small interfaces the admin modules depend on. Routes pass real adapters
// (Prisma, App Bridge's admin client, recordAudit); tests pass fakes.
import type { Database } from "./db/create-database.server";

export type { Database };

/** The staff member behind an admin request. */
export interface StaffUser {
  /** Shopify staff user id (the session token's `sub`), or "unknown". */
  id: string;
  name: string | null;
  /** true/false when Shopify told us (online session); null when we cannot know. */
  isOwner: boolean | null;
}

export interface AuditEntry {
  shop: string;
  actor: string;
  actorName?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Counts and field names only, never personal data. */
  detail?: Record<string, unknown>;
}

export type AuditRecorder = (entry: AuditEntry) => Promise<void>;

/** An expected failure, as a value with a stable code. */
export interface Failure<C extends string = string> {
  ok: false;
  code: C;
  message: string;
}

export function failure<C extends string>(code: C, message: string): Failure<C> {
  return { ok: false, code, message };
}
