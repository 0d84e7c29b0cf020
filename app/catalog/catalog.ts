// Product search and product details over the AdminGraphql port. Returns cards for the
// widget and a compact summary for the model (handles, not ids: the model never needs
// raw ids, and long numeric ids in a prompt only look like card numbers).
import { z } from "zod";
import type { ProductCard } from "../contracts/cards";
import type { AdminFailureCode, AdminGraphql } from "../infra/shopify/admin-graphql";
import { PRODUCT_DETAILS_BY_HANDLE, PRODUCT_DETAILS_BY_ID, SEARCH_PRODUCTS } from "./operations";

const money = z.object({ amount: z.string(), currencyCode: z.string() });
const image = z.object({ url: z.string(), altText: z.string().nullable().optional() }).nullable().optional();
const productNode = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  status: z.string(),
  featuredMedia: z.object({ preview: z.object({ image }).nullable().optional() }).nullable().optional(),
  priceRangeV2: z.object({ minVariantPrice: money }),
  variants: z.object({ nodes: z.array(z.object({ id: z.string(), availableForSale: z.boolean() }).loose()) }),
});
const detailNode = productNode.extend({
  description: z.string().nullable().optional(),
  productType: z.string().nullable().optional(),
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
      }),
    ),
  }),
});
type ProductNode = z.infer<typeof productNode>;

export type CatalogFailure = { ok: false; code: AdminFailureCode | "NOT_FOUND" };

export interface ProductSummary {
  handle: string;
  title: string;
  price: string;
  available: boolean;
}

export interface ProductSearch {
  query: string;
  minPrice?: number;
  maxPrice?: number;
  availableOnly?: boolean;
  limit?: number;
}

/** Words only: the model's or shopper's text can never inject Shopify search syntax. */
export function searchTermsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
}

export function numericId(gid: string): string {
  return gid.split("/").pop() ?? gid;
}

export function toProductCard(node: ProductNode): ProductCard {
  const variant = node.variants.nodes.find((v) => v.availableForSale) ?? node.variants.nodes[0];
  const img = node.featuredMedia?.preview?.image ?? null;
  return {
    kind: "product",
    id: node.id,
    title: node.title,
    url: `/products/${encodeURIComponent(node.handle)}`,
    image: img ? { url: img.url, alt: img.altText ?? node.title } : null,
    price: { amount: node.priceRangeV2.minVariantPrice.amount, currencyCode: node.priceRangeV2.minVariantPrice.currencyCode },
    available: node.variants.nodes.some((v) => v.availableForSale),
    variantId: variant ? numericId(variant.id) : "0",
  };
}

function summaryOf(card: ProductCard): ProductSummary {
  return {
    handle: card.url.slice("/products/".length),
    title: card.title,
    price: `${card.price.amount} ${card.price.currencyCode}`,
    available: card.available,
  };
}

export async function searchProducts(
  admin: AdminGraphql,
  search: ProductSearch,
): Promise<{ ok: true; cards: ProductCard[]; summaries: ProductSummary[] } | CatalogFailure> {
  const terms = searchTermsOf(search.query);
  const query = terms.length ? terms.join(" OR ") : "*";
  const result = await admin(SEARCH_PRODUCTS, { first: 10, query });
  if (!result.ok) return { ok: false, code: result.code };
  const parsed = z.object({ products: z.object({ nodes: z.array(productNode) }) }).safeParse(result.data);
  if (!parsed.success) return { ok: false, code: "BAD_RESPONSE" };
  const scored = parsed.data.products.nodes
    .filter((node) => node.status === "ACTIVE")
    .map((node) => ({ card: toProductCard(node), score: relevance(node.title, terms) }))
    .filter(({ card }) => priceWithin(Number(card.price.amount), search) && (!search.availableOnly || card.available))
    .sort((a, b) => b.score - a.score)
    .slice(0, search.limit ?? 5);
  const cards = scored.map((s) => s.card);
  return { ok: true, cards, summaries: cards.map(summaryOf) };
}

function relevance(title: string, terms: string[]): number {
  const lower = title.toLowerCase();
  return terms.reduce((score, term) => score + (lower.includes(term) ? 1 : 0), 0);
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
): Promise<({ ok: true } & ProductDetails) | CatalogFailure> {
  const byId = ref.id && /^(gid:\/\/shopify\/Product\/)?\d+$/.test(ref.id);
  const result = byId
    ? await admin(PRODUCT_DETAILS_BY_ID, { id: ref.id!.startsWith("gid:") ? ref.id : `gid://shopify/Product/${ref.id}` })
    : await admin(PRODUCT_DETAILS_BY_HANDLE, { handle: (ref.handle ?? "").trim().toLowerCase() });
  if (!result.ok) return { ok: false, code: result.code };
  const parsed = z.object({ product: detailNode.nullable().optional(), productByIdentifier: detailNode.nullable().optional() }).safeParse(result.data);
  if (!parsed.success) return { ok: false, code: "BAD_RESPONSE" };
  const node = parsed.data.product ?? parsed.data.productByIdentifier;
  if (!node || node.status !== "ACTIVE") return { ok: false, code: "NOT_FOUND" };
  const card = toProductCard(node);
  return {
    ok: true,
    card,
    summary: {
      ...summaryOf(card),
      description: node.description ?? "",
      options: node.options.map((o) => ({ name: o.name, values: o.optionValues.map((v) => v.name) })),
    },
    variants: node.variants.nodes.map((v) => ({
      title: v.title,
      price: `${v.price} ${card.price.currencyCode}`,
      available: v.availableForSale,
      inStock: v.inventoryQuantity ?? null,
    })),
  };
}
