// Product search and product details over the AdminGraphql port. Returns cards for the
// widget and a compact summary for the model (handles, not ids: the model never needs
// raw ids, and long numeric ids in a prompt only look like card numbers).
//
// Published only: the search query asks for active products published on the Online Store,
// and every answer is checked again (status ACTIVE and an onlineStoreUrl, which Shopify
// sets only for products published on the Online Store): a draft, an archived product or
// one that is active but unpublished is never shown, found or detailed.
//
// Presentation context (the storefront's locale and country, never used for access):
// titles and descriptions in the shopper's locale (translations, falling back to the
// primary locale) and prices in the shopper's market (contextualPricing, falling back to
// the shop currency). See docs/architecture.md "Languages and markets".
//
// Each read asks only for what the turn needs (operations.ts): translations when the
// storefront named the shopper's locale, market prices when the storefront named a country, variant options when the shopper asked
// for a size or a colour.
//
// Links: a card's url is the product's path below the storefront's root, with the handle in
// the shopper's language when the merchant translated it ("/products/leder-wanderschuhe");
// the widget puts the storefront's locale root in front ("/de", "/de-ch"; docs/widget.md).
import { z } from "zod";
import type { ProductCard } from "../contracts/cards";
import type { AdminFailureCode, AdminGraphql } from "../infra/shopify/admin-graphql";
import { productDetailsDocument, SEARCH_FIRST, searchProductsDocument, type ReadShape } from "./operations";
import { foldText } from "./vocabulary";
import { contextVariables, withoutTranslationsIfDenied } from "../infra/shopify/localized-reads";

export { contextVariables, withoutTranslationsIfDenied };

const money = z.object({ amount: z.string(), currencyCode: z.string() });
const image = z.object({ url: z.string(), altText: z.string().nullable().optional() }).nullable().optional();
const translations = z.array(z.object({ key: z.string(), value: z.string().nullable().optional() })).optional();
const selectedOptions = z.array(z.object({ name: z.string(), value: z.string() })).optional();
const variantPricing = z.object({ price: money }).nullable().optional();
const productNode = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  status: z.string(),
  onlineStoreUrl: z.string().nullable().optional(),
  productType: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  featuredMedia: z
    .object({ preview: z.object({ image }).nullable().optional() })
    .nullable()
    .optional(),
  priceRangeV2: z.object({ minVariantPrice: money }),
  translations,
  contextualPricing: z.object({ minVariantPricing: variantPricing }).nullable().optional(),
  variants: z.object({
    nodes: z.array(
      z
        .object({
          id: z.string(),
          availableForSale: z.boolean(),
          price: z.string().optional(),
          title: z.string().optional(),
          selectedOptions,
          contextualPricing: variantPricing,
        })
        .loose(),
    ),
  }),
});
const detailNode = productNode.extend({
  description: z.string().nullable().optional(),
  vendor: z.string().nullable().optional(),
  options: z.array(z.object({ name: z.string(), optionValues: z.array(z.object({ name: z.string() })) })),
  variants: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        price: z.string(),
        availableForSale: z.boolean(),
        inventoryQuantity: z.number().nullable().optional(),
        selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
        contextualPricing: variantPricing,
      }),
    ),
  }),
});
type ProductNode = z.infer<typeof productNode>;

export type CatalogFailure = { ok: false; code: AdminFailureCode | "NOT_FOUND" };

/** Where the shopper is: presentation only (language of titles, market of prices). */
export interface CatalogContext {
  /** Storefront locale, e.g. "de" or "pt-BR" (already validated). */
  locale?: string;
  /** Storefront country, ISO 3166 alpha-2 (already validated). */
  country?: string;
}

export interface ProductSummary {
  handle: string;
  title: string;
  price: string;
  available: boolean;
}

export interface ProductSearch {
  query: string;
  /**
   * Alternative words per concept (basic mode's multilingual vocabulary): the Admin query
   * ORs every word, and relevance counts the concepts a product matches.
   */
  groups?: string[][];
  /** Indices into groups naming what the product is (a type): when some product matches one, only those are shown. */
  typeGroups?: number[];
  minPrice?: number;
  maxPrice?: number;
  availableOnly?: boolean;
  /** A variant option value, e.g. "XL" or "42". */
  size?: string;
  /** Colour words (any language); a variant option or the title must name one. */
  color?: string | string[];
  limit?: number;
}

const MAX_TERMS = 40;

/** Words only: the model's or shopper's text can never inject Shopify search syntax. */
export function searchTermsOf(text: string, max = 8): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 2 && !/^-|-$/.test(w))
    .slice(0, max);
}

/**
 * The Admin search query: the words ORed, each alternative restricted to active products
 * published on the Online Store. AND binds tighter than OR in Shopify's search syntax, so
 * the filter is repeated per alternative instead of relying on parentheses.
 */
export function productSearchQuery(terms: string[], filters: string[] = []): string {
  const restrict = ["status:active", "published_status:published", ...filters].join(" ");
  return terms.length ? terms.map((t) => `${t} ${restrict}`).join(" OR ") : restrict;
}

export function numericId(gid: string): string {
  return gid.split("/").pop() ?? gid;
}

/** Active and published on the Online Store. */
export function isPublished(node: { status: string; onlineStoreUrl?: string | null }): boolean {
  return node.status === "ACTIVE" && typeof node.onlineStoreUrl === "string" && node.onlineStoreUrl.length > 0;
}

function translated(node: { translations?: Array<{ key: string; value?: string | null }> }, key: string): string | undefined {
  const value = node.translations?.find((t) => t.key === key)?.value;
  return value && value.trim() ? value : undefined;
}

function cardPrice(node: ProductNode): { amount: string; currencyCode: string } {
  const local = node.contextualPricing?.minVariantPricing?.price;
  const price = local ?? node.priceRangeV2.minVariantPrice;
  return { amount: price.amount, currencyCode: price.currencyCode };
}

/** The merchant's handle for the shopper's language, when it is one a product URL can carry. */
function localHandle(node: ProductNode): string {
  const handle = translated(node, "handle")?.trim();
  return handle && /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(handle) && handle.length <= 255 ? handle : node.handle;
}

export function toProductCard(node: ProductNode): ProductCard {
  const variant = node.variants.nodes.find((v) => v.availableForSale) ?? node.variants.nodes[0];
  const img = node.featuredMedia?.preview?.image ?? null;
  const title = translated(node, "title") ?? node.title;
  return {
    kind: "product",
    id: node.id,
    title,
    url: `/products/${encodeURIComponent(localHandle(node))}`,
    image: img ? { url: img.url, alt: img.altText ?? title } : null,
    price: cardPrice(node),
    available: node.variants.nodes.some((v) => v.availableForSale),
    variantId: variant ? numericId(variant.id) : "0",
  };
}

/** For the model: the primary handle (what product_details looks up), whatever the card links to. */
function summaryOf(card: ProductCard, handle: string): ProductSummary {
  return {
    handle,
    title: card.title,
    price: `${card.price.amount} ${card.price.currencyCode}`,
    available: card.available,
  };
}

type SearchVariant = ProductNode["variants"]["nodes"][number];

/** A variant's option values: its selectedOptions (details), else its title ("XL / Black", search). */
function optionValues(variant: SearchVariant): string[] {
  if (variant.selectedOptions) return variant.selectedOptions.map((o) => o.value);
  return typeof variant.title === "string" ? variant.title.split(" / ") : [];
}

function optionMatches(variant: SearchVariant, wanted: string[]): boolean {
  return optionValues(variant).some((value) => wanted.includes(foldText(value)));
}

/** The product's variants that fit the shopper's size, colour and stock wishes. */
function fittingVariants(node: ProductNode, search: ProductSearch): SearchVariant[] {
  const size = search.size ? [foldText(search.size)] : [];
  const colors = (Array.isArray(search.color) ? search.color : search.color ? [search.color] : []).map(foldText);
  const title = foldText(translated(node, "title") ?? node.title);
  const colorInTitle = colors.some((c) => ` ${title} `.includes(` ${c} `));
  return node.variants.nodes.filter(
    (v) =>
      (size.length === 0 || optionMatches(v, size)) &&
      (colors.length === 0 || colorInTitle || optionMatches(v, colors)) &&
      (!search.availableOnly || v.availableForSale),
  );
}

/**
 * A variant's price as the shopper sees it: the market's when the answer carries one (details
 * do per variant; search only per product, so a search scales the variant's shop price by
 * the product's market/shop price ratio: exact when a market converts at one rate).
 */
function variantPrice(variant: SearchVariant, node: ProductNode): number {
  if (variant.contextualPricing) return Number(variant.contextualPricing.price.amount);
  const local = node.contextualPricing?.minVariantPricing?.price;
  const shopMin = Number(node.priceRangeV2.minVariantPrice.amount);
  if (local && variant.price !== undefined && shopMin > 0)
    return Math.round(Number(variant.price) * (Number(local.amount) / shopMin) * 100) / 100;
  return Number(variant.price ?? cardPrice(node).amount);
}

export async function searchProducts(
  admin: AdminGraphql,
  search: ProductSearch,
  context: CatalogContext = {},
): Promise<{ ok: true; cards: ProductCard[]; summaries: ProductSummary[] } | CatalogFailure> {
  const groups = search.groups?.length
    ? search.groups.map((g) => g.flatMap((w) => searchTermsOf(w, MAX_TERMS))).filter((g) => g.length)
    : null;
  const terms = groups ? [...new Set(groups.flat())].slice(0, MAX_TERMS) : searchTermsOf(search.query);
  const localPrices = Boolean(contextVariables(context).localPrices);
  // Price filters in the query only when prices are in the shop currency (no market asked for).
  const filters = localPrices
    ? []
    : [
        search.minPrice !== undefined ? `price:>=${search.minPrice}` : "",
        search.maxPrice !== undefined ? `price:<=${search.maxPrice}` : "",
      ].filter(Boolean);
  const result = await readInShape(admin, context, searchProductsDocument, {
    first: SEARCH_FIRST,
    query: productSearchQuery(terms, filters),
  });
  if (!result.ok) return { ok: false, code: result.code };
  const parsed = z.object({ products: z.object({ nodes: z.array(productNode) }) }).safeParse(result.data);
  if (!parsed.success) return { ok: false, code: "BAD_RESPONSE" };
  const scoreGroups = groups ?? terms.map((t) => [t]);
  const scored = parsed.data.products.nodes.filter(isPublished).flatMap((node) => {
    const fitting = fittingVariants(node, search).filter((v) => priceWithin(variantPrice(v, node), search));
    if (fitting.length === 0) return [];
    const hits = groupHits(node, scoreGroups);
    return [{ card: toProductCard(node), handle: node.handle, hits, score: hits.reduce((s, h) => s + h, 0) }];
  });
  const typed = (search.typeGroups ?? []).filter((i) => i < scoreGroups.length);
  const ofType = typed.length ? scored.filter((s) => typed.some((i) => s.hits[i]! > 0)) : scored;
  const shown = (ofType.length ? ofType : scored).sort((a, b) => b.score - a.score).slice(0, search.limit ?? 5);
  return { ok: true, cards: shown.map((s) => s.card), summaries: shown.map((s) => summaryOf(s.card, s.handle)) };
}

/** Per concept: 2 when the title names it, 1 when only the type or a tag does, else 0. */
function groupHits(node: ProductNode, groups: string[][]): number[] {
  const title = ` ${foldText(`${node.title} ${translated(node, "title") ?? ""}`)} `;
  const other = ` ${foldText([node.productType ?? "", ...(node.tags ?? [])].join(" "))} `;
  const has = (text: string, term: string) => text.includes(` ${foldText(term)}`);
  return groups.map((group) => (group.some((t) => has(title, t)) ? 2 : group.some((t) => has(other, t)) ? 1 : 0));
}

function priceWithin(price: number, { minPrice, maxPrice }: ProductSearch): boolean {
  return (minPrice === undefined || price >= minPrice) && (maxPrice === undefined || price <= maxPrice);
}

export interface ProductDetails {
  summary: ProductSummary & { description: string; options: Array<{ name: string; values: string[] }> };
  variants: Array<{ title: string; price: string; available: boolean; inStock: number | null }>;
  card: ProductCard;
}

export async function productDetails(
  admin: AdminGraphql,
  ref: { handle?: string; id?: string },
  context: CatalogContext = {},
): Promise<({ ok: true } & ProductDetails) | CatalogFailure> {
  const byId = ref.id && /^(gid:\/\/shopify\/Product\/)?\d+$/.test(ref.id);
  const result = byId
    ? await readInShape(admin, context, (shape) => productDetailsDocument("id", shape), {
        id: ref.id!.startsWith("gid:") ? ref.id : `gid://shopify/Product/${ref.id}`,
      })
    : await readInShape(admin, context, (shape) => productDetailsDocument("handle", shape), {
        handle: (ref.handle ?? "").trim().toLowerCase(),
      });
  if (!result.ok) return { ok: false, code: result.code };
  const parsed = z
    .object({ product: detailNode.nullable().optional(), productByIdentifier: detailNode.nullable().optional() })
    .safeParse(result.data);
  if (!parsed.success) return { ok: false, code: "BAD_RESPONSE" };
  const node = parsed.data.product ?? parsed.data.productByIdentifier;
  if (!node || !isPublished(node)) return { ok: false, code: "NOT_FOUND" };
  const card = toProductCard(node);
  return {
    ok: true,
    card,
    summary: {
      ...summaryOf(card, node.handle),
      description:
        translated(node, "body_html")
          ?.replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, 600) ??
        node.description ??
        "",
      options: node.options.map((o) => ({ name: o.name, values: o.optionValues.map((v) => v.name) })),
    },
    variants: node.variants.nodes.map((v) => {
      const price = v.contextualPricing?.price;
      return {
        title: v.title,
        price: price ? `${price.amount} ${price.currencyCode}` : `${v.price} ${node.priceRangeV2.minVariantPrice.currencyCode}`,
        available: v.availableForSale,
        inStock: v.inventoryQuantity ?? null,
      };
    }),
  };
}

/**
 * Which optional parts a read needs for this shopper: translations when the storefront
 * named a locale (Shopify answers the primary locale with none, and the read falls back to
 * the primary text), market prices when it named a country. The shop's primary locale is
 * not looked up first: that would be a second Admin API request per search whenever the
 * catalog cache misses (every search in the demo), to save 10 points of a search's cost.
 */
export function readShapeFor(context: CatalogContext): { shape: ReadShape; variables: Record<string, unknown> } {
  const variables = contextVariables(context);
  const translate = Boolean(variables.translate);
  const localPrices = Boolean(variables.localPrices);
  return {
    shape: { translate, localPrices },
    variables: {
      ...(translate ? { locale: variables.locale } : {}),
      ...(localPrices ? { country: variables.country } : {}),
    },
  };
}

/**
 * Runs the read in the shape the shopper needs. A shop that has not granted read_translations
 * yet answers a translating read with ACCESS_DENIED: the read runs again without translations.
 */
async function readInShape(
  admin: AdminGraphql,
  context: CatalogContext,
  documentFor: (shape: ReadShape) => string,
  variables: Record<string, unknown>,
) {
  const { shape, variables: extra } = readShapeFor(context);
  const result = await admin(documentFor(shape), { ...variables, ...extra });
  if (result.ok || result.code !== "ACCESS_DENIED" || !shape.translate) return result;
  const { locale: _locale, ...rest } = extra;
  return admin(documentFor({ ...shape, translate: false }), { ...variables, ...rest });
}
