// The compliance webhooks end to end below the HTTP layer: a signed delivery is
// received (row + job), the job runs, and then every table of the database is read
// back, plaintext and decrypted, looking for anything of the redacted customer.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { seedCustomer, seedCustomerData, testVault, type SeedCustomer } from "./support/privacy-seed";
import { cellsContaining, listTables, scanAllCells } from "./support/table-scan";
import { receiveWebhook } from "../app/privacy/compliance/receive-webhook.server";
import { runDueJobs } from "../app/infra/jobs/queue.server";
import { jobHandlers } from "../app/composition/job-registry.server";
import { downloadDataRequestExport } from "../app/privacy/compliance/export-download.server";
import { allModelNames, shopScopedModels } from "../app/privacy/compliance/shop-redact.server";
import type { Vault } from "../app/infra/crypto/crypto.server";

const SHOP = "demo-shop.myshopify.com";
const OTHER_SHOP = "other-shop.myshopify.com";
const clock = { now: () => new Date() };

let t: TestDatabase;
let vault: Vault;
const alice = seedCustomer("alice", 1);
const bob = seedCustomer("bob", 2);
const carol = seedCustomer("carol", 3);
let webhookCounter = 0;

function needlesFor(c: SeedCustomer): string[] {
  return [
    c.id,
    c.email,
    c.phone,
    c.phone.replace(/[^\d+]/g, ""),
    c.marker,
    c.orderId,
    vault.hash("customer", c.id),
    vault.hash("email", c.email),
    vault.hash("phone", c.phone),
    vault.hash("order", c.orderId),
  ];
}

async function deliver(shop: string, topic: string, payload: unknown) {
  const webhookId = `wh-${++webhookCounter}-${Date.now()}`;
  const received = await receiveWebhook({ db: t.db, vault }, { webhookId, shop, topic, payload });
  expect(received).toMatchObject({ ok: true, duplicate: false });
  const run = await runDueJobs({ db: t.db, vault, clock, handlers: jobHandlers });
  expect(run).toMatchObject({ done: 1, failed: 0, retried: 0 });
  return webhookId;
}

const customerPayload = (c: SeedCustomer) => ({ id: Number(c.id), email: c.email, phone: c.phone });

beforeAll(async () => {
  t = await createTestDatabase();
  vault = testVault();
  await seedCustomerData(t.db, vault, SHOP, alice);
  await seedCustomerData(t.db, vault, SHOP, bob);
  await seedCustomerData(t.db, vault, OTHER_SHOP, carol);
  for (const shop of [SHOP, OTHER_SHOP]) {
    await t.db.session.create({
      data: { id: `offline_${shop}`, shop, state: "s", accessToken: vault.encrypt("shpat_secret"), scope: "read_products" },
    });
    await t.db.knowledgeEntry.create({ data: { id: `faq-${shop}`, shop, kind: "faq", question: "Returns?", answer: "30 days" } });
    await t.db.auditEvent.create({ data: { id: `audit-${shop}`, shop, actor: "42", action: "settings.updated" } });
  }
});

afterAll(async () => {
  await t?.cleanup();
});

describe("data model", () => {
  it("every model carries the shop, so shop/redact reaches every table", () => {
    expect(shopScopedModels().sort()).toEqual(allModelNames().sort());
  });
});

describe("customers/data_request", () => {
  it("exports everything held about the customer and nothing of anyone else", async () => {
    await deliver(SHOP, "CUSTOMERS_DATA_REQUEST", {
      shop_id: 1,
      shop_domain: SHOP,
      orders_requested: [Number(alice.orderId)],
      customer: customerPayload(alice),
      data_request: { id: 9001 },
    });
    const request = await t.db.dataRequest.findFirstOrThrow({ where: { shop: SHOP, topic: "customers/data_request" } });
    expect(request.status).toBe("done");
    expect(request.exportEnc).toMatch(/^v1\./);
    expect(request.exportExpiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const download = await downloadDataRequestExport(t.db, vault, {
      shop: SHOP,
      dataRequestId: request.id,
      actor: "42",
      actorName: "Staff",
    });
    if (!download.ok) throw new Error(download.code);
    const json = download.json;
    expect(json).toContain(alice.marker);
    expect(json).toContain(alice.email);
    expect(download.export.conversations).toHaveLength(3);
    expect(download.export.conversations.flatMap((c) => c.messages).length).toBe(4);
    expect(download.export.leads).toHaveLength(1);
    expect(download.export.leads[0]!.phone).toBe(alice.phone);
    expect(download.export.orderVerifications.map((v) => v.success).sort()).toEqual([false, true]);
    expect(download.export.conversations.some((c) => c.verifiedOrderId === alice.orderId)).toBe(true);
    expect(download.export.summary).toMatch(/Chat conversations: 3/);
    for (const needle of [bob.marker, bob.email, bob.id, carol.marker, carol.email]) expect(json).not.toContain(needle);

    const actions = await t.db.auditEvent.findMany({ where: { shop: SHOP, targetId: request.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["data_request.downloaded", "data_request.export_ready"]);
  });

  it("finds the customer from an email alone (guest checkout)", async () => {
    await deliver(SHOP, "customers/data_request", {
      shop_id: 1,
      shop_domain: SHOP,
      orders_requested: [],
      customer: { email: bob.email.toUpperCase() },
      data_request: { id: 9002 },
    });
    const request = await t.db.dataRequest.findFirstOrThrow({ where: { shop: SHOP, shopifyRequestId: "9002" } });
    const download = await downloadDataRequestExport(t.db, vault, { shop: SHOP, dataRequestId: request.id, actor: "42" });
    if (!download.ok) throw new Error(download.code);
    // the verified-email conversation and the lead's conversation; the logged-in one needs the id
    expect(download.export.conversations).toHaveLength(2);
    expect(download.json).toContain(bob.marker);
    expect(download.json).not.toContain(alice.marker);
  });
});

describe("customers/redact", () => {
  it("leaves nothing of the customer in any table, plaintext, hashed or encrypted", async () => {
    const before = await scanAllCells(t.db, t.provider, vault);
    expect(cellsContaining(before, [alice.marker]).length).toBeGreaterThan(0); // the scan does see the data
    expect(cellsContaining(before, [vault.hash("email", alice.email)]).length).toBeGreaterThan(0);
    const webhookId = await deliver(SHOP, "CUSTOMERS_REDACT", {
      shop_id: 1,
      shop_domain: SHOP,
      customer: customerPayload(alice),
      orders_to_redact: [Number(alice.orderId)],
    });

    const after = await scanAllCells(t.db, t.provider, vault);
    expect(cellsContaining(after, needlesFor(alice))).toEqual([]);

    // bob (same shop) and carol (other shop) are untouched
    for (const c of [bob, carol]) expect(cellsContaining(after, [c.marker]).length).toBeGreaterThanOrEqual(4);
    expect(await t.db.conversation.count({ where: { shop: SHOP } })).toBe(3);
    expect(await t.db.lead.count({ where: { shop: SHOP } })).toBe(1);
    // the delivery is marked processed; the audit event has counts only
    expect((await t.db.webhookDelivery.findUniqueOrThrow({ where: { webhookId } })).processedAt).not.toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { shop: SHOP, action: "customer.redacted" } });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ deleted: { conversations: 3, messages: 4, leads: 1, orderVerifications: 2 } });
  });

  it("after the daily purge (VACUUM), not even the SQLite file's free pages hold the customer", async () => {
    if (t.provider !== "sqlite") return;
    const { RETENTION_JOB_KIND } = await import("../app/composition/job-registry.server");
    const { enqueue } = await import("../app/infra/jobs/queue.server");
    await enqueue(t.db, vault, { shop: "*", kind: RETENTION_JOB_KIND, payload: {} });
    await runDueJobs({ db: t.db, vault, clock, handlers: jobHandlers });
    await t.db.job.deleteMany({ where: { kind: RETENTION_JOB_KIND } });
    await t.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const bytes = readFileSync(t.file!).toString("latin1");
    for (const needle of needlesFor(alice)) expect(bytes.includes(needle), needle).toBe(false);
    expect(bytes).toContain(vault.hash("email", bob.email));
  });

  it("does the work once when Shopify delivers the same webhook again", async () => {
    const payload = { shop_id: 1, shop_domain: SHOP, customer: { email: bob.email }, orders_to_redact: [] };
    const first = await receiveWebhook({ db: t.db, vault }, { webhookId: "replayed-1", shop: SHOP, topic: "customers/redact", payload });
    const again = await receiveWebhook({ db: t.db, vault }, { webhookId: "replayed-1", shop: SHOP, topic: "customers/redact", payload });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(await t.db.job.count({ where: { status: "queued" } })).toBe(1);
    expect(await t.db.dataRequest.count({ where: { webhookId: "replayed-1" } })).toBe(1);
    await runDueJobs({ db: t.db, vault, clock, handlers: jobHandlers });
    expect(await t.db.auditEvent.count({ where: { shop: SHOP, action: "customer.redacted" } })).toBe(2);
    const late = await receiveWebhook({ db: t.db, vault }, { webhookId: "replayed-1", shop: SHOP, topic: "customers/redact", payload });
    expect(late).toMatchObject({ ok: true, duplicate: true });
    expect(await t.db.job.count({ where: { status: "queued" } })).toBe(0);
  });

  it("refuses a payload whose shop_domain is not the signed shop", async () => {
    const result = await receiveWebhook(
      { db: t.db, vault },
      {
        webhookId: "wrong-shop",
        shop: SHOP,
        topic: "customers/redact",
        payload: { shop_id: 2, shop_domain: OTHER_SHOP, customer: { email: carol.email } },
      },
    );
    expect(result).toMatchObject({ ok: false, code: "WEBHOOK_BAD_PAYLOAD" });
    expect(await t.db.webhookDelivery.count({ where: { webhookId: "wrong-shop" } })).toBe(0);
  });
});

describe("app/uninstalled, app/scopes_update and shop/redact", () => {
  it("updates the session scope, then deletes sessions and stops the shop on uninstall", async () => {
    await deliver(OTHER_SHOP, "APP_SCOPES_UPDATE", {
      id: 1,
      previous: ["read_products"],
      current: ["read_products", "read_orders"],
      updated_at: new Date().toISOString(),
    });
    expect((await t.db.session.findFirstOrThrow({ where: { shop: OTHER_SHOP } })).scope).toBe("read_products,read_orders");
    await deliver(SHOP, "APP_UNINSTALLED", { id: 1, domain: SHOP });
    expect(await t.db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await t.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).uninstalledAt).not.toBeNull();
  });

  it("shop/redact leaves no row of the shop in any table and the other shop intact", async () => {
    const otherBefore = await scanAllCells(t.db, t.provider, vault);
    const otherCount = otherBefore.filter((c) => c.text === OTHER_SHOP).length;
    await deliver(SHOP, "SHOP_REDACT", { shop_id: 1, shop_domain: SHOP });
    const after = await scanAllCells(t.db, t.provider, vault);
    expect(cellsContaining(after, [SHOP, bob.marker, vault.hash("email", bob.email)])).toEqual([]);
    expect(after.filter((c) => c.text === OTHER_SHOP).length).toBe(otherCount);
    expect(cellsContaining(after, [carol.marker]).length).toBeGreaterThanOrEqual(4);
    expect(await listTables(t.db, t.provider)).toEqual(expect.arrayContaining(["Message", "Session", "Job"]));
  });
});
