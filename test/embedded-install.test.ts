// First visit of the embedded admin after install, offline: no stored session, so
// the app exchanges the session token for an expiring offline token (the demo's
// Admin API fake plays Shopify), stores it encrypted, and its afterAuth hook marks
// the shop installed and publishes the widget configuration metafield.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApiFake, type AdminApiFake } from "../demo/admin-api/start-admin-api-fake";
import { BROWSER_HEADERS, startAppServer, TEST_APP_ENV, type AppServer } from "./support/app-server";
import { embeddedAdminQuery, sessionToken } from "./support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const SHOP = "demo-shop.myshopify.com";

describe("embedded admin install (token exchange in demo mode)", () => {
  let database: TestDatabase;
  let fake: AdminApiFake;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startAdminApiFake({
      accessToken: "shpat_exchanged",
      apiKey: TEST_APP_ENV.SHOPIFY_API_KEY,
      apiSecret: TEST_APP_ENV.SHOPIFY_API_SECRET,
    });
    server = await startAppServer({ DATABASE_URL: database.url, DEMO_MODE: "1", DEMO_ADMIN_API_ORIGIN: fake.origin });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
    await database?.cleanup();
  });

  it("installs on the first admin visit and stores the exchanged token encrypted", async () => {
    const token = sessionToken({ shop: SHOP, apiKey: TEST_APP_ENV.SHOPIFY_API_KEY, secret: TEST_APP_ENV.SHOPIFY_API_SECRET });
    const response = await fetch(`${server.url}/app?${embeddedAdminQuery({ shop: SHOP, token })}`, { headers: BROWSER_HEADERS });
    expect(response.status, server.output()).toBe(200);
    expect(await response.text()).toContain('href="/app/privacy"');

    const session = await database.db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    expect(session.accessToken).toMatch(/^v1\.k1\./);
    expect(session.accessToken).not.toContain("shpat_exchanged");
    expect(session.expires).not.toBeNull();

    const shop = await database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(shop.uninstalledAt).toBeNull();
    const config = fake.appMetafields().shop_assistant?.widget_config;
    expect(config?.type).toBe("json");
  });
});
