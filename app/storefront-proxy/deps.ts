// What the shopper routes need from the outside world, passed in as one object so
// tests can hand in a test database and a signing secret of their own. POST /chat adds
// the assistant's turn (ChatApiDeps in app/conversations/shopper/chat-turn.ts).
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { RemixAdminClient } from "../infra/shopify/admin-graphql.server";
import type { Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import type { AdminReadCache } from "../catalog/catalog-cache";
import type { ShopStateCache } from "../settings/shop-settings.server";
import type { ShopperLimits } from "../infra/ratelimit/shopper-limits.server";
import type { ShopperAdmission } from "./admission.server";

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
  now?: () => Date;
  /** Heartbeat interval of the SSE stream (15 s; tests shorten it). */
  heartbeatMs?: number;
  /** Per-process caches (deps.server.ts); absent: every request reads the database and the Admin API. */
  caches?: { shopStates?: ShopStateCache; adminReads?: AdminReadCache };
  /** In-flight caps per client address and per conversation (absent: a default one per deps object). */
  admission?: ShopperAdmission;
  /** TRUSTED_PROXY_HOPS: which X-Forwarded-For entry, from the right, is the client (default 0). */
  trustedProxyHops?: number;
  /** RATE_LIMIT_REFUSAL_DELAY_MS: how long a 429 waits before it is sent (default 0). */
  refusalDelayMs?: number;
}
