// Proof that the app embed is on, without read_themes: a signed app-proxy request
// can only come from the storefront, where the widget calls us. Shop.widgetSeenAt
// moves at most hourly. The shop row the request already loaded tells whether it is
// fresh, so most requests run no statement at all; otherwise one conditional UPDATE
// (null or older than an hour), which a concurrent request may find already done.
import type { Database } from "../infra/db/create-database.server";
import { touchWidgetSeenAt, type ShopState } from "../settings/shop-settings.server";

export const WIDGET_SEEN_RESOLUTION_MS = 3_600_000;

// Requests of one shop arriving together (they share one cached shop state) run one UPDATE.
const touching = new Map<string, Promise<void>>();

export function markWidgetSeen(db: Database, shop: Pick<ShopState, "shop" | "widgetSeenAt">, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - WIDGET_SEEN_RESOLUTION_MS);
  if (shop.widgetSeenAt && shop.widgetSeenAt >= staleBefore) return Promise.resolve();
  const running = touching.get(shop.shop);
  if (running) return running;
  const touch = touchWidgetSeenAt(db, shop.shop, staleBefore, now)
    .then(() => undefined)
    .catch((error: unknown) => {
      // The set-up checklist can wait an hour; the shopper's answer cannot.
      const name = error instanceof Error ? error.name : typeof error;
      console.error(`[shopper-api] could not mark the widget as seen (${name})`);
    })
    .finally(() => touching.delete(shop.shop));
  touching.set(shop.shop, touch);
  return touch;
}
