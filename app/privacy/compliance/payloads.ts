// The webhook payloads we act on, as Shopify sends them (shopify.dev, "Privacy law compliance"). Ids come
// as numbers; the customer may carry only an email (guest checkout), so every
// identifier is optional and null-tolerant.
import { z } from "zod";

const shopifyId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);
const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : undefined));

export const customerRefSchema = z.object({
  id: shopifyId.nullish().transform((v) => v ?? undefined),
  email: optionalText,
  phone: optionalText,
});
export type CustomerRef = z.infer<typeof customerRefSchema>;

const shopFields = {
  shop_id: shopifyId,
  shop_domain: z.string().min(1),
};

export const customersDataRequestSchema = z.object({
  ...shopFields,
  customer: customerRefSchema,
  orders_requested: z
    .array(shopifyId)
    .nullish()
    .transform((v) => v ?? []),
  data_request: z.object({ id: shopifyId }).nullish(),
});

export const customersRedactSchema = z.object({
  ...shopFields,
  customer: customerRefSchema,
  orders_to_redact: z
    .array(shopifyId)
    .nullish()
    .transform((v) => v ?? []),
});

export const shopRedactSchema = z.object(shopFields);

// app/uninstalled carries the shop resource; we need nothing from it.
export const appUninstalledSchema = z.object({}).loose();

export const appScopesUpdateSchema = z.object({
  current: z.array(z.string().min(1)),
  previous: z.array(z.string()).optional(),
});

export const WEBHOOK_TOPICS = [
  "customers/data_request",
  "customers/redact",
  "shop/redact",
  "app/uninstalled",
  "app/scopes_update",
] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

/** "CUSTOMERS_DATA_REQUEST" (how shopify-api reports it) or "customers/data_request" → our topic. */
export function parseTopic(raw: string): WebhookTopic | undefined {
  const key = raw.toLowerCase().replace(/[/_.]/g, "");
  return WEBHOOK_TOPICS.find((topic) => topic.replace(/[/_]/g, "") === key);
}
