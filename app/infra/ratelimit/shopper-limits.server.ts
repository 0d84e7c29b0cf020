// The shopper API's rate limits, built on rate-limiter-flexible: in process memory by
// default, in Redis (ioredis) when a client is given so several app instances share
// one budget. When Redis is unreachable the limiter falls back to memory (the
// library's insurance limiter) instead of failing the request. While the first
// connection is still being made (a process that just started), a request waits for
// it a moment instead: counting those first requests in memory would give a shopper a
// second allowance per app process.
//
// Keys are the shop, the conversation id and the client IP. The IP is the first hop
// of X-Forwarded-For: Shopify's app proxy forwards the shopper's address there, and
// the hosting proxy in front of the app appends after it. The IP is hashed with the
// vault's key before it becomes a key, so Redis never holds an address.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitConfig } from "./rate-limit-config";

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface ShopperLimits {
  /** One proxy request: counts against the shop and the client IP. */
  consumeRequest(keys: { shop: string; ipKey: string }): Promise<RateDecision>;
  /** One chat turn on a conversation. */
  consumeTurn(conversationId: string): Promise<RateDecision>;
  /** Whether guest order verification is blocked for this conversation or IP. */
  checkVerifyFailures(keys: { conversationId: string; ipKey: string }): Promise<RateDecision>;
  /** Counts one failed verification against the conversation and the IP. */
  recordVerifyFailure(keys: { conversationId: string; ipKey: string }): Promise<void>;
}

export interface ShopperLimitsOptions {
  config: RateLimitConfig;
  redis?: Redis;
  /** Prefix of every key (tests use their own and delete it afterwards). */
  keyPrefix?: string;
}

/** Refused if any limit refused, with the longest wait among them. */
function strictest(decisions: RateDecision[]): RateDecision {
  const waits = decisions.flatMap((d) => (d.ok ? [] : [d.retryAfterSeconds]));
  return waits.length === 0 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(...waits) };
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** How long requests wait for the FIRST Redis connection before counting in memory. */
export const FIRST_CONNECTION_WAIT_MS = 1_000;

/** Resolves once redis is ready, on its first error, or after waitMs; at once unless it is connecting. */
function firstConnection(redis: Redis, waitMs: number): Promise<void> {
  if (redis.status !== "connecting" && redis.status !== "connect") return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      redis.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    redis.once("ready", done);
    redis.once("error", done);
  });
}

export function createShopperLimits({ config, redis, keyPrefix = "psa" }: ShopperLimitsOptions): ShopperLimits {
  const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyed = { keyPrefix: `${keyPrefix}:${name}`, points, duration };
    if (!redis) return new RateLimiterMemory(keyed);
    return new RateLimiterRedis({
      ...keyed,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(keyed),
    });
  };
  const ip = make("ip", config.RATE_LIMIT_IP_PER_MINUTE, 60);
  const shop = make("shop", config.RATE_LIMIT_SHOP_PER_MINUTE, 60);
  const conversation = make("conv", config.RATE_LIMIT_CONVERSATION_PER_MINUTE, 60);
  const verifyLimit = config.RATE_LIMIT_VERIFY_FAILURES_PER_HOUR;
  const verifyByConversation = make("verify-conv", verifyLimit, 3600);
  const verifyByIp = make("verify-ip", verifyLimit, 3600);

  // Made once: only the first requests of a process wait, and for one second at most.
  let firstWait: Promise<void> | undefined;
  const connected = () => (firstWait ??= redis ? firstConnection(redis, FIRST_CONNECTION_WAIT_MS) : Promise.resolve());

  async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateDecision> {
    await connected();
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: retryAfter(rejection) };
      throw rejection;
    }
  }

  async function blocked(limiter: RateLimiterAbstract, key: string): Promise<RateDecision> {
    await connected();
    const res = await limiter.get(key).catch(() => null);
    return res && res.consumedPoints >= verifyLimit ? { ok: false, retryAfterSeconds: retryAfter(res) } : { ok: true };
  }

  return {
    async consumeRequest(keys) {
      // Both are always consumed; together, so that they share one round trip to Redis.
      return strictest(await Promise.all([consume(shop, keys.shop), consume(ip, keys.ipKey)]));
    },
    consumeTurn: (conversationId) => consume(conversation, conversationId),
    async checkVerifyFailures(keys) {
      return strictest([await blocked(verifyByConversation, keys.conversationId), await blocked(verifyByIp, keys.ipKey)]);
    },
    async recordVerifyFailure(keys) {
      await connected();
      await Promise.all([verifyByConversation.penalty(keys.conversationId, 1), verifyByIp.penalty(keys.ipKey, 1)]);
    },
  };
}
