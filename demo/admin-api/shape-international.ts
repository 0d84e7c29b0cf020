// Admin API views of the demo shop's languages and markets: `translations(locale:)` on
// products, collections and shop policies, and `contextualPricing(context: { country })`
// on products and variants (a market's currency and prices; a country in no market gets
// the primary market's). Real Shopify returns an empty list for a locale without
// translations (the primary locale included); so does this.
import type { DemoMarket, DemoProduct, DemoVariant } from "../store/store-types";
import type { FakeContext } from "./fake-context";
import { moneyV2 } from "./money";

type Args = Record<string, unknown>;

/** The `translations(locale:, marketId:)` field of a resource whose translations are kept by locale. */
export function translationsField(translations: Record<string, Record<string, string>> | undefined, updatedAt: string) {
  return (args: Args) => {
    const locale = String(args.locale ?? "");
    return Object.entries(translations?.[locale] ?? {}).map(([key, value]) => ({
      __typename: "Translation",
      key,
      value,
      locale,
      outdated: false,
      market: null,
      updatedAt,
    }));
  };
}

function marketFor(country: unknown, ctx: FakeContext): DemoMarket | undefined {
  const markets = ctx.store.data.markets ?? [];
  return markets.find((m) => typeof country === "string" && m.countries.includes(country)) ?? markets.find((m) => m.primary);
}

/** A shop-currency price in a market: × rate, then …x.95 as merchants round foreign prices. */
export function marketPrice(price: string, market: DemoMarket | undefined): number {
  const amount = Number(price);
  if (!market || market.rate === 1) return amount;
  return Math.max(Math.round(amount * market.rate) - 0.05, 0.95);
}

function variantPricing(variant: DemoVariant, market: DemoMarket | undefined, ctx: FakeContext) {
  const currency = market?.currencyCode ?? ctx.store.data.shop.currencyCode;
  return {
    __typename: "ProductVariantContextualPricing",
    price: moneyV2(marketPrice(variant.price, market), currency),
    compareAtPrice: variant.compareAtPrice ? moneyV2(marketPrice(variant.compareAtPrice, market), currency) : null,
    unitPrice: null,
    quantityRule: { minimum: 1, maximum: null, increment: 1, isDefault: true, originType: "FIXED" },
    quantityPriceBreaks: () => [],
  };
}

function contextOf(args: Args): unknown {
  return (args.context as { country?: unknown } | undefined)?.country;
}

export function variantContextualPricing(variant: DemoVariant, ctx: FakeContext) {
  return (args: Args) => variantPricing(variant, marketFor(contextOf(args), ctx), ctx);
}

export function productContextualPricing(product: DemoProduct, ctx: FakeContext) {
  return (args: Args) => {
    const market = marketFor(contextOf(args), ctx);
    const sorted = [...product.variants].sort((a, b) => Number(a.price) - Number(b.price));
    const min = sorted[0] ? variantPricing(sorted[0], market, ctx) : null;
    const max = sorted.at(-1) ? variantPricing(sorted.at(-1)!, market, ctx) : null;
    const currency = market?.currencyCode ?? ctx.store.data.shop.currencyCode;
    return {
      __typename: "ProductContextualPricing",
      fixedQuantityRulesCount: 0,
      minVariantPricing: min,
      maxVariantPricing: max,
      priceRange: { minVariantPrice: min?.price ?? moneyV2(0, currency), maxVariantPrice: max?.price ?? moneyV2(0, currency) },
    };
  };
}
