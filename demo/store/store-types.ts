// The shape of demo/store/store.json: one Shopify-like shop, flattened for fixtures.
// Ids are Admin API GIDs ("gid://shopify/Product/1001"); legacyId is the numeric part
// (what /cart/add.js and the app proxy's logged_in_customer_id use). Money amounts are
// decimal strings in the shop currency. Timestamps are ISO strings relative to
// `generatedAt`; load-store.ts shifts them so ages ("older than 60 days") stay true.

export interface DemoMoney {
  amount: string;
  currencyCode: string;
}

export interface DemoImage {
  id: string;
  url: string; // shop-relative, served from public/demo-store/images/
  altText: string;
  width: number;
  height: number;
}

export interface DemoVariant {
  id: string;
  legacyId: number;
  title: string;
  sku: string;
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number;
  inventoryPolicy: "DENY" | "CONTINUE";
  availableForSale: boolean;
  selectedOptions: { name: string; value: string }[];
}

export interface DemoProduct {
  id: string;
  legacyId: number;
  title: string;
  handle: string;
  description: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  options: { name: string; values: string[] }[];
  images: DemoImage[];
  variants: DemoVariant[];
  /** Translations by locale, keyed as the Admin API's Translation.key (title, body_html). */
  translations?: Record<string, Record<string, string>>;
  /** Set only on the deliberately hostile fixtures (XSS / prompt-injection tests). */
  hostileFixture?: true;
}

export interface DemoCollection {
  id: string;
  legacyId: number;
  handle: string;
  title: string;
  description: string;
  productIds: string[];
  updatedAt: string;
  /** Translations by locale (title, body_html). */
  translations?: Record<string, Record<string, string>>;
}

export interface DemoAddress {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  zip: string;
  province: string | null;
  country: string;
  countryCode: string;
  phone: string | null;
}

export interface DemoCustomer {
  id: string;
  legacyId: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  tags: string[];
  defaultAddress: DemoAddress;
}

export interface DemoLineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string;
  quantity: number;
  productId: string;
  variantId: string;
  unitPrice: string;
}

export interface DemoFulfillment {
  id: string;
  name: string;
  status: "SUCCESS" | "CANCELLED" | "FAILURE";
  displayStatus: "CONFIRMED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "ATTEMPTED_DELIVERY";
  createdAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  trackingInfo: { company: string; number: string; url: string | null }[];
  lineItems: { lineItemId: string; quantity: number }[];
}

/** Payment data exists in the fixture ONLY so tests can prove the app never selects it. */
export interface DemoTransaction {
  id: string;
  kind: "SALE" | "AUTHORIZATION" | "CAPTURE" | "REFUND" | "VOID";
  status: "SUCCESS" | "PENDING" | "FAILURE";
  gateway: string;
  amount: string;
  createdAt: string;
  paymentDetails: {
    company: string;
    number: string; // masked, e.g. "•••• •••• •••• 4242"
    last4: string;
    bin: string;
    name: string;
    expirationMonth: number;
    expirationYear: number;
  };
}

export interface DemoOrder {
  id: string;
  legacyId: number;
  name: string; // "#1001"
  number: number;
  /** What this order is in the fixture, for tests: "unfulfilled", "delivered", "older-than-60-days", … */
  scenario: string;
  customerId: string | null;
  email: string;
  phone: string | null;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: "CUSTOMER" | "INVENTORY" | "DECLINED" | "OTHER" | null;
  closedAt: string | null;
  displayFinancialStatus: "PAID" | "PENDING" | "AUTHORIZED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "VOIDED";
  displayFulfillmentStatus: "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED" | "IN_PROGRESS" | "ON_HOLD";
  currencyCode: string;
  subtotalPrice: string;
  totalShippingPrice: string;
  totalTax: string;
  totalPrice: string;
  totalRefunded: string;
  lineItems: DemoLineItem[];
  shippingAddress: DemoAddress;
  billingAddress: DemoAddress;
  fulfillments: DemoFulfillment[];
  refunds: { id: string; createdAt: string; note: string; amount: string }[];
  transactions: DemoTransaction[];
  paymentGatewayNames: string[];
  tags: string[];
  note: string | null;
}

export interface DemoPolicy {
  id: string;
  type: "REFUND_POLICY" | "SHIPPING_POLICY" | "PRIVACY_POLICY" | "TERMS_OF_SERVICE";
  title: string;
  handle: string; // /policies/<handle>
  body: string; // HTML
  createdAt: string;
  updatedAt: string;
  /** Translations by locale (title, body). */
  translations?: Record<string, Record<string, string>>;
}

/** A market with its own currency: a variant's price there is its shop-currency price × rate (see international-data.ts). */
export interface DemoMarket {
  id: string;
  handle: string;
  name: string;
  currencyCode: string;
  rate: number;
  countries: string[];
  primary: boolean;
}

export interface DemoShop {
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  myshopifyDomain: string;
  primaryDomainUrl: string;
  currencyCode: string;
  primaryLocale: string;
  /** Every locale published on the storefront, the primary one first. */
  publishedLocales?: string[];
  ianaTimezone: string;
  description: string;
  createdAt: string;
}

export interface DemoStore {
  generatedAt: string;
  shop: DemoShop;
  policies: DemoPolicy[];
  collections: DemoCollection[];
  products: DemoProduct[];
  customers: DemoCustomer[];
  orders: DemoOrder[];
  markets?: DemoMarket[];
}
