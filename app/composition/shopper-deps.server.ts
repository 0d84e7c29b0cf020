// The process's shopper-API dependencies: the real Shopify proxy authentication, the
// Prisma client, the vault, rate limits (Redis when REDIS_URL is set) and the
// assistant's turn. Built once, on first request.
import { createAdminGraphql, sendViaRemixAdmin } from "../infra/shopify/admin-graphql.server";
import prisma from "../infra/db/prisma.server";
import { env } from "../infra/env.server";
import { appVault } from "../infra/crypto/vault.server";
import { rateLimitConfigFrom } from "../infra/ratelimit/rate-limit-config";
import { connectRateLimitRedis } from "../infra/ratelimit/redis-client.server";
import { createShopperLimits } from "../infra/ratelimit/shopper-limits.server";
import { authenticate } from "./shopify.server";
import { createPrismaKnowledgeStore } from "../knowledge/knowledge-store.server";
import { createCircuitBreaker } from "../infra/model/circuit-breaker";
import { createOpenAiChatModel } from "../infra/model/openai-chat-model.server";
import { processAdminReadCache } from "../catalog/catalog-cache";
import { processShopStateCache } from "../settings/shop-settings.server";
import { createAssistantChatTurn } from "../conversations/shopper/assistant-chat-turn.server";
import type { ShopperApiDeps } from "../storefront-proxy/deps";
import { z } from "zod";

let deps: ShopperApiDeps | undefined;

// The SSE heartbeat interval (default 15 s); tests and the stream benchmark shorten it.
const heartbeatSchema = z.coerce.number().int().min(10).max(60_000).optional();

// Cache lifetimes (milliseconds; 0 turns a cache off). The shop state: a few seconds,
// the staleness bound of a change written by another process (this process forgets a
// shop on its own writes). Catalog and policy reads: a minute, the delay before a
// product edit reaches the assistant. The demo serves its Admin API fake uncached by
// default: its catalog is edited live and its faults are what it shows.
const cacheMsSchema = z.coerce.number().int().min(0).max(600_000).optional();
const shopStateCacheMs = () => cacheMsSchema.parse(process.env.SHOP_STATE_CACHE_MS || undefined) ?? 5_000;
const adminReadCacheMs = (demo: boolean) => cacheMsSchema.parse(process.env.ADMIN_READ_CACHE_MS || undefined) ?? (demo ? 0 : 60_000);

export function shopperApiDeps(): ShopperApiDeps {
  deps ??= build();
  return deps;
}

function build(): ShopperApiDeps {
  const config = env();
  return {
    authenticateAppProxy: (request) => authenticate.public.appProxy(request),
    adminFor: (auth) => (auth.admin ? createAdminGraphql({ send: sendViaRemixAdmin(auth.admin) }) : null),
    db: prisma,
    vault: appVault(),
    limits: createShopperLimits({
      config: rateLimitConfigFrom(process.env),
      redis: config.REDIS_URL ? connectRateLimitRedis(config.REDIS_URL) : undefined,
      keyPrefix: config.RATE_LIMIT_REDIS_PREFIX,
    }),
    heartbeatMs: heartbeatSchema.parse(process.env.SSE_HEARTBEAT_MS || undefined),
    caches: { shopStates: processShopStateCache(shopStateCacheMs()), adminReads: processAdminReadCache(adminReadCacheMs(Boolean(config.DEMO_MODE))) },
    chatTurn: createAssistantChatTurn({
      // No OPENAI_API_KEY: basic mode only (the assistant says AI answers are off).
      model: config.OPENAI_API_KEY
        ? createOpenAiChatModel({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL })
        : null,
      breaker: createCircuitBreaker(),
      knowledge: createPrismaKnowledgeStore(prisma),
    }),
  };
}
