// Filtering (Shopify search syntax, see search-query.ts) and sortKey ordering for the
// fake's top-level connections.
import type { DemoCollection, DemoCustomer, DemoOrder, DemoProduct } from "../store/store-types";
import { legacyIdOf } from "./fake-context";
import { filterBySearch, type SearchFields } from "./search-query";

type Args = Record<string, unknown>;
type Key = string | number;

function sortBy<T>(items: T[], sortKey: unknown, keys: Record<string, (item: T) => Key>, fallback: string): T[] {
  const keyOf = keys[typeof sortKey === "string" ? sortKey : fallback] ?? keys[fallback]!;
  return [...items].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
  });
}

const numericId = (gid: string) => Number(legacyIdOf(gid));
const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

const PRODUCT_SEARCH: SearchFields<DemoProduct> = {
  defaultText: (p) => [p.title, p.description, p.vendor, p.productType, ...p.tags],
  fields: {
    title: { kind: "text", values: (p) => [p.title] },
    tag: { kind: "exact", values: (p) => p.tags },
    tags: { kind: "exact", values: (p) => p.tags },
    product_type: { kind: "exact", values: (p) => [p.productType] },
    vendor: { kind: "exact", values: (p) => [p.vendor] },
    status: { kind: "exact", values: (p) => [p.status.toLowerCase()] },
    handle: { kind: "exact", values: (p) => [p.handle] },
    sku: { kind: "exact", values: (p) => p.variants.map((v) => v.sku) },
    id: { kind: "number", values: (p) => [numericId(p.id)] },
    price: { kind: "number", values: (p) => p.variants.map((v) => Number(v.price)) },
    available_for_sale: { kind: "boolean", values: (p) => [p.status === "ACTIVE" && p.variants.some((v) => v.availableForSale)] },
    inventory_total: { kind: "number", values: (p) => [p.variants.reduce((s, v) => s + v.inventoryQuantity, 0)] },
    published_status: { kind: "exact", values: (p) => [p.publishedAt ? "published" : "unpublished", "any"] },
    created_at: { kind: "date", values: (p) => [p.createdAt] },
    updated_at: { kind: "date", values: (p) => [p.updatedAt] },
    gift_card: { kind: "boolean", values: () => [false] },
  },
};

export function productsMatching(products: DemoProduct[], args: Args): DemoProduct[] {
  return sortBy(
    filterBySearch(products, args.query as string | null, PRODUCT_SEARCH),
    args.sortKey,
    {
      ID: (p) => numericId(p.id),
      RELEVANCE: (p) => numericId(p.id),
      TITLE: (p) => p.title.toLowerCase(),
      CREATED_AT: (p) => time(p.createdAt),
      UPDATED_AT: (p) => time(p.updatedAt),
      PUBLISHED_AT: (p) => time(p.publishedAt),
      PRODUCT_TYPE: (p) => p.productType,
      VENDOR: (p) => p.vendor,
      INVENTORY_TOTAL: (p) => p.variants.reduce((s, v) => s + v.inventoryQuantity, 0),
    },
    "ID",
  );
}

const orderStatus = (o: DemoOrder) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open");
const fulfillmentSearchStatus = (o: DemoOrder) =>
  ({
    UNFULFILLED: ["unshipped", "unfulfilled"],
    PARTIALLY_FULFILLED: ["partial", "unfulfilled"],
    FULFILLED: ["shipped", "fulfilled"],
    IN_PROGRESS: ["unshipped", "unfulfilled", "in_progress"],
    ON_HOLD: ["unshipped", "unfulfilled", "on_hold"],
  })[o.displayFulfillmentStatus];

const ORDER_SEARCH: SearchFields<DemoOrder> = {
  defaultText: (o) => [o.name, o.name.slice(1), o.email],
  fields: {
    // name:#1001 and name:1001 both find "#1001", as on Shopify.
    name: { kind: "exact", values: (o) => [o.name, o.name.slice(1)] },
    email: { kind: "exact", values: (o) => [o.email] },
    customer_id: { kind: "exact", values: (o) => [o.customerId ? legacyIdOf(o.customerId) : null] },
    id: { kind: "number", values: (o) => [numericId(o.id)] },
    status: { kind: "exact", values: (o) => [orderStatus(o), "any", ...(orderStatus(o) !== "closed" ? ["not_closed"] : [])] },
    financial_status: { kind: "exact", values: (o) => [o.displayFinancialStatus.toLowerCase(), "any"] },
    fulfillment_status: { kind: "exact", values: (o) => [...fulfillmentSearchStatus(o), "any"] },
    created_at: { kind: "date", values: (o) => [o.createdAt] },
    processed_at: { kind: "date", values: (o) => [o.processedAt] },
    updated_at: { kind: "date", values: (o) => [o.updatedAt] },
    tag: { kind: "exact", values: (o) => o.tags },
    sku: { kind: "exact", values: (o) => o.lineItems.map((l) => l.sku) },
  },
};

export function ordersMatching(orders: DemoOrder[], args: Args): DemoOrder[] {
  return sortBy(
    filterBySearch(orders, args.query as string | null, ORDER_SEARCH),
    args.sortKey,
    {
      ID: (o) => numericId(o.id),
      RELEVANCE: (o) => numericId(o.id),
      ORDER_NUMBER: (o) => o.number,
      CREATED_AT: (o) => time(o.createdAt),
      PROCESSED_AT: (o) => time(o.processedAt),
      UPDATED_AT: (o) => time(o.updatedAt),
      TOTAL_PRICE: (o) => Number(o.totalPrice),
      CURRENT_TOTAL_PRICE: (o) => Number(o.totalPrice) - Number(o.totalRefunded),
      FINANCIAL_STATUS: (o) => o.displayFinancialStatus,
      FULFILLMENT_STATUS: (o) => o.displayFulfillmentStatus,
      TOTAL_ITEMS_QUANTITY: (o) => o.lineItems.reduce((s, l) => s + l.quantity, 0),
    },
    "ID",
  );
}

const CUSTOMER_SEARCH: SearchFields<DemoCustomer> = {
  defaultText: (c) => [`${c.firstName} ${c.lastName}`, c.email, c.phone],
  fields: {
    email: { kind: "exact", values: (c) => [c.email] },
    phone: { kind: "exact", values: (c) => [c.phone] },
    first_name: { kind: "exact", values: (c) => [c.firstName] },
    last_name: { kind: "exact", values: (c) => [c.lastName] },
    id: { kind: "number", values: (c) => [numericId(c.id)] },
    customer_id: { kind: "exact", values: (c) => [legacyIdOf(c.id)] },
    tag: { kind: "exact", values: (c) => c.tags },
    created_at: { kind: "date", values: (c) => [c.createdAt] },
    updated_at: { kind: "date", values: (c) => [c.updatedAt] },
  },
};

export function customersMatching(customers: DemoCustomer[], args: Args): DemoCustomer[] {
  return sortBy(
    filterBySearch(customers, args.query as string | null, CUSTOMER_SEARCH),
    args.sortKey,
    {
      ID: (c) => numericId(c.id),
      RELEVANCE: (c) => numericId(c.id),
      NAME: (c) => `${c.firstName} ${c.lastName}`,
      CREATED_AT: (c) => time(c.createdAt),
      UPDATED_AT: (c) => time(c.updatedAt),
      LOCATION: (c) => c.defaultAddress.country,
    },
    "ID",
  );
}

const COLLECTION_SEARCH: SearchFields<DemoCollection> = {
  defaultText: (c) => [c.title, c.description],
  fields: {
    title: { kind: "text", values: (c) => [c.title] },
    handle: { kind: "exact", values: (c) => [c.handle] },
    id: { kind: "number", values: (c) => [numericId(c.id)] },
    updated_at: { kind: "date", values: (c) => [c.updatedAt] },
  },
};

export function collectionsMatching(collections: DemoCollection[], args: Args): DemoCollection[] {
  return sortBy(
    filterBySearch(collections, args.query as string | null, COLLECTION_SEARCH),
    args.sortKey,
    {
      ID: (c) => numericId(c.id),
      RELEVANCE: (c) => numericId(c.id),
      TITLE: (c) => c.title,
      UPDATED_AT: (c) => time(c.updatedAt),
    },
    "ID",
  );
}
