// What every resolver of the fake sees: the store (indexed), the metafields the app wrote,
// the granted access scopes and the clock.
import type { DemoCollection, DemoCustomer, DemoOrder, DemoProduct, DemoStore, DemoVariant } from "../store/store-types";
import type { MetafieldStore } from "./metafield-store";

export interface IndexedStore {
  data: DemoStore;
  products: Map<string, DemoProduct>;
  variants: Map<string, { product: DemoProduct; variant: DemoVariant }>;
  collections: Map<string, DemoCollection>;
  customers: Map<string, DemoCustomer>;
  orders: Map<string, DemoOrder>;
}

export interface FakeContext {
  store: IndexedStore;
  metafields: MetafieldStore;
  scopes: ReadonlySet<string>;
  now: () => Date;
  appInstallationId: string;
  /** Prefix for image URLs ("" keeps them shop-relative: /demo-store/images/x.svg). */
  imageOrigin: string;
}

export function indexStore(data: DemoStore): IndexedStore {
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  const variants = new Map<string, { product: DemoProduct; variant: DemoVariant }>();
  for (const product of data.products) for (const variant of product.variants) variants.set(variant.id, { product, variant });
  return {
    data,
    products: byId(data.products),
    variants,
    collections: byId(data.collections),
    customers: byId(data.customers),
    orders: byId(data.orders),
  };
}

const SIXTY_DAYS_MS = 60 * 86_400_000;

/** Without read_all_orders Shopify only shows the last 60 days of orders. */
export function orderVisible(order: DemoOrder, ctx: FakeContext): boolean {
  return ctx.scopes.has("read_all_orders") || Date.parse(order.createdAt) >= ctx.now().getTime() - SIXTY_DAYS_MS;
}

/** "gid://shopify/Product/1001" → 1001 as a string; what `legacyResourceId` and `id:` searches use. */
export const legacyIdOf = (gid: string): string => gid.slice(gid.lastIndexOf("/") + 1);
