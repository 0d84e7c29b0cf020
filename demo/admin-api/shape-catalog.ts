// Admin API views of products, variants, images and collections. Plain objects whose keys
// are GraphQL field names; a function value is a field with arguments or a lazy link
// (see default-field-resolver.ts). Arrays returned for *Connection fields are paginated there.
import type { DemoCollection, DemoImage, DemoProduct, DemoVariant } from "../store/store-types";
import { legacyIdOf, type FakeContext } from "./fake-context";
import { moneyV2, truncate } from "./money";
import { productContextualPricing, translationsField, variantContextualPricing } from "./shape-international";

type Args = Record<string, unknown>;
const currency = (ctx: FakeContext) => ctx.store.data.shop.currencyCode;
const shopUrl = (ctx: FakeContext) => ctx.store.data.shop.primaryDomainUrl;

export function imageView(image: DemoImage, ctx: FakeContext) {
  const url = `${ctx.imageOrigin}${image.url}`;
  return {
    __typename: "Image",
    id: image.id,
    altText: image.altText,
    width: image.width,
    height: image.height,
    url,
    src: url,
    originalSrc: url,
    transformedSrc: url,
  };
}

function mediaView(image: DemoImage, product: DemoProduct, ctx: FakeContext) {
  return {
    __typename: "MediaImage",
    id: image.id.replace("ProductImage", "MediaImage"),
    alt: image.altText,
    mediaContentType: "IMAGE",
    status: "READY",
    image: imageView(image, ctx),
    preview: { image: imageView(image, ctx), status: "READY" },
    product: () => productView(product, ctx),
  };
}

export function variantView(variant: DemoVariant, product: DemoProduct, ctx: FakeContext) {
  return {
    __typename: "ProductVariant",
    id: variant.id,
    legacyResourceId: String(variant.legacyId),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: null,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    contextualPricing: variantContextualPricing(variant, ctx),
    inventoryQuantity: variant.inventoryQuantity,
    inventoryPolicy: variant.inventoryPolicy,
    availableForSale: variant.availableForSale,
    sellableOnlineQuantity: Math.max(variant.inventoryQuantity, 0),
    position: product.variants.indexOf(variant) + 1,
    taxable: true,
    requiresComponents: false,
    showUnitPrice: false,
    selectedOptions: variant.selectedOptions.map((o) => ({
      ...o,
      optionValue: { id: `${variant.id}/${o.name}`, name: o.value, hasVariants: true },
    })),
    image: product.images[0] ? imageView(product.images[0], ctx) : null,
    product: () => productView(product, ctx),
    inventoryItem: {
      __typename: "InventoryItem",
      id: variant.id.replace("ProductVariant", "InventoryItem"),
      sku: variant.sku,
      tracked: variant.inventoryPolicy === "DENY",
      requiresShipping: true,
    },
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

function priceRange(prices: number[], ctx: FakeContext) {
  const sorted = prices.length > 0 ? [...prices].sort((a, b) => a - b) : [0];
  return { minVariantPrice: moneyV2(sorted[0]!, currency(ctx)), maxVariantPrice: moneyV2(sorted.at(-1)!, currency(ctx)) };
}

export function productView(product: DemoProduct, ctx: FakeContext) {
  const total = product.variants.reduce((sum, v) => sum + v.inventoryQuantity, 0);
  // As on Shopify: null unless the product is active and published on the Online Store.
  const onlineStoreUrl = product.status === "ACTIVE" && product.publishedAt ? `${shopUrl(ctx)}/products/${product.handle}` : null;
  return {
    __typename: "Product",
    id: product.id,
    legacyResourceId: legacyIdOf(product.id),
    title: product.title,
    handle: product.handle,
    description: (args: Args) => truncate(product.description, args.truncateAt as number | null),
    descriptionHtml: product.descriptionHtml,
    descriptionPlainSummary: product.description,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    publishedAt: product.publishedAt,
    onlineStoreUrl,
    onlineStorePreviewUrl: `${shopUrl(ctx)}/products/${product.handle}`,
    totalInventory: total,
    tracksInventory: true,
    isGiftCard: false,
    requiresSellingPlan: false,
    hasOnlyDefaultVariant: product.variants.length === 1 && product.variants[0]!.title === "Default Title",
    hasOutOfStockVariants: product.variants.some((v) => v.inventoryQuantity <= 0),
    totalVariants: product.variants.length,
    variantsCount: { count: product.variants.length, precision: "EXACT" },
    options: (args: Args) =>
      product.options.slice(0, (args.first as number | null) ?? undefined).map((o, i) => ({
        __typename: "ProductOption",
        id: `${product.id}/option/${i + 1}`,
        name: o.name,
        position: i + 1,
        values: o.values,
        optionValues: o.values.map((v) => ({ id: `${product.id}/option/${i + 1}/${v}`, name: v, hasVariants: true })),
      })),
    priceRangeV2: priceRange(
      product.variants.map((v) => Number(v.price)),
      ctx,
    ),
    priceRange: priceRange(
      product.variants.map((v) => Number(v.price)),
      ctx,
    ),
    compareAtPriceRange: product.variants.some((v) => v.compareAtPrice)
      ? {
          minVariantCompareAtPrice: moneyV2(Math.min(...product.variants.map((v) => Number(v.compareAtPrice ?? v.price))), currency(ctx)),
          maxVariantCompareAtPrice: moneyV2(Math.max(...product.variants.map((v) => Number(v.compareAtPrice ?? v.price))), currency(ctx)),
        }
      : null,
    featuredImage: product.images[0] ? imageView(product.images[0], ctx) : null,
    featuredMedia: product.images[0] ? mediaView(product.images[0], product, ctx) : null,
    images: () => product.images.map((image) => imageView(image, ctx)),
    media: () => product.images.map((image) => mediaView(image, product, ctx)),
    mediaCount: { count: product.images.length, precision: "EXACT" },
    variants: () => product.variants.map((v) => variantView(v, product, ctx)),
    collections: () => ctx.store.data.collections.filter((c) => c.productIds.includes(product.id)).map((c) => collectionView(c, ctx)),
    seo: { title: product.title, description: truncate(product.description, 160) },
    translations: translationsField(product.translations, product.updatedAt),
    contextualPricing: productContextualPricing(product, ctx),
    metafield: () => null,
    metafields: () => [],
  };
}

export function collectionView(collection: DemoCollection, ctx: FakeContext) {
  const products = () => collection.productIds.map((id) => ctx.store.products.get(id)!).filter(Boolean);
  return {
    __typename: "Collection",
    id: collection.id,
    legacyResourceId: String(collection.legacyId),
    handle: collection.handle,
    title: collection.title,
    description: (args: Args) => truncate(collection.description, args.truncateAt as number | null),
    descriptionHtml: `<p>${collection.description}</p>`,
    updatedAt: collection.updatedAt,
    image: null,
    sortOrder: "MANUAL",
    products: () => products().map((p) => productView(p, ctx)),
    productsCount: { count: collection.productIds.length, precision: "EXACT" },
    hasProduct: (args: Args) => collection.productIds.includes(String(args.id)),
    seo: { title: collection.title, description: collection.description },
    translations: translationsField(collection.translations, collection.updatedAt),
    metafield: () => null,
    metafields: () => [],
  };
}
