// A small per-process cache with a time to live and a bounded size, for reads that
// many requests repeat within seconds (a shop's state, a shop's catalog answers).
// Entries expire TTL after they were stored; beyond maxEntries the oldest stored entry
// goes first. Nothing here is shared between processes: whatever another process
// writes is seen here at most TTL later, which is the bound each user documents.

export interface TtlCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  /** Drops every key that starts with prefix (e.g. all entries of one shop). */
  deletePrefix(prefix: string): void;
  clear(): void;
  readonly size: number;
}

export interface TtlCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds clock; tests inject their own. */
  now?: () => number;
}

export function createTtlCache<V>({ ttlMs, maxEntries, now = Date.now }: TtlCacheOptions): TtlCache<V> {
  // A Map keeps insertion order: re-setting a key moves it to the end, so the first
  // key is always the oldest stored entry.
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value) {
      if (ttlMs <= 0 || maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    delete(key) {
      entries.delete(key);
    },
    deletePrefix(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
