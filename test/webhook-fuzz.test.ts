// Hostile input on the webhook routes (issue 7): generated deliveries with bad,
// missing or misplaced HMACs, wrong topics, huge or broken bodies, bad unicode and
// valid signatures over malformed payloads. Not one 5xx; every error is JSON with a
// clear message; an unsigned delivery writes nothing; a signed valid one is recorded
// and queued exactly once per webhook id, however often it is replayed.
// In-process: the routes' real handler with shopify-app-remix's real authenticate.webhook.
import "@shopify/shopify-app-remix/adapters/node";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { ApiVersion, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "../app/infra/crypto/crypto.server";
import { WEBHOOK_TOPICS, type WebhookTopic } from "../app/privacy/compliance/payloads";
import { handleWebhookRequest, type WebhookRouteDeps } from "../app/privacy/compliance/webhook-route.server";
import { webhookPayload } from "../demo/send-webhook";
import { TEST_ENCRYPTION_KEYS, TEST_HASH_KEY } from "./support/app-server";
import { webhookHmac } from "./support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const RUNS = Number(process.env.WEBHOOK_FUZZ_RUNS ?? 2_000);
const SECRET = "webhook-fuzz-secret";
const SHOP = "demo-shop.myshopify.com";

const ENDPOINTS: Record<string, readonly WebhookTopic[]> = {
  compliance: ["customers/data_request", "customers/redact", "shop/redact"],
  uninstalled: ["app/uninstalled"],
  scopes: ["app/scopes_update"],
};

let t: TestDatabase;
let deps: WebhookRouteDeps;
let kicks = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  const shopify = shopifyApp(testConfig({ apiSecretKey: SECRET, apiVersion: ApiVersion.January26, logger: { level: LogSeverity.Error } }));
  deps = {
    authenticateWebhook: (request) => shopify.authenticate.webhook(request),
    db: t.db,
    vault: createVault(TEST_ENCRYPTION_KEYS, TEST_HASH_KEY),
    kick: () => void kicks++,
  };
});
afterAll(() => t?.cleanup());

const counts = async () => ({
  deliveries: await t.db.webhookDelivery.count(),
  jobs: await t.db.job.count(),
  dataRequests: await t.db.dataRequest.count(),
});

// Payloads: the real shape for a topic, the real shape with one field broken, or anything.
const oddValue = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom("\ud800", "\u0000", "-1", "1e400", "<script>alert(1)</script>"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const payloadKeys = [
  "shop_id",
  "shop_domain",
  "customer",
  "orders_requested",
  "orders_to_redact",
  "data_request",
  "current",
  "previous",
  "id",
  "__proto__",
];
const body = (topic: string) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constant(
        JSON.stringify(
          webhookPayload({
            topic: knownTopic(topic),
            shop: SHOP,
            secret: SECRET,
            customerId: "7700000000009",
            customerEmail: "jane@example.org",
          }),
        ),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.dictionary(fc.constantFrom(...payloadKeys), oddValue, { minKeys: 1, maxKeys: 2 }).map((broken) =>
        JSON.stringify({
          ...webhookPayload({ topic: knownTopic(topic), shop: SHOP, secret: SECRET, customerEmail: "a@b.c" }),
          ...broken,
        }),
      ),
    },
    { weight: 2, arbitrary: fc.anything().map((v) => JSON.stringify(v) ?? "null") },
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 100 }),
    fc.constantFrom("", "{", "[1,", '{"shop_domain":"\\ud800"}', "\u00ff\u00fe{}", `{"pad":"${"x".repeat(300_000)}"}`, "null", "[]", "0"),
  );
const knownTopic = (topic: string) => ((WEBHOOK_TOPICS as readonly string[]).includes(topic) ? topic : "shop/redact");

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const delivery = fc
  .record({
    endpoint: fc.constantFrom(...Object.keys(ENDPOINTS)),
    topic: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...WEBHOOK_TOPICS) },
      fc.constantFrom("orders/create", "CUSTOMERS_REDACT", "", "shop/redact ", "app/uninstalled\u00e9"),
      printable,
    ),
    hmac: fc.constantFrom("good", "good", "good", "wrong-secret", "missing", "other-body", "garbage", "empty"),
    shop: fc.oneof(
      { weight: 6, arbitrary: fc.constant(SHOP) },
      fc.constantFrom("other-shop.myshopify.com", "", "evil.example.com"),
      printable,
    ),
    // A small pool of ids, so replays of the same delivery id happen often.
    webhookId: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom("wh-1", "wh-2", "wh-3", "wh-4") },
      fc.constant("fresh"),
      fc.constant("missing"),
    ),
    method: fc.oneof({ weight: 12, arbitrary: fc.constant("POST") }, fc.constantFrom("GET", "PUT", "DELETE")),
    contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""),
  })
  .chain((d) => body(d.topic).map((raw) => ({ ...d, body: raw })));

describe("fuzzing the webhook routes", () => {
  it(`answers ${RUNS} generated deliveries without a 5xx; unsigned ones write nothing; each webhook id is recorded once`, async () => {
    const recorded = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(delivery, async (d) => {
        const webhookId = d.webhookId === "fresh" ? randomUUID() : d.webhookId;
        const signedBody = d.hmac === "other-body" ? d.body + " " : d.body;
        const hmac = {
          good: webhookHmac(signedBody, SECRET),
          "other-body": webhookHmac(signedBody, SECRET),
          "wrong-secret": webhookHmac(d.body, "not-the-secret"),
          garbage: "not base64 at all!",
          empty: "",
          missing: undefined,
        }[d.hmac];
        const headers: Record<string, string> = {
          "X-Shopify-Topic": d.topic,
          "X-Shopify-Shop-Domain": d.shop,
          "X-Shopify-API-Version": "2026-01",
          "X-Shopify-Triggered-At": new Date().toISOString(),
        };
        if (d.contentType) headers["Content-Type"] = d.contentType;
        if (hmac !== undefined) headers["X-Shopify-Hmac-Sha256"] = hmac;
        if (d.webhookId !== "missing") headers["X-Shopify-Webhook-Id"] = webhookId;
        let request: Request;
        try {
          request = new Request(`https://app.example.test/webhooks/${d.endpoint}`, {
            method: d.method,
            headers,
            body: d.method === "GET" ? undefined : d.body,
          });
        } catch {
          return; // a header value fetch itself refuses never reaches a server
        }
        const signed = d.hmac === "good" && d.method === "POST";
        const before = signed ? undefined : await counts();
        const response = await handleWebhookRequest(request, deps, ENDPOINTS[d.endpoint]!);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, JSON.stringify({ ...d, body: d.body.slice(0, 80) })).toBeLessThan(500);
        if (response.status === 200) {
          expect(signed).toBe(true);
          recorded.add(webhookId);
          return;
        }
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const json = await response.json();
        expect(typeof json.error?.code).toBe("string");
        expect(json.error.message.length).toBeGreaterThan(10);
        expect(json.error.message).not.toMatch(/\bat \S+:\d+|Prisma|Error:/);
        if (!signed) {
          expect(response.status).toBe(d.method === "POST" ? 401 : 405);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) },
    );
    console.log(
      `webhook fuzz: ${RUNS} deliveries, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ${recorded.size} webhook ids recorded`,
    );
    for (const status of [200, 400, 401, 405]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    // Replays: every accepted id is one delivery and one job, and the worker was woken once per id.
    const after = await counts();
    expect(after.deliveries).toBe(recorded.size);
    expect(after.jobs).toBe(recorded.size);
    expect(kicks).toBe(recorded.size);
    expect(recorded.size).toBeLessThan(statuses.get(200) ?? 0); // some 200s were replays
  }, 600_000);
});
