// Every app-proxy request loads the shop's offline session (authenticate.public.appProxy
// → sessionStorage.loadSession): one read per shopper request, for a row that changes
// about once a day. This wrapper keeps loaded sessions for a few seconds per process.
//
// Writes through the wrapper (token exchange, token refresh, logout) forget the session
// at once; writes that go around it (the app/uninstalled and app/scopes_update jobs
// update the Session table directly) call forgetShopSessions. A session changed by
// another process (another replica) is seen here at most ttlMs later; the token it held
// stays valid with Shopify meanwhile, and an uninstall is refused earlier anyway by the
// shop state (app/settings/shop-settings.server.ts).
//
// Wiring: app/composition/root.server.ts builds it; its forgetShop is part of the root's.
import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { createTtlCache } from "../cache/ttl-cache";

export interface CachedSessionStorage extends SessionStorage {
  /** After writing a shop's Session rows directly (uninstall, scopes update): load them again. */
  forgetShop(shop: string): void;
}

export function cachedSessionStorage(
  inner: SessionStorage,
  options: { ttlMs: number; maxEntries?: number; now?: () => number },
): CachedSessionStorage {
  const cache = createTtlCache<Session | null>({ ttlMs: options.ttlMs, maxEntries: options.maxEntries ?? 10_000, now: options.now });
  return {
    forgetShop(shop) {
      cache.delete(`offline_${shop}`);
      cache.deletePrefix(`${shop}_`); // online sessions: `${shop}_${userId}`
    },
    async storeSession(session) {
      cache.delete(session.id);
      const stored = await inner.storeSession(session);
      cache.delete(session.id); // a load that raced the write may have cached the old row
      return stored;
    },
    async loadSession(id) {
      // "No session" is kept too (a shop still installing): its storeSession forgets it.
      return (await cache.getOrLoad(id, async () => (await inner.loadSession(id)) ?? null)) ?? undefined;
    },
    async deleteSession(id) {
      cache.delete(id);
      return inner.deleteSession(id);
    },
    async deleteSessions(ids) {
      for (const id of ids) cache.delete(id);
      return inner.deleteSessions(ids);
    },
    findSessionsByShop: (shop) => inner.findSessionsByShop(shop),
  };
}
