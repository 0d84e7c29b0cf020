// End to end with the built app in its own process: the demo's webhook command
// (demo/send-webhook.ts, run as a CLI) signs and posts compliance webhooks, the route
// answers at once, and the server's own job worker does the work in the background.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, TEST_APP_ENV, TEST_ENCRYPTION_KEYS, TEST_HASH_KEY, type AppServer } from "./support/app-server";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { seedCustomer, seedCustomerData } from "./support/privacy-seed";
import { createVault } from "../app/infra/crypto/crypto.server";

const SHOP = "demo-shop.myshopify.com";
const root = path.resolve(import.meta.dirname, "..");
const vault = createVault(TEST_ENCRYPTION_KEYS, TEST_HASH_KEY);
const jane = seedCustomer("jane", 7);
let t: TestDatabase;
let server: AppServer;

async function sendWebhook(...args: string[]) {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const { stdout } = await promisify(execFile)(tsx, ["demo/send-webhook.ts", ...args, "--url", server.url], {
    cwd: root,
    env: { ...process.env, SHOPIFY_API_SECRET: TEST_APP_ENV.SHOPIFY_API_SECRET },
  });
  return stdout;
}

// Polls while the server's worker runs; a read may meet the server's write lock on the
// shared SQLite file (two processes), which is retried like "not yet".
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedCustomerData(t.db, vault, SHOP, jane);
  server = await startAppServer({ DATABASE_URL: t.url });
});
afterAll(async () => {
  await server?.close();
  await t?.cleanup();
});

describe("compliance webhooks against the running app", () => {
  it("a data request sent by the demo command produces an export", async () => {
    const out = await sendWebhook("customers/data_request", "--customer-email", jane.email, "--shop", SHOP);
    expect(out).toMatch(/→ .*\/webhooks\/compliance: 200/);
    const request = await eventually(
      () => t.db.dataRequest.findFirst({ where: { shop: SHOP, topic: "customers/data_request" } }),
      (row) => row?.status === "done",
    );
    expect(request?.status).toBe("done");
    expect(vault.decrypt(request!.exportEnc!)).toContain(jane.marker);
  });

  it("a customers/redact deletes the customer; a forged one is refused with 401", async () => {
    const forged = await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["demo/send-webhook.ts", "shop/redact", "--url", server.url, "--secret", "wrong"],
      { cwd: root },
    ).catch((e: { stdout: string }) => e);
    expect(forged.stdout).toMatch(/: 401/);
    expect(
      await eventually(
        () => t.db.shop.count({ where: { shop: SHOP } }),
        (n) => n === 1,
      ),
    ).toBe(1);

    await sendWebhook(
      "customers/redact",
      "--customer-email",
      jane.email,
      "--customer-id",
      jane.id,
      "--customer-phone",
      jane.phone,
      "--order",
      jane.orderId,
    );
    const left = await eventually(
      () => t.db.conversation.count({ where: { shop: SHOP } }),
      (n) => n === 0,
    );
    expect(left).toBe(0);
    expect(
      await eventually(
        () => t.db.lead.count({ where: { shop: SHOP } }),
        (n) => n === 0,
      ),
    ).toBe(0);
  });
});
