// The process's shopper-API dependencies: the real Shopify proxy authentication, the
// Prisma client, the vault, rate limits (Redis when REDIS_URL is set) and the
// assistant's turn. Built once, on first request.
import { createAdminGraphql, sendViaRemixAdmin } from "../assistant/admin-graphql.server";
import prisma from "../db.server";
import { env } from "../env.server";
import { appVault } from "../privacy/vault.server";
import { rateLimitConfigFrom } from "../ratelimit/rate-limit-config";
import { connectRateLimitRedis } from "../ratelimit/redis-client.server";
import { createShopperLimits } from "../ratelimit/shopper-limits.server";
import { authenticate } from "../shopify.server";
import { assistantChatTurn } from "./assistant-chat-turn.server";
import type { ShopperApiDeps } from "./deps";

let deps: ShopperApiDeps | undefined;

export function shopperApiDeps(): ShopperApiDeps {
  deps ??= {
    authenticateAppProxy: (request) => authenticate.public.appProxy(request),
    adminFor: (auth) => (auth.admin ? createAdminGraphql({ send: sendViaRemixAdmin(auth.admin) }) : null),
    db: prisma,
    vault: appVault(),
    limits: createShopperLimits({
      config: rateLimitConfigFrom(process.env),
      redis: env().REDIS_URL ? connectRateLimitRedis(env().REDIS_URL!) : undefined,
    }),
    chatTurn: assistantChatTurn,
  };
  return deps;
}
