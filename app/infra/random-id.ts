// Row ids of the app's own tables, from one place. randomId: 128 random bits,
// base64url (22 characters). sortableId: ids that sort by creation (time, then a
// per-process counter, then 80 random bits), so two messages of one millisecond keep
// their order.
import { pooledRandomBytes } from "./crypto/random-pool";

export function randomId(): string {
  return pooledRandomBytes(16).toString("base64url");
}

let sequence = 0;

export function sortableId(): string {
  sequence = (sequence + 1) % 1_679_616; // 36^4
  return `${Date.now().toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${pooledRandomBytes(10).toString("base64url")}`;
}
