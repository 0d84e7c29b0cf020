// What the shopper routes need from the outside world, passed in as one object so
// tests can hand in a test database, a signing secret of their own and a stub turn.
import type { AdminGraphql } from "../assistant/ports";
import type { RemixAdminClient } from "../infra/shopify/admin-graphql.server";
import type { Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import type { AdminReadCache } from "../catalog/catalog-cache";
import type { ShopStateCache } from "../settings/shop-settings.server";
import type { ShopperLimits } from "../infra/ratelimit/shopper-limits.server";
import type { ChatTurn } from "../conversations/shopper/chat-turn";

/** The part of authenticate.public.appProxy's answer we use. */
export interface AppProxyAuth {
  admin?: RemixAdminClient | undefined;
}

export interface ShopperApiDeps {
  /** authenticate.public.appProxy: throws a Response when the signature is missing, bad or stale. */
  authenticateAppProxy(request: Request): Promise<AppProxyAuth>;
  /** The Admin API port for this shop (null when the shop has no offline session). */
  adminFor(auth: AppProxyAuth): AdminGraphql | null;
  db: Database;
  vault: Vault;
  limits: ShopperLimits;
  chatTurn: ChatTurn;
  now?: () => Date;
  /** Heartbeat interval of the SSE stream (15 s; tests shorten it). */
  heartbeatMs?: number;
  /** Per-process caches (deps.server.ts); absent: every request reads the database and the Admin API. */
  caches?: { shopStates?: ShopStateCache; adminReads?: AdminReadCache };
}
