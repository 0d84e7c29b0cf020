// Admin API views of the shop, its legal policies, the app installation and its metafields.
import type { DemoPolicy } from "../store/store-types";
import { legacyIdOf, type FakeContext } from "./fake-context";
import { digestOf, type StoredMetafield } from "./metafield-store";
import { collectionsMatching, customersMatching, ordersMatching, productsMatching } from "./store-queries";
import { collectionView, productView } from "./shape-catalog";
import { customerView, orderView } from "./shape-orders";
import { orderVisible } from "./fake-context";
import { translationsField } from "./shape-international";

type Args = Record<string, unknown>;

function policyView(policy: DemoPolicy, ctx: FakeContext) {
  return {
    __typename: "ShopPolicy",
    id: policy.id,
    title: policy.title,
    body: policy.body,
    type: policy.type,
    url: `${ctx.store.data.shop.primaryDomainUrl}/policies/${policy.handle}`,
    createdAt: policy.createdAt.slice(0, 10),
    updatedAt: policy.updatedAt.slice(0, 10),
    translations: translationsField(policy.translations, policy.updatedAt),
  };
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/**
 * `shopLocales(published:)` (needs read_locales, enforced from the schema's scope data like
 * every field): the shop's published locales, the primary one first. The demo shop has no
 * unpublished locale, so `published: false` is empty. Reads the store on every request, so a
 * test can change `store.shop.publishedLocales`.
 */
export function shopLocalesView(ctx: FakeContext, args: Args) {
  const shop = ctx.store.data.shop;
  if (args.published === false) return [];
  const locales = [...new Set([shop.primaryLocale, ...(shop.publishedLocales ?? [])])];
  return locales.map((locale) => ({
    __typename: "ShopLocale",
    locale,
    name: languageNames.of(locale) ?? locale,
    primary: locale === shop.primaryLocale,
    published: true,
    marketWebPresences: [],
  }));
}

const stringConnection = (values: string[]) => () => [...new Set(values)].sort();

export function shopView(ctx: FakeContext) {
  const shop = ctx.store.data.shop;
  const products = ctx.store.data.products;
  const domain = {
    __typename: "Domain",
    id: `${shop.id}/domain`,
    host: new URL(shop.primaryDomainUrl).host,
    url: shop.primaryDomainUrl,
    sslEnabled: true,
  };
  return {
    __typename: "Shop",
    id: shop.id,
    name: shop.name,
    email: shop.email,
    contactEmail: shop.contactEmail,
    myshopifyDomain: shop.myshopifyDomain,
    primaryDomain: domain,
    domains: [domain],
    url: shop.primaryDomainUrl,
    storefrontUrl: shop.primaryDomainUrl,
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: [shop.currencyCode],
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: "CET",
    timezoneOffset: "+0100",
    timezoneOffsetMinutes: 60,
    description: shop.description,
    createdAt: shop.createdAt,
    updatedAt: shop.createdAt,
    taxesIncluded: true,
    weightUnit: "KILOGRAMS",
    unitSystem: "METRIC_SYSTEM",
    setupRequired: false,
    checkoutApiSupported: true,
    shopOwnerName: "Demo Owner",
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    plan: { displayName: "Basic", publicDisplayName: "Basic", partnerDevelopment: true, shopifyPlus: false },
    currencyFormats: {
      moneyFormat: "€{{amount_with_comma_separator}}",
      moneyInEmailsFormat: "€{{amount_with_comma_separator}} EUR",
      moneyWithCurrencyFormat: "€{{amount_with_comma_separator}} EUR",
      moneyWithCurrencyInEmailsFormat: "€{{amount_with_comma_separator}} EUR",
    },
    shipsToCountries: ["DE", "AT", "FR", "ES", "NL", "DK", "GB"],
    shopPolicies: () => ctx.store.data.policies.map((p) => policyView(p, ctx)),
    products: (args: Args) => productsMatching(products, args).map((p) => productView(p, ctx)),
    collections: (args: Args) => collectionsMatching(ctx.store.data.collections, args).map((c) => collectionView(c, ctx)),
    customers: (args: Args) => customersMatching(ctx.store.data.customers, args).map((c) => customerView(c, ctx)),
    orders: (args: Args) =>
      ordersMatching(
        ctx.store.data.orders.filter((o) => orderVisible(o, ctx)),
        args,
      ).map((o) => orderView(o, ctx)),
    productTypes: stringConnection(products.map((p) => p.productType)),
    productVendors: stringConnection(products.map((p) => p.vendor)),
    productTags: stringConnection(products.flatMap((p) => p.tags)),
    metafield: () => null,
    metafields: () => [],
  };
}

export function metafieldView(m: StoredMetafield, ctx: FakeContext) {
  let jsonValue: unknown = m.value;
  if (m.type === "json" || m.type.startsWith("list.")) jsonValue = JSON.parse(m.value);
  else if (m.type === "boolean") jsonValue = m.value === "true";
  else if (m.type.startsWith("number_")) jsonValue = Number(m.value);
  return {
    __typename: "Metafield",
    id: m.id,
    legacyResourceId: legacyIdOf(m.id),
    namespace: m.namespace,
    key: m.key,
    type: m.type,
    value: m.value,
    jsonValue,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    description: null,
    definition: null,
    compareDigest: digestOf(m.value),
    ownerType: m.ownerId === ctx.appInstallationId ? "API_PERMISSION" : m.ownerId.includes("/Product/") ? "PRODUCT" : "SHOP",
    owner: () => (m.ownerId === ctx.appInstallationId ? appInstallationView(ctx) : shopView(ctx)),
  };
}

export function metafieldsOf(ownerId: string, ctx: FakeContext) {
  return {
    metafield: (args: Args) => {
      const found = ctx.metafields.get(ownerId, String(args.namespace ?? ""), String(args.key));
      return found ? metafieldView(found, ctx) : null;
    },
    metafields: (args: Args) =>
      ctx.metafields
        .list(ownerId, args.namespace as string | null)
        .filter((m) => !Array.isArray(args.keys) || args.keys.includes(`${m.namespace}.${m.key}`))
        .map((m) => metafieldView(m, ctx)),
  };
}

export function appInstallationView(ctx: FakeContext) {
  const app = {
    __typename: "App",
    id: "gid://shopify/App/4242",
    title: "Shop Assistant",
    handle: "shop-assistant",
    apiKey: "demo-api-key",
    embedded: true,
    isPostPurchaseAppInUse: false,
    developerName: "Demo Developer",
  };
  return {
    __typename: "AppInstallation",
    id: ctx.appInstallationId,
    app,
    accessScopes: [...ctx.scopes].map((handle) => ({ handle, description: handle })),
    launchUrl: `${ctx.store.data.shop.primaryDomainUrl}/admin/apps/shop-assistant`,
    uninstallUrl: null,
    activeSubscriptions: [],
    subscriptions: [],
    ...metafieldsOf(ctx.appInstallationId, ctx),
  };
}
