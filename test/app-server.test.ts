// The built app, served by server.ts in its own process: health, entry redirects,
// the login form and the embedded admin with a session token for the demo shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_HEADERS as BROWSER,
  startAppServer,
  TEST_APP_ENV,
  TEST_ENCRYPTION_KEYS,
  TEST_HASH_KEY,
  type AppServer,
} from "./support/app-server";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { embeddedAdminQuery, sessionToken } from "./support/shopify-signing";
import { seedOfflineSession } from "./support/shopify-session";

const SHOP = "demo-shop.myshopify.com";

describe("app server", () => {
  let database: TestDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedOfflineSession(database.db, { shop: SHOP, accessToken: "shpat_test", keys: TEST_ENCRYPTION_KEYS, hashKey: TEST_HASH_KEY });
    server = await startAppServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  const token = (secret: string = TEST_APP_ENV.SHOPIFY_API_SECRET) =>
    sessionToken({ shop: SHOP, apiKey: TEST_APP_ENV.SHOPIFY_API_KEY, secret });

  it("answers /healthz with JSON", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("sends visitors without a shop to the login form, and Shopify's ?shop= visits to the admin", async () => {
    const bare = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(bare.headers.get("location")).toBe("/auth/login");
    const fromShopify = await fetch(`${server.url}/?shop=${SHOP}&host=abc`, { redirect: "manual" });
    expect(fromShopify.headers.get("location")).toBe(`/app?shop=${SHOP}&host=abc`);
    const login = await fetch(`${server.url}/auth/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('name="shop"');
  });

  it("renders the embedded admin for a valid session token, with the navigation and Shopify's frame policy", async () => {
    const response = await fetch(`${server.url}/app?${embeddedAdminQuery({ shop: SHOP, token: token() })}`, {
      headers: BROWSER,
    });
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    for (const href of ["/app/assistant", "/app/privacy", "/app/conversations", "/app/data-requests", "/app/incidents"]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('data-api-key="test-api-key"');
    expect(response.headers.get("content-security-policy")).toContain(`frame-ancestors https://${SHOP}`);
    // Production loads App Bridge from Shopify's CDN, with the hints that make it fast.
    expect(html).toContain('<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js" data-api-key="test-api-key">');
    expect(html).toContain('<link rel="preconnect" href="https://cdn.shopify.com/"/>');
    expect(response.headers.get("link")).toContain('<https://cdn.shopify.com/shopifycloud/app-bridge.js>; rel="preload"');
  });

  it("refuses a session token signed with another secret", async () => {
    const response = await fetch(`${server.url}/app?${embeddedAdminQuery({ shop: SHOP, token: token("wrong-secret") })}`, {
      headers: BROWSER,
      redirect: "manual",
    });
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('href="/app/privacy"');
  });

  it("answers fetch requests from the admin (Authorization: Bearer) with the loader data", async () => {
    const response = await fetch(`${server.url}/app?_data=routes/app`, {
      headers: { ...BROWSER, Authorization: `Bearer ${token()}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ apiKey: "test-api-key" });
  });
});

describe("app server in demo mode", () => {
  let database: TestDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startAppServer({ DATABASE_URL: database.url, DEMO_MODE: "1", DEMO_ADMIN_API_ORIGIN: "http://127.0.0.1:9" });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  it("says loudly that the demo is on", () => {
    expect(server.output()).toContain("DEMO MODE IS ON");
  });

  it("refuses to start with NODE_ENV=production", async () => {
    await expect(
      startAppServer({ DATABASE_URL: database.url, NODE_ENV: "production", DEMO_MODE: "1", DEMO_ADMIN_API_ORIGIN: "http://127.0.0.1:9" }),
    ).rejects.toThrow(/DEMO_MODE: the demo cannot run with NODE_ENV=production/);
  });
});

describe("app server configuration", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.cleanup());

  // Every setting is parsed once, at start-up (app/composition/root.server.ts): a bad
  // value stops the server before it listens, naming the variable, instead of failing
  // the first shopper request.
  it.each([
    ["RATE_LIMIT_IP_PER_MINUTE", "-5"],
    ["SHOP_STATE_CACHE_MS", "soon"],
    ["SSE_HEARTBEAT_MS", "1"],
    ["DATABASE_SQLITE_SYNCHRONOUS", "OFF"],
    ["TRUSTED_PROXY_HOPS", "-1"],
    ["SERVER_REQUEST_TIMEOUT_MS", "soon"],
  ])("refuses to start with %s=%s", async (name, value) => {
    await expect(startAppServer({ DATABASE_URL: database.url, [name]: value })).rejects.toThrow(
      new RegExp(`Invalid environment[\\s\\S]*${name}`),
    );
  });
});
