// Writes demo/store/store.json and the product SVGs under public/demo-store/images/.
// Deterministic: run it again and nothing changes. `tsx demo/store/generate-store.ts`
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FAMILIES, FAMILY_COLLECTIONS, HOSTILE_PRODUCTS, TAG_COLLECTIONS } from "./catalog-data";
import { CUSTOMERS, POLICIES } from "./people-and-policies";
import { buildOrders } from "./build-orders";
import { GENERATED_AT, daysBefore } from "./fixture-clock";
import { COLLECTION_TRANSLATIONS, MARKETS, POLICY_TRANSLATIONS, PRODUCT_DESCRIPTIONS, PRODUCT_TITLES } from "./international-data";
import type { DemoCollection, DemoCustomer, DemoProduct, DemoStore } from "./store-types";

const CURRENCY = "EUR";
const root = path.resolve(import.meta.dirname, "..", "..");
const imageDir = path.join(root, "public", "demo-store", "images");

function svgFor(label: string, color: string): string {
  const text = label.replace(/[^A-Za-z0-9 -]/g, "");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">` +
    `<rect width="400" height="400" fill="${color}"/><circle cx="200" cy="170" r="90" fill="#fff" opacity=".25"/>` +
    `<text x="200" y="330" font-family="sans-serif" font-size="32" fill="#fff" text-anchor="middle">${text}</text></svg>\n`
  );
}

function buildProducts(images: Map<string, string>): DemoProduct[] {
  const products: DemoProduct[] = [];
  FAMILIES.forEach((family, f) =>
    family.products.forEach((seed, p) => {
      const index = f * 5 + p;
      const legacyId = 1001 + index;
      const handle = seed.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      const active = !seed.status;
      products.push({
        id: `gid://shopify/Product/${legacyId}`,
        legacyId,
        title: seed.title,
        handle,
        description: seed.description,
        descriptionHtml: `<p>${seed.description}</p>`,
        vendor: family.vendor,
        productType: family.productType,
        tags: seed.tags,
        status: seed.status ?? "ACTIVE",
        createdAt: daysBefore(400 - index * 7),
        updatedAt: daysBefore(30 - (index % 20)),
        publishedAt: active && !seed.unpublished ? daysBefore(399 - index * 7) : null,
        options: [family.option],
        images: [
          {
            id: `gid://shopify/ProductImage/${legacyId}`,
            url: `/demo-store/images/${handle}.svg`,
            altText: `${seed.title} (${family.productType.toLowerCase()})`,
            width: 400,
            height: 400,
          },
        ],
        variants: family.option.values.map((value, v) => {
          const variantLegacyId = 50_000 + index * 10 + v;
          const inventoryQuantity = seed.stock[v] ?? 0;
          return {
            id: `gid://shopify/ProductVariant/${variantLegacyId}`,
            legacyId: variantLegacyId,
            title: value,
            sku: `DO-${family.productType.slice(0, 3).toUpperCase()}-${legacyId}-${value.replace(/\s+/g, "").toUpperCase()}`,
            price: seed.price,
            compareAtPrice: seed.compareAtPrice ?? null,
            inventoryQuantity,
            inventoryPolicy: seed.backorder ? "CONTINUE" : "DENY",
            availableForSale: active && (inventoryQuantity > 0 || Boolean(seed.backorder)),
            selectedOptions: [{ name: family.option.name, value }],
          };
        }),
      });
      const translations = productTranslations(seed.title);
      if (translations) products.at(-1)!.translations = translations;
      images.set(`${handle}.svg`, svgFor(family.productType, family.color));
    }),
  );
  HOSTILE_PRODUCTS.forEach((seed, h) => {
    const legacyId = 1041 + h;
    products.push({
      id: `gid://shopify/Product/${legacyId}`,
      legacyId,
      title: seed.title,
      handle: seed.handle,
      description: seed.description,
      descriptionHtml: seed.descriptionHtml,
      vendor: "Hostile Fixture Co",
      productType: "Test",
      tags: ["hostile-fixture", "socks"],
      status: "ACTIVE",
      createdAt: daysBefore(60),
      updatedAt: daysBefore(10),
      publishedAt: daysBefore(60),
      options: [{ name: "Title", values: ["Default Title"] }],
      images: [
        {
          id: `gid://shopify/ProductImage/${legacyId}`,
          url: `/demo-store/images/${seed.handle}.svg`,
          altText: seed.title,
          width: 400,
          height: 400,
        },
      ],
      variants: [
        {
          id: `gid://shopify/ProductVariant/${50_000 + (40 + h) * 10}`,
          legacyId: 50_000 + (40 + h) * 10,
          title: "Default Title",
          sku: `DO-HOSTILE-${h + 1}`,
          price: seed.price,
          compareAtPrice: null,
          inventoryQuantity: 5,
          inventoryPolicy: "DENY",
          availableForSale: true,
          selectedOptions: [{ name: "Title", value: "Default Title" }],
        },
      ],
      hostileFixture: true,
    });
    images.set(`${seed.handle}.svg`, svgFor("Test", "#999999"));
  });
  return products;
}

/** A URL handle from a translated title, as a merchant's translation app writes one ("Leder-Wanderschuhe" → "leder-wanderschuhe"). */
export function handleOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Shopify's translation keys per locale: title and handle always, body_html where the description is translated. */
function productTranslations(title: string): Record<string, Record<string, string>> | undefined {
  const titles = PRODUCT_TITLES[title];
  if (!titles) return undefined;
  return Object.fromEntries(
    Object.entries(titles).map(([locale, t]) => {
      const description = PRODUCT_DESCRIPTIONS[title]?.[locale as keyof typeof titles];
      return [locale, { title: t, handle: handleOf(t), ...(description ? { body_html: `<p>${description}</p>` } : {}) }];
    }),
  );
}

function buildCollections(products: DemoProduct[]): DemoCollection[] {
  const byFamily = Object.entries(FAMILY_COLLECTIONS).map(([handle, c]) => ({
    handle,
    ...c,
    productIds: products.filter((p, i) => i < 40 && FAMILIES[Math.floor(i / 5)]!.collection === handle).map((p) => p.id),
  }));
  const byTag = TAG_COLLECTIONS.map(({ tag, ...c }) => ({
    ...c,
    productIds: products
      .filter((p) => !p.hostileFixture && (tag === "__compareAtPrice" ? p.variants.some((v) => v.compareAtPrice) : p.tags.includes(tag)))
      .map((p) => p.id),
  }));
  return [...byFamily, ...byTag].map((c, i) => ({
    id: `gid://shopify/Collection/${501 + i}`,
    legacyId: 501 + i,
    updatedAt: daysBefore(15),
    ...c,
    translations: Object.fromEntries(
      Object.entries(COLLECTION_TRANSLATIONS[c.handle] ?? {}).map(([locale, t]) => [
        locale,
        { title: t.title, body_html: `<p>${t.description}</p>` },
      ]),
    ),
  }));
}

function buildCustomers(): DemoCustomer[] {
  return CUSTOMERS.map((c, i) => ({
    id: `gid://shopify/Customer/${7001 + i}`,
    legacyId: 7001 + i,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    locale: c.locale,
    createdAt: daysBefore(300 - i * 20),
    updatedAt: daysBefore(5 + i),
    tags: i < 3 ? ["vip"] : [],
    defaultAddress: { firstName: c.firstName, lastName: c.lastName, phone: c.phone, ...c.address },
  }));
}

/** The whole fixture in memory: store.json's content and the SVG files by name. */
export function buildStore(): { store: DemoStore; images: Map<string, string> } {
  const images = new Map<string, string>();
  const products = buildProducts(images);
  const customers = buildCustomers();
  const store: DemoStore = {
    generatedAt: GENERATED_AT,
    shop: {
      id: "gid://shopify/Shop/90001",
      name: "Demo Outfitters",
      email: "owner@demo-outfitters.example",
      contactEmail: "help@demo-outfitters.example",
      myshopifyDomain: "demo-shop.myshopify.com",
      primaryDomainUrl: "https://demo-shop.myshopify.com",
      currencyCode: CURRENCY,
      primaryLocale: "en",
      publishedLocales: ["en", "de", "fr", "es"],
      ianaTimezone: "Europe/Berlin",
      description: "Outdoor and everyday clothing, made to last.",
      createdAt: daysBefore(800),
    },
    policies: POLICIES.map((p, i) => ({
      id: `gid://shopify/ShopPolicy/${301 + i}`,
      ...p,
      createdAt: daysBefore(700),
      updatedAt: daysBefore(90),
      translations: POLICY_TRANSLATIONS[p.type],
    })),
    collections: buildCollections(products),
    products,
    customers,
    orders: buildOrders(products, customers, CURRENCY),
    markets: MARKETS.map((m, i) => ({ id: `gid://shopify/Market/${801 + i}`, ...m })),
  };
  return { store, images };
}

export const storeJsonText = (store: DemoStore) => JSON.stringify(store, null, 1) + "\n";
export const IMAGE_DIR = imageDir;

function main() {
  const { store, images } = buildStore();
  mkdirSync(imageDir, { recursive: true });
  for (const [name, svg] of images) writeFileSync(path.join(imageDir, name), svg);
  writeFileSync(path.join(import.meta.dirname, "store.json"), storeJsonText(store));
  const { products, customers } = store;
  console.log(
    `store.json: ${products.length} products, ${store.collections.length} collections, ` +
      `${customers.length} customers, ${store.orders.length} orders`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
