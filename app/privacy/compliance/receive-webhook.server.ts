// What a webhook route does after the HMAC check: parse the payload, record the
// delivery (the webhook id is the primary key, so a redelivery is refused by the
// database itself) and enqueue the job, all in one transaction. The work runs later.
import { Prisma } from "@prisma/client";
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { enqueueWrite } from "../../infra/jobs/queue.server";
import { insertDataRequestWrite } from "../store/data-requests.server";
import { insertWebhookDeliveryWrite } from "../store/webhook-deliveries.server";
import { randomId } from "../../infra/random-id";
import { customerKeys } from "./customer-footprint.server";
import {
  appScopesUpdateSchema,
  appUninstalledSchema,
  customersDataRequestSchema,
  customersRedactSchema,
  parseTopic,
  shopRedactSchema,
  type WebhookTopic,
} from "./payloads";

export interface WebhookDeliveryInput {
  webhookId: string;
  shop: string;
  /** as authenticate.webhook reports it ("CUSTOMERS_REDACT") or as Shopify names it */
  topic: string;
  payload: unknown;
}

export type ReceiveResult =
  | { ok: true; duplicate: boolean; topic: WebhookTopic }
  | { ok: false; code: "WEBHOOK_UNKNOWN_TOPIC" | "WEBHOOK_BAD_PAYLOAD"; message: string };

export const WEBHOOK_JOB_KIND = "webhook";

/** The job payload: what the handler needs, nothing more. Encrypted in the Job row. */
export interface WebhookJobPayload {
  webhookId: string;
  topic: WebhookTopic;
  dataRequestId?: string;
  body: unknown;
}

const schemas = {
  "customers/data_request": customersDataRequestSchema,
  "customers/redact": customersRedactSchema,
  "shop/redact": shopRedactSchema,
  "app/uninstalled": appUninstalledSchema,
  "app/scopes_update": appScopesUpdateSchema,
} as const;

export async function receiveWebhook(
  deps: { db: Database; vault: Vault },
  delivery: WebhookDeliveryInput,
  now: Date = new Date(),
): Promise<ReceiveResult> {
  const topic = parseTopic(delivery.topic);
  if (!topic) return { ok: false, code: "WEBHOOK_UNKNOWN_TOPIC", message: "This app does not handle that topic." };
  const parsed = schemas[topic].safeParse(delivery.payload);
  if (!parsed.success) return { ok: false, code: "WEBHOOK_BAD_PAYLOAD", message: "The payload does not match the topic." };
  const body = parsed.data;
  if ("shop_domain" in body && body.shop_domain !== delivery.shop) {
    return { ok: false, code: "WEBHOOK_BAD_PAYLOAD", message: "shop_domain does not match the shop header." };
  }
  const { db, vault } = deps;
  const shop = delivery.shop;
  const dataRequest = dataRequestRow(vault, topic, body, { shop, webhookId: delivery.webhookId, now });
  const payload: WebhookJobPayload = { webhookId: delivery.webhookId, topic, dataRequestId: dataRequest?.id, body };
  try {
    await db.$transaction([
      insertWebhookDeliveryWrite(db, { webhookId: delivery.webhookId, shop, topic, receivedAt: now }),
      ...(dataRequest ? [insertDataRequestWrite(db, dataRequest)] : []),
      enqueueWrite(db, vault, { shop, kind: WEBHOOK_JOB_KIND, payload }, now),
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: true, duplicate: true, topic };
    if (isUniqueViolation(error)) return { ok: true, duplicate: true, topic };
    throw error;
  }
  return { ok: true, duplicate: false, topic };
}

// The PostgreSQL client is generated separately, so its error class is not the one imported above.
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function dataRequestRow(vault: Vault, topic: WebhookTopic, body: unknown, at: { shop: string; webhookId: string; now: Date }) {
  if (topic !== "customers/data_request" && topic !== "customers/redact" && topic !== "shop/redact") return undefined;
  const base = { id: randomId(), shop: at.shop, webhookId: at.webhookId, topic, status: "received", receivedAt: at.now };
  if (topic !== "customers/data_request") return base; // a redact keeps no key to the customer
  const request = customersDataRequestSchema.parse(body);
  const keys = customerKeys(vault, request.customer);
  return {
    ...base,
    shopifyRequestId: request.data_request?.id ?? null,
    customerIdHash: keys.customerIdHash ?? null,
    emailHash: keys.emailHash ?? null,
    phoneHash: keys.phoneHash ?? null,
  };
}
