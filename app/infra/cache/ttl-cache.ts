// A small per-process cache with a time to live and a bounded size, for reads that
// many requests repeat within seconds (a shop's state, a shop's catalog answers).
// Entries expire TTL after they were stored; beyond maxEntries the oldest stored entry
// goes first. Nothing here is shared between processes: whatever another process
// writes is seen here at most TTL later, which is the bound each user documents.

export interface TtlCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /**
   * Replaces the value of a live entry and keeps its expiry (a local change to cached
   * data must not extend how long the rest of it may be stale); absent or expired: nothing.
   */
  update(key: string, value: V): void;
  /**
   * The cached value, or `load()`'s: misses of one key in flight share one load (a
   * thousand requests arriving as an entry expires make one database read, not a
   * thousand). The result is kept when `keep(value)` says so and the key was not
   * deleted while it loaded (a load that raced a change is used once, never cached).
   */
  getOrLoad(key: string, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  delete(key: string): void;
  /** Drops every key that starts with prefix (e.g. all entries of one shop). */
  deletePrefix(prefix: string): void;
  clear(): void;
  readonly size: number;
  /** Loads of getOrLoad on their way. */
  readonly loading: number;
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
  const inflight = new Map<string, Promise<V>>();
  const get = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const set = (key: string, value: V) => {
    if (ttlMs <= 0 || maxEntries <= 0) return;
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlMs });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };
  return {
    get: (key) => get(key)?.value,
    set,
    getOrLoad(key, load, keep = () => true) {
      const entry = get(key);
      if (entry) return Promise.resolve(entry.value);
      const running = inflight.get(key);
      if (running) return running;
      const loading = load().then(
        (value) => {
          if (inflight.get(key) === loading) {
            inflight.delete(key);
            if (keep(value)) set(key, value);
          }
          return value;
        },
        (error: unknown) => {
          if (inflight.get(key) === loading) inflight.delete(key);
          throw error;
        },
      );
      inflight.set(key, loading);
      return loading;
    },
    update(key, value) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) entry.value = value;
    },
    delete(key) {
      entries.delete(key);
      inflight.delete(key);
    },
    deletePrefix(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
      for (const key of [...inflight.keys()]) if (key.startsWith(prefix)) inflight.delete(key);
    },
    clear() {
      entries.clear();
      inflight.clear();
    },
    get size() {
      return entries.size;
    },
    get loading() {
      return inflight.size;
    },
  };
}
