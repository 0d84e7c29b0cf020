// The cards the widget renders beside an answer. Every card is
// parsed with these schemas before it leaves the server, so a tool bug can never
// ship an extra field (an address, a payment detail) to the browser.
import { z } from "zod";

const money = z.object({ amount: z.string(), currencyCode: z.string().min(3).max(3) }).strict();

export const productCardSchema = z
  .object({
    kind: z.literal("product"),
    id: z.string(),
    title: z.string(),
    // Shop-relative, so the widget only ever links to the shop's own origin; relative to the
    // storefront's locale root (the widget puts "/de" or "/de-ch" in front), with the handle in
    // the shopper's language when the merchant translated it.
    url: z.string().regex(/^\/products\/[^/?#\s]+$/),
    image: z.object({ url: z.string(), alt: z.string() }).strict().nullable(),
    price: money,
    available: z.boolean(),
    // Numeric variant id for /cart/add.js
    variantId: z.string().regex(/^\d+$/),
  })
  .strict();

export const orderCardSchema = z
  .object({
    kind: z.literal("order"),
    name: z.string(),
    createdAt: z.string(),
    status: z.string(),
    fulfillmentStatus: z.string(),
    financialStatus: z.string(),
    items: z.array(z.object({ title: z.string(), quantity: z.number().int() }).strict()),
    tracking: z.array(z.object({ company: z.string(), number: z.string(), url: z.string().nullable() }).strict()),
    total: money,
  })
  .strict();

export const policyCardSchema = z
  .object({
    kind: z.literal("policy"),
    title: z.string(),
    url: z.string().nullable(),
    excerpt: z.string(),
  })
  .strict();

export const cardSchema = z.discriminatedUnion("kind", [productCardSchema, orderCardSchema, policyCardSchema]);

export type ProductCard = z.infer<typeof productCardSchema>;
export type OrderCard = z.infer<typeof orderCardSchema>;
export type PolicyCard = z.infer<typeof policyCardSchema>;
export type Card = z.infer<typeof cardSchema>;
