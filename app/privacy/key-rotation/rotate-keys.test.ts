import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { seedCustomer, seedCustomerData } from "../../../test/support/privacy-seed";
import { scanAllCells } from "../../../test/support/table-scan";
import { createVault } from "../../infra/crypto/crypto.server";
import { rotateKeys } from "./rotate-keys.server";
import { receiveWebhook } from "../compliance/receive-webhook.server";
import { runDueJobs } from "../../infra/jobs/queue.server";
import { jobHandlers } from "../../composition/job-registry.server";
import { encryptedPrismaSessionStorage } from "../../infra/shopify/encrypted-session-storage.server";
import { Session } from "@shopify/shopify-api";

const SHOP = "demo-shop.myshopify.com";
const hashKey = randomBytes(32).toString("base64");
const oldKey = { id: "k1", key: randomBytes(32).toString("base64") };
const newKey = { id: "k2", key: randomBytes(32).toString("base64") };
const oldVault = createVault([oldKey], hashKey);
const rotatedVault = createVault([newKey, oldKey], hashKey);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const customer = seedCustomer("rot", 1);
  await seedCustomerData(t.db, oldVault, SHOP, customer);
  // an export, a queued job and a stored session, all under the old key
  await receiveWebhook(
    { db: t.db, vault: oldVault },
    {
      webhookId: "w1",
      shop: SHOP,
      topic: "customers/data_request",
      payload: { shop_id: 1, shop_domain: SHOP, customer: { email: customer.email }, orders_requested: [], data_request: { id: 1 } },
    },
  );
  await runDueJobs({ db: t.db, vault: oldVault, clock: { now: () => new Date() }, handlers: jobHandlers });
  await receiveWebhook(
    { db: t.db, vault: oldVault },
    { webhookId: "w2", shop: SHOP, topic: "app/scopes_update", payload: { current: ["read_orders"] } },
  );
  const session = new Session({
    id: `offline_${SHOP}`,
    shop: SHOP,
    state: "s",
    isOnline: false,
    accessToken: "shpat_secret_token",
    scope: "read_orders",
  });
  await encryptedPrismaSessionStorage(t.db, oldVault).storeSession(session);
});
afterAll(async () => t?.cleanup());

describe("rotateKeys", () => {
  it("old values still decrypt after a new key is added, and rotation leaves no old key id anywhere", async () => {
    const before = (await scanAllCells(t.db, t.provider, rotatedVault)).filter((c) => /^v1\./.test(c.text));
    const columns = new Set(before.map((c) => `${c.table}.${c.column}`));
    for (const column of [
      "Message.bodyEnc",
      "Lead.emailEnc",
      "Conversation.verifiedOrderEnc",
      "DataRequest.exportEnc",
      "Job.payloadEnc",
      "Session.accessToken",
    ]) {
      expect(columns).toContain(column);
    }
    expect(before.every((c) => c.text.startsWith("v1.k1."))).toBe(true);
    const plaintextBefore = before.map((c) => rotatedVault.decrypt(c.text)).sort();

    const report = await rotateKeys(t.db, rotatedVault, 3); // small batches: pagination is exercised
    expect(report.unreadable).toBe(0);
    expect(Object.values(report.reencrypted).reduce((a, b) => a + b, 0)).toBe(before.length);

    const after = (await scanAllCells(t.db, t.provider, rotatedVault)).filter((c) => /^v1\./.test(c.text));
    expect(after.filter((c) => !c.text.startsWith("v1.k2."))).toEqual([]);
    expect(after.map((c) => rotatedVault.decrypt(c.text)).sort()).toEqual(plaintextBefore);
    const keyIds = await t.db.message.findMany({ select: { keyId: true }, distinct: ["keyId"] });
    expect(keyIds).toEqual([{ keyId: "k2" }]);
    // the app reads its session with only the new key
    const onlyNew = createVault([newKey], hashKey);
    expect((await encryptedPrismaSessionStorage(t.db, onlyNew).loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_secret_token");
    // and a second run has nothing to do
    expect((await rotateKeys(t.db, rotatedVault)).reencrypted).toEqual({});
  });
});
