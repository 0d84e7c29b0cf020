// A minimal Ajax Cart API (/cart/add.js, /cart.js), one cart per cookie, in memory.
// Shapes follow Shopify's: prices in the currency's minor unit, 422 with
// {status, message, description} when an item cannot be added.
import { randomBytes } from "node:crypto";
import type { StoreCatalog } from "./store-catalog";

export interface CartLine {
  variantId: number;
  quantity: number;
}

export type AddResult = { ok: true; item: Record<string, unknown> } | { ok: false; status: 422 | 400; description: string };

const cents = (amount: string) => Math.round(Number(amount) * 100);

export function createCarts(catalog: StoreCatalog) {
  const carts = new Map<string, CartLine[]>();

  function lineItem(line: CartLine): Record<string, unknown> {
    const found = catalog.variantByLegacyId(line.variantId)!;
    const { product, variant } = found;
    const price = cents(variant.price);
    return {
      id: variant.legacyId,
      key: `${variant.legacyId}:demo`,
      variant_id: variant.legacyId,
      product_id: product.legacyId,
      title: variant.title === "Default Title" ? product.title : `${product.title} - ${variant.title}`,
      product_title: product.title,
      variant_title: variant.title === "Default Title" ? null : variant.title,
      sku: variant.sku,
      handle: product.handle,
      url: `/products/${product.handle}?variant=${variant.legacyId}`,
      image: product.images[0]?.url ?? null,
      quantity: line.quantity,
      price,
      line_price: price * line.quantity,
      final_line_price: price * line.quantity,
    };
  }

  return {
    newToken: () => randomBytes(12).toString("hex"),
    add(token: string, variantId: unknown, quantityRaw: unknown): AddResult {
      const id = Number(variantId);
      const quantity = quantityRaw === undefined ? 1 : Number(quantityRaw);
      if (!Number.isInteger(id) || !Number.isInteger(quantity) || quantity < 1 || quantity > 999) {
        return { ok: false, status: 400, description: "Parameter Missing or Invalid: Required parameter missing or invalid: items" };
      }
      const found = catalog.variantByLegacyId(id);
      if (!found) return { ok: false, status: 422, description: "Cannot find variant" };
      const lines = carts.get(token) ?? [];
      const existing = lines.find((l) => l.variantId === id);
      const wanted = (existing?.quantity ?? 0) + quantity;
      const { variant, product } = found;
      const tracked = variant.inventoryPolicy === "DENY";
      if (!variant.availableForSale || (tracked && wanted > variant.inventoryQuantity)) {
        return { ok: false, status: 422, description: `You can't add more ${product.title} to the cart.` };
      }
      if (existing) existing.quantity = wanted;
      else lines.push({ variantId: id, quantity });
      carts.set(token, lines);
      return { ok: true, item: lineItem({ variantId: id, quantity: wanted }) };
    },
    view(token: string | undefined, currency: string) {
      const items = (token ? (carts.get(token) ?? []) : []).map(lineItem);
      return {
        token: token ?? null,
        note: null,
        attributes: {},
        item_count: items.reduce((n, i) => n + Number(i.quantity), 0),
        total_price: items.reduce((n, i) => n + Number(i.line_price), 0),
        currency,
        items,
        requires_shipping: items.length > 0,
      };
    },
    count(token: string | undefined): number {
      return (token ? (carts.get(token) ?? []) : []).reduce((n, l) => n + l.quantity, 0);
    },
  };
}

export type Carts = ReturnType<typeof createCarts>;
