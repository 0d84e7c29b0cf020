// The composition root: the one place that reads the configuration and builds the
// process's dependencies (database, vault, caches, rate limits, the model, the job
// worker). The server entry (app/entry.server.tsx) calls startApp() when the server
// build loads, so a bad variable stops the process at start-up with its name, and the
// job worker starts there, explicitly. Routes reach the pieces through the other
// modules of this folder (admin-context, shopper-deps, webhook-deps, shopify).
import { createDatabase, type Database } from "../infra/db/create-database.server";
import { createVault, type Vault } from "../infra/crypto/crypto.server";
import { env, type Env } from "../infra/env.server";
import { systemClock } from "../infra/clock";
import { createJobWorker, type JobWorker } from "../infra/jobs/worker.server";
import { connectRateLimitRedis } from "../infra/ratelimit/redis-client.server";
import { createShopperLimits, type ShopperLimits } from "../infra/ratelimit/shopper-limits.server";
import { cachedSessionStorage, type CachedSessionStorage } from "../infra/shopify/cached-session-storage.server";
import { encryptedPrismaSessionStorage } from "../infra/shopify/encrypted-session-storage.server";
import { createAdminReadCache, forgetShopCatalog, type AdminReadCache } from "../catalog/catalog-cache";
import { createShopStateCache, type ShopStateCache } from "../settings/shop-settings.server";
import { redactPersonalData } from "../infra/text/redact-text";
import { ensureRetentionScheduled, jobHandlers } from "./job-registry.server";

export interface AppRoot {
  config: Env;
  db: Database;
  vault: Vault;
  limits: ShopperLimits;
  /** Per-process caches (docs/decisions/0006), each with its staleness bound. */
  caches: { shopStates: ShopStateCache; adminReads: AdminReadCache; sessions: CachedSessionStorage };
  /** Drops everything this process caches about a shop (settings save, pause, uninstall, redact). */
  forgetShop(shop: string): void;
  jobs: JobWorker;
}

// Sessions are read on every proxy request; a 5 s per-process cache saves that read.
const SESSION_CACHE_MS = 5_000;

function buildRoot(config: Env): AppRoot {
  const db = createDatabase(config.DATABASE_URL, {
    queryLog: config.DATABASE_QUERY_LOG,
    sqliteSynchronous: config.DATABASE_SQLITE_SYNCHRONOUS,
    sqliteStock: config.DATABASE_SQLITE_STOCK,
  });
  const vault = createVault(config.ENCRYPTION_KEYS, config.HASH_KEY);
  const caches = {
    shopStates: createShopStateCache({ ttlMs: config.SHOP_STATE_CACHE_MS }),
    adminReads: createAdminReadCache({ ttlMs: config.ADMIN_READ_CACHE_MS ?? (config.DEMO_MODE ? 0 : 60_000) }),
    sessions: cachedSessionStorage(encryptedPrismaSessionStorage(db, vault), { ttlMs: SESSION_CACHE_MS }),
  };
  const forgetShop = (shop: string) => {
    caches.shopStates.forget(shop);
    forgetShopCatalog(caches.adminReads, shop);
    caches.sessions.forgetShop(shop);
  };
  return {
    config,
    db,
    vault,
    caches,
    forgetShop,
    limits: createShopperLimits({
      config,
      redis: config.REDIS_URL ? connectRateLimitRedis(config.REDIS_URL) : undefined,
      keyPrefix: config.RATE_LIMIT_REDIS_PREFIX,
    }),
    jobs: createJobWorker({
      db,
      vault,
      clock: systemClock,
      handlers: jobHandlers,
      scrubError: redactPersonalData,
      forgetShop,
      leaseMs: config.JOB_LEASE_MS,
      log: (line) => console.warn(line),
      // The daily retention purge keeps itself scheduled; this queues the first one.
      beforeRun: () => ensureRetentionScheduled(db, vault, systemClock),
    }),
  };
}

declare global {
  // Kept across Remix dev rebuilds, which re-evaluate the app's modules in one process.
  var __appRoot: AppRoot | undefined;
}

/** The process's dependencies, built once. */
export function appRoot(): AppRoot {
  globalThis.__appRoot ??= buildRoot(env());
  return globalThis.__appRoot;
}

/** Builds the root and starts the job worker (server start). Idempotent. */
export function startApp(): AppRoot {
  const root = appRoot();
  root.jobs.start();
  return root;
}
