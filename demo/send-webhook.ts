// Sends a webhook to the app exactly as Shopify does: the same headers, the body
// signed with the app's API secret (base64 HMAC-SHA256 of the raw bytes), payloads
// shaped like Shopify's examples for the app's API version.
//
//   tsx demo/send-webhook.ts customers/data_request --customer-email jane@example.com
//   tsx demo/send-webhook.ts customers/redact --customer-id 7700000000001 --url http://127.0.0.1:3000
//   tsx demo/send-webhook.ts shop/redact --shop demo-shop.myshopify.com
//
// Topics: customers/data_request, customers/redact, shop/redact, app/uninstalled, app/scopes_update.
// Options: --shop, --customer-email, --customer-id, --customer-phone, --order (repeatable),
// --url (default http://127.0.0.1:$DEMO_APP_PORT, else $PORT, else 3000), --secret (default
// $SHOPIFY_API_SECRET, else the demo's .demo/keys.env), --webhook-id (to replay one delivery).
import { ADMIN_API_VERSION } from "../app/contracts/admin-api";
import { randomInt, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { webhookHmac } from "../test/support/shopify-signing";

export const WEBHOOK_API_VERSION = ADMIN_API_VERSION;

export interface WebhookOptions {
  topic: string;
  shop: string;
  secret: string;
  customerId?: string;
  customerEmail?: string;
  customerPhone?: string;
  orderIds?: string[];
  webhookId?: string;
  now?: Date;
}

/** The app path Shopify posts each topic to (shopify.app.toml). */
export function webhookPath(topic: string): string {
  if (["customers/data_request", "customers/redact", "shop/redact"].includes(topic)) return "/webhooks/compliance";
  if (topic === "app/uninstalled") return "/webhooks/app/uninstalled";
  if (topic === "app/scopes_update") return "/webhooks/app/scopes_update";
  throw new Error(`unknown topic "${topic}"`);
}

/** A payload like Shopify's for the topic. Ids are numbers, as Shopify sends them. */
export function webhookPayload(options: WebhookOptions): Record<string, unknown> {
  const shopId = 954889;
  const customer = {
    id: options.customerId ? Number(options.customerId) : null,
    email: options.customerEmail ?? null,
    phone: options.customerPhone ?? null,
  };
  const orders = (options.orderIds ?? []).map(Number);
  switch (options.topic) {
    case "customers/data_request":
      return {
        shop_id: shopId,
        shop_domain: options.shop,
        orders_requested: orders,
        customer,
        data_request: { id: randomInt(1, 1_000_000) },
      };
    case "customers/redact":
      return { shop_id: shopId, shop_domain: options.shop, customer, orders_to_redact: orders };
    case "shop/redact":
      return { shop_id: shopId, shop_domain: options.shop };
    case "app/uninstalled":
      return {
        id: shopId,
        name: "Demo Shop",
        domain: options.shop,
        myshopify_domain: options.shop,
        email: "owner@demo-shop.example",
        currency: "USD",
      };
    case "app/scopes_update":
      return {
        id: 1,
        shop_id: `gid://shopify/Shop/${shopId}`,
        previous: ["read_products"],
        current: ["read_products", "read_orders"],
        updated_at: (options.now ?? new Date()).toISOString(),
      };
    default:
      throw new Error(`unknown topic "${options.topic}"`);
  }
}

/** The raw body and headers of one delivery. */
export function signedWebhook(options: WebhookOptions): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(webhookPayload(options));
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, options.secret),
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": WEBHOOK_API_VERSION,
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": (options.now ?? new Date()).toISOString(),
      "X-Shopify-Event-Id": randomUUID(),
    },
  };
}

/** The API secret `npm run demo` generated (.demo/keys.env), when there is one. */
function demoSecret(): string | undefined {
  const file = path.resolve(import.meta.dirname, "..", ".demo", "keys.env");
  if (!existsSync(file)) return undefined;
  return /^SHOPIFY_API_SECRET=(.+)$/m.exec(readFileSync(file, "utf8"))?.[1]?.trim();
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      shop: { type: "string", default: "demo-shop.myshopify.com" },
      "customer-email": { type: "string" },
      "customer-id": { type: "string" },
      "customer-phone": { type: "string" },
      order: { type: "string", multiple: true },
      url: { type: "string", default: `http://127.0.0.1:${process.env.DEMO_APP_PORT ?? process.env.PORT ?? "3000"}` },
      secret: { type: "string", default: process.env.SHOPIFY_API_SECRET ?? demoSecret() },
      "webhook-id": { type: "string" },
    },
  });
  const topic = positionals[0];
  if (!topic) {
    console.error("usage: tsx demo/send-webhook.ts <topic> [--shop …] [--customer-email …] [--customer-id …] [--url …]");
    return 2;
  }
  if (!values.secret) {
    console.error("SHOPIFY_API_SECRET is not set (or pass --secret): the app would answer 401.");
    return 2;
  }
  const delivery = signedWebhook({
    topic,
    shop: values.shop,
    secret: values.secret,
    customerId: values["customer-id"],
    customerEmail: values["customer-email"],
    customerPhone: values["customer-phone"],
    orderIds: values.order,
    webhookId: values["webhook-id"],
  });
  const target = new URL(webhookPath(topic), values.url);
  const started = performance.now();
  const response = await fetch(target, { method: "POST", headers: delivery.headers, body: delivery.body });
  const ms = Math.round(performance.now() - started);
  console.log(`${topic} → ${target.href}: ${response.status} in ${ms} ms (webhook id ${delivery.headers["X-Shopify-Webhook-Id"]})`);
  const text = await response.text();
  if (text) console.log(text);
  return response.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
