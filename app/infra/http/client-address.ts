// The client's address, taken from the hop the deployment trusts. X-Forwarded-For is a
// list every proxy appends to ("client, proxy1, proxy2"); only the entries the trusted
// proxies appended are true, everything to their left is whatever the client sent.
// server.ts appends the socket's peer address as the last entry, so counting from the
// right: hops = 0 is the socket peer, 1 the address the nearest proxy saw, and so on
// (TRUSTED_PROXY_HOPS, app/infra/env.server.ts; docs/architecture.md "Client address").
import { isIP } from "node:net";

const MAX_ENTRIES = 32;

/** "::ffff:1.2.3.4" → "1.2.3.4", "[::1]:80" → "::1", "1.2.3.4:5" → "1.2.3.4"; null when not an IP. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  if (value.startsWith("[")) value = value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The address `hops` entries from the right of X-Forwarded-For (0 = the last entry).
 * When the list is shorter, the leftmost entry (the client spoke to the first trusted
 * proxy directly). "unknown" when the chosen entry is not an IP address: one shared
 * key, never a key the client can vary.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, hops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .slice(-MAX_ENTRIES)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const chosen = entries[Math.max(0, entries.length - 1 - hops)]!;
  return normalizeAddress(chosen) ?? "unknown";
}
