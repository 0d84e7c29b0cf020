// In-process harness for the shopper API: the real handlers with a test database,
// Shopify's real app-proxy authentication (shopify-app-remix with a secret of the
// test's own) and signed Requests built as Shopify's proxy builds them.
import "@shopify/shopify-app-remix/adapters/node";
import { randomBytes } from "node:crypto";
import { ApiVersion, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { createVault } from "../../app/infra/crypto/crypto.server";
import { rateLimitConfigFrom } from "../../app/infra/ratelimit/rate-limit-config";
import { createShopperLimits, type ShopperLimits } from "../../app/infra/ratelimit/shopper-limits.server";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import type { ChatTurn } from "../../app/conversations/shopper/chat-turn";
import type { ChatApiDeps as ShopperApiDeps } from "../../app/conversations/shopper/chat-turn";
import { appProxyParams, signAppProxyQuery, type QueryParams } from "../support/shopify-signing";
import { TEST_ENCRYPTION_KEYS, TEST_HASH_KEY } from "../support/app-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

export const SHOP = "demo-shop.myshopify.com";
export const OTHER_SHOP = "other-shop.myshopify.com";
export const SECRET = "shopper-api-test-secret";

/** A turn like the assistant's: stores the shopper message, streams two deltas, stores the answer. */
export const echoTurn: ChatTurn = async function* ({ shop, conversationId, message, store }) {
  await store.appendShopperMessage({ shop: shop.shop, conversationId, text: message });
  yield { type: "delta", text: "You said: " };
  yield { type: "delta", text: message };
  const { messageId } = await store.appendAssistantMessage({
    shop: shop.shop,
    conversationId,
    text: `You said: ${message}`,
    cards: [],
    mode: "basic",
    topic: "other",
    tokensUsed: 0,
  });
  yield { type: "done", messageId, mode: "basic" };
};

export interface Harness {
  database: TestDatabase;
  deps: ShopperApiDeps;
  setShopSettings(settings: unknown, shop?: string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function createHarness(
  options: {
    chatTurn?: ChatTurn;
    admin?: AdminGraphql | null;
    limits?: ShopperLimits;
    heartbeatMs?: number;
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const database = await createTestDatabase();
  const shopify = shopifyApp(testConfig({ apiSecretKey: SECRET, apiVersion: ApiVersion.January26, logger: { level: LogSeverity.Error } }));
  const deps: ShopperApiDeps = {
    authenticateAppProxy: (request) => shopify.authenticate.public.appProxy(request),
    adminFor: () => options.admin ?? null,
    db: database.db,
    vault: createVault(TEST_ENCRYPTION_KEYS, TEST_HASH_KEY),
    limits:
      options.limits ??
      createShopperLimits({ config: rateLimitConfigFrom(options.env ?? {}), keyPrefix: `t${randomBytes(4).toString("hex")}` }),
    chatTurn: options.chatTurn ?? echoTurn,
    heartbeatMs: options.heartbeatMs,
    // signedRequest sends "X-Forwarded-For: <ip>, 10.0.0.1" as if behind one proxy at 10.0.0.1.
    trustedProxyHops: 1,
  };
  for (const shop of [SHOP, OTHER_SHOP]) await database.db.shop.create({ data: { shop } });
  return {
    database,
    deps,
    async setShopSettings(settings, shop = SHOP) {
      await database.db.shop.update({ where: { shop }, data: { settingsJson: JSON.stringify(settings) } });
    },
    cleanup: () => database.cleanup(),
  };
}

export interface SignedRequestOptions {
  method?: string;
  body?: unknown;
  /** Raw body text or bytes, sent as is. */
  rawBody?: string | Uint8Array;
  shop?: string;
  customerId?: string;
  timestamp?: number;
  secret?: string;
  /** Extra signed query parameters (e.g. token). */
  query?: QueryParams;
  /** Changes after signing (tampering). */
  tamper?: (query: URLSearchParams) => void;
  headers?: Record<string, string>;
  ip?: string;
  signal?: AbortSignal;
}

/** A request as Shopify's app proxy forwards it to {app}/proxy{path}. */
export function signedRequest(path: string, options: SignedRequestOptions = {}): Request {
  const params = {
    ...appProxyParams({ shop: options.shop ?? SHOP, customerId: options.customerId, timestamp: options.timestamp }),
    ...options.query,
  };
  const query = signAppProxyQuery(params, options.secret ?? SECRET);
  options.tamper?.(query);
  const method = options.method ?? (options.body === undefined && options.rawBody === undefined ? "GET" : "POST");
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`https://app.example.test/proxy${path}?${query}`, {
    method,
    body: method === "GET" || method === "HEAD" ? undefined : (body as BodyInit | undefined),
    headers: { "content-type": "application/json", "x-forwarded-for": `${options.ip ?? "203.0.113.9"}, 10.0.0.1`, ...options.headers },
    signal: options.signal,
  });
}

/** Reads a whole SSE body into its events. */
export async function readSse(response: Response): Promise<Array<{ event: string; data: unknown }>> {
  const text = await response.text();
  return parseSse(text);
}

export function parseSse(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split("\n\n")
    .filter((frame) => frame.startsWith("event:"))
    .map((frame) => {
      const [eventLine, dataLine] = frame.split("\n");
      return { event: eventLine!.slice("event: ".length), data: JSON.parse(dataLine!.slice("data: ".length)) };
    });
}
