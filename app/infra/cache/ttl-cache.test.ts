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

  it("updates a live entry's value without extending its expiry", () => {
    let now = 0;
    const cache = createTtlCache<string>({ ttlMs: 5_000, maxEntries: 10, now: () => now });
    cache.set("a", "1");
    now = 4_000;
    cache.update("a", "2");
    cache.update("b", "x"); // absent: stays absent
    expect([cache.get("a"), cache.get("b")]).toEqual(["2", undefined]);
    now = 5_000;
    expect(cache.get("a")).toBeUndefined();
    cache.update("a", "3"); // expired: nothing
    expect(cache.get("a")).toBeUndefined();
  });

  it("shares one load among the misses of a key in flight, and caches what keep() accepts", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    let loads = 0;
    let finish!: (value: string) => void;
    const load = () => (loads++, new Promise<string>((resolve) => (finish = resolve)));
    const waiting = Array.from({ length: 50 }, () => cache.getOrLoad("shop", load));
    finish("state");
    expect(await Promise.all(waiting)).toEqual(Array(50).fill("state"));
    expect(loads).toBe(1);
    expect(await cache.getOrLoad("shop", load)).toBe("state"); // cached now
    expect(loads).toBe(1);
    expect(
      await cache.getOrLoad(
        "unknown",
        async () => "not installed",
        () => false,
      ),
    ).toBe("not installed");
    expect(cache.get("unknown")).toBeUndefined();
  });

  it("never caches a load that raced a delete, and lets the next miss load afresh", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    let finish!: (value: string) => void;
    const stale = cache.getOrLoad("shop", () => new Promise<string>((resolve) => (finish = resolve)));
    cache.delete("shop"); // e.g. the merchant saved settings while the old row was being read
    const fresh = cache.getOrLoad("shop", async () => "new");
    finish("old");
    expect(await stale).toBe("old"); // its own caller gets what it read
    expect(await fresh).toBe("new");
    expect(cache.get("shop")).toBe("new");
  });

  it("does not keep a failed load: the next miss tries again", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    await expect(cache.getOrLoad("shop", () => Promise.reject(new Error("database away")))).rejects.toThrow("database away");
    expect(await cache.getOrLoad("shop", async () => "back")).toBe("back");
  });
});
