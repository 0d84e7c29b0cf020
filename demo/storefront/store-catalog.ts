// Read-only look-ups over demo/store/store.json for the storefront pages and the cart.
import { readFileSync } from "node:fs";
import type { DemoCollection, DemoCustomer, DemoProduct, DemoStore, DemoVariant } from "../store/store-types";

export interface StoreCatalog {
  store: DemoStore;
  products: DemoProduct[];
  /** By its handle, or (on a translated storefront) by the handle the merchant translated for that locale, as Shopify serves /de/products/<German handle>. */
  productByHandle(handle: string, locale?: string): DemoProduct | undefined;
  collectionByHandle(handle: string): DemoCollection | undefined;
  productsOf(collection: DemoCollection): DemoProduct[];
  variantByLegacyId(id: number): { product: DemoProduct; variant: DemoVariant } | undefined;
  customerByLegacyId(id: number): DemoCustomer | undefined;
}

export function loadStoreFile(file: string): DemoStore {
  return JSON.parse(readFileSync(file, "utf8")) as DemoStore;
}

export function createStoreCatalog(store: DemoStore): StoreCatalog {
  // Drafts and archived products are not on the storefront, as on Shopify.
  const products = store.products.filter((p) => p.status === "ACTIVE");
  const byHandle = new Map(products.map((p) => [p.handle, p]));
  const byId = new Map(products.map((p) => [p.id, p]));
  const variants = new Map<number, { product: DemoProduct; variant: DemoVariant }>();
  for (const product of products) for (const variant of product.variants) variants.set(variant.legacyId, { product, variant });
  const collections = new Map(store.collections.map((c) => [c.handle, c]));
  const customers = new Map(store.customers.map((c) => [c.legacyId, c]));
  return {
    store,
    products,
    productByHandle: (handle, locale) =>
      byHandle.get(handle) ?? (locale ? products.find((p) => p.translations?.[locale]?.handle === handle) : undefined),
    collectionByHandle: (handle) =>
      handle === "all"
        ? {
            id: "all",
            legacyId: 0,
            handle: "all",
            title: "All products",
            description: "",
            productIds: products.map((p) => p.id),
            updatedAt: store.generatedAt,
          }
        : collections.get(handle),
    productsOf: (collection) => collection.productIds.map((id) => byId.get(id)).filter((p): p is DemoProduct => p !== undefined),
    variantByLegacyId: (id) => variants.get(id),
    customerByLegacyId: (id) => customers.get(id),
  };
}

/** Shopify's storefront money: "€12.50"-style, from the shop currency. */
export function formatMoney(amount: string | number, currencyCode: string, locale = "en"): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode }).format(Number(amount));
  } catch {
    return `${Number(amount).toFixed(2)} ${currencyCode}`;
  }
}
