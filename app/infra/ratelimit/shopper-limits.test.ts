// The shopper limits in memory and in the Redis at 127.0.0.1:6379 (the CI service),
// where two limiter instances (two app processes) share one budget. Every key this
// test writes carries a prefix of its own and is deleted afterwards.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitConfigFrom } from "./rate-limit-config";
import { createShopperLimits } from "./shopper-limits.server";

const config = rateLimitConfigFrom({
  RATE_LIMIT_IP_PER_MINUTE: "3",
  RATE_LIMIT_CONVERSATION_PER_MINUTE: "2",
  RATE_LIMIT_SHOP_PER_MINUTE: "100",
});

describe("shopper rate limits", () => {
  it("refuses the request past the budget with a Retry-After in seconds (memory)", async () => {
    const limits = createShopperLimits({ config });
    const keys = { shop: "s.myshopify.com", ipKey: "ip-a" };
    for (let i = 0; i < 3; i++) expect(await limits.consumeRequest(keys)).toEqual({ ok: true });
    const refused = await limits.consumeRequest(keys);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(await limits.consumeRequest({ ...keys, ipKey: "ip-b" })).toEqual({ ok: true });
    expect((await limits.consumeTurn("c1")).ok && (await limits.consumeTurn("c1")).ok).toBe(true);
    expect((await limits.consumeTurn("c1")).ok).toBe(false);
  });

  it("blocks verification after 5 failures per conversation and per IP for about an hour", async () => {
    const limits = createShopperLimits({ config });
    for (let i = 0; i < 5; i++) {
      expect(await limits.checkVerifyFailures({ conversationId: "c", ipKey: `ip${i}` })).toEqual({ ok: true });
      await limits.recordVerifyFailure({ conversationId: "c", ipKey: `ip${i}` });
    }
    const blocked = await limits.checkVerifyFailures({ conversationId: "c", ipKey: "fresh" });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.retryAfterSeconds).toBeGreaterThan(3500);
    expect((await limits.checkVerifyFailures({ conversationId: "other", ipKey: "ip0" })).ok).toBe(true);
  });

  it("configuration comes from the environment, with a named error for a bad value", () => {
    expect(rateLimitConfigFrom({}).RATE_LIMIT_VERIFY_FAILURES_PER_HOUR).toBe(5);
    expect(() => rateLimitConfigFrom({ RATE_LIMIT_IP_PER_MINUTE: "-1" })).toThrow(/RATE_LIMIT_IP_PER_MINUTE/);
  });

  describe("in Redis", () => {
    const prefix = `psa-test-${randomBytes(6).toString("hex")}`;
    let redis: Redis;
    let other: Redis;
    beforeAll(async () => {
      redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
      other = redis.duplicate();
      await Promise.all([redis.ping(), other.ping()]);
    });
    afterAll(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      expect(await redis.keys(`${prefix}*`)).toEqual([]);
      await Promise.all([redis.quit(), other.quit()]);
    });

    it("shares one budget between two app instances", async () => {
      const first = createShopperLimits({ config, redis, keyPrefix: prefix });
      const second = createShopperLimits({ config, redis: other, keyPrefix: prefix });
      const keys = { shop: "s.myshopify.com", ipKey: "shared-ip" };
      expect((await first.consumeRequest(keys)).ok).toBe(true);
      expect((await second.consumeRequest(keys)).ok).toBe(true);
      expect((await first.consumeRequest(keys)).ok).toBe(true);
      const refused = await second.consumeRequest(keys);
      expect(refused).toMatchObject({ ok: false });
      if (!refused.ok) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await redis.keys(`${prefix}:ip:*`)).toHaveLength(1);

      for (let i = 0; i < 5; i++) await (i % 2 ? first : second).recordVerifyFailure({ conversationId: "conv", ipKey: "v-ip" });
      expect((await first.checkVerifyFailures({ conversationId: "conv", ipKey: "elsewhere" })).ok).toBe(false);
      expect((await second.checkVerifyFailures({ conversationId: "new", ipKey: "v-ip" })).ok).toBe(false);
      const ttl = await redis.pttl(`${prefix}:verify-ip:v-ip`);
      expect(ttl).toBeGreaterThan(3_500_000);
    });

    it("counts a new process's first requests in Redis: it waits for the connection being made", async () => {
      const fresh = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      });
      try {
        expect(fresh.status).not.toBe("ready");
        const limits = createShopperLimits({ config, redis: fresh, keyPrefix: prefix });
        expect((await limits.consumeRequest({ shop: "s.myshopify.com", ipKey: "first-request" })).ok).toBe(true);
        expect(await redis.keys(`${prefix}:ip:first-request`)).toHaveLength(1);
      } finally {
        await fresh.quit();
      }
    });

    it("keeps limiting in memory when Redis is unreachable instead of failing requests", async () => {
      const dead = new Redis("redis://127.0.0.1:1", {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        lazyConnect: true,
        retryStrategy: () => null,
      });
      dead.on("error", () => undefined);
      const limits = createShopperLimits({ config, redis: dead, keyPrefix: prefix });
      const keys = { shop: "s.myshopify.com", ipKey: "ip-down" };
      for (let i = 0; i < 3; i++) expect((await limits.consumeRequest(keys)).ok).toBe(true);
      expect((await limits.consumeRequest(keys)).ok).toBe(false);
      dead.disconnect();
    });
  });
});
