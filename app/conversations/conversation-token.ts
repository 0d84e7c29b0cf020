// Conversation ids and the secret tokens that own them. The id is 128 random bits,
// the token 256; only SHA-256(token) is stored, and a presented token is compared
// with that hash in constant time. A plain (unkeyed) hash is enough: the token is
// random and long, so there is nothing to guess from its hash.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { randomId, sortableId } from "../infra/random-id";

/** A conversation's id: 128 random bits (the app's one id generator). */
export const newConversationId = randomId;

export function newConversationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Message and event row ids that sort by creation. */
export const newRowId = sortableId;

export function hashConversationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

// Compared when there is no row, so a wrong id costs the same as a wrong token.
const DUMMY_HASH = hashConversationToken("no conversation has this token");

/** Constant-time check of a presented token against the stored hash (or against nothing). */
export function tokenMatches(token: string, storedHash: string | null): boolean {
  const presented = Buffer.from(hashConversationToken(token));
  const stored = Buffer.from(storedHash ?? DUMMY_HASH);
  return presented.length === stored.length && timingSafeEqual(presented, stored) && storedHash !== null;
}
