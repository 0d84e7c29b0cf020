// Security events of the shopper API, counted for the admin's incident alerts
// (app/admin/incidents.server.ts): a card number that reached /chat and every 429.
// They hold no personal data (kind, shop, time, at most the id of a stored
// conversation), so they are written whatever the shop's consent or storage
// settings. One insert each; a failed write is logged and never changes the answer.
import type { Database } from "../infra/db/create-database.server";
import { shopEventWrite } from "../analytics/event-store.server";
import { rateLimited } from "../infra/http/errors";

export type SecurityEventKind = "card_blocked" | "rate_limited";

export interface SecurityEvent {
  shop: string;
  kind: SecurityEventKind;
  /** Only the id of a conversation row that exists (never an id that was never stored). */
  conversationId?: string | null;
}

export async function recordSecurityEvent(db: Database, event: SecurityEvent, now: () => Date = () => new Date()): Promise<void> {
  try {
    await shopEventWrite(db, { shop: event.shop, kind: event.kind, conversationId: event.conversationId ?? null, createdAt: now() });
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    console.error(`[shopper-api] could not record a ${event.kind} event (${name})`);
  }
}

/** The 429 answer of a proxy route, recorded as a `rate_limited` event first. */
export async function rateLimitedAndRecorded(
  deps: { db: Database; now?: () => Date },
  at: { shop: string; conversationId?: string | null },
  retryAfterSeconds: number,
  message?: string,
): Promise<Response> {
  await recordSecurityEvent(deps.db, { shop: at.shop, kind: "rate_limited", conversationId: at.conversationId }, deps.now);
  return rateLimited(retryAfterSeconds, message);
}
