// Random bytes for ids and nonces, cut from a pool filled 4 KiB at a time. Each call of
// crypto.randomBytes for a few bytes is a system call (getrandom); a chat turn needs
// five or six such values, and under load those calls took about 2.5 % of the app's
// CPU. Node's own crypto.randomUUID keeps a pool the same way.
//
// Every byte comes from the same CSPRNG and is handed out once: an exhausted pool is
// replaced by a new buffer, never refilled in place, so a view handed out earlier
// keeps its bytes and no two callers share any. Workers are separate processes (node's
// cluster spawns them; nothing is forked with a copy of the pool).
import { randomBytes } from "node:crypto";

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/** `size` fresh random bytes (a view of the pool: do not hand it to code that keeps a reference and expects its own buffer). */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES / 8) return randomBytes(size);
  if (offset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + size);
  offset += size;
  return bytes;
}
