import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache";

describe("createTtlCache", () => {
  it("forgets an entry TTL after it was stored", () => {
    let now = 0;
    const cache = createTtlCache<string>({ ttlMs: 5_000, maxEntries: 10, now: () => now });
    cache.set("a", "1");
    now = 4_999;
    expect(cache.get("a")).toBe("1");
    now = 5_000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops the oldest entries beyond its size; 0 TTL stores nothing", () => {
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 3); // stored again: now the newest
    cache.set("c", 4);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([3, undefined, 4]);
    const off = createTtlCache<number>({ ttlMs: 0, maxEntries: 2 });
    off.set("a", 1);
    expect(off.get("a")).toBeUndefined();
  });

  it("deletes by key prefix", () => {
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    cache.set("shop-a\nx", 1);
    cache.set("shop-a\ny", 2);
    cache.set("shop-ab\nx", 3);
    cache.deletePrefix("shop-a\n");
    expect([cache.get("shop-a\nx"), cache.get("shop-a\ny"), cache.get("shop-ab\nx")]).toEqual([undefined, undefined, 3]);
  });
});
