// The embedded admin in demo mode, in Chromium: the admin host frames the app with
// a session token, the App Bridge stand-in authenticates the app's own requests,
// the app's <ui-nav-menu> becomes the host's side nav, and a settings page loads.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

const run = chromiumAvailable() && testDatabaseProvider() === "sqlite";
let demo: BrowserDemo;
let browser: Browser;

describe.skipIf(!run)("the demo admin", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo();
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.dispose();
  });

  it("shows the app in the admin frame with its navigation, and navigates", async () => {
    const page: Page = await browser.newPage();
    const external: string[] = [];
    await blockExternalRequests(page, external);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(demo.adminUrl);
    await expect.poll(() => page.locator("nav#nav a, #nav a").count(), { timeout: 30_000 }).toBeGreaterThan(3);
    const frame = page.frameLocator("iframe#app");
    await frame.locator("body").waitFor();
    const labels = await page.locator("#nav a").allTextContents();
    expect(labels).toContain("Privacy");
    await page.locator("#nav a[data-href='/app/privacy']").click();
    await expect.poll(() => page.frame({ url: /\/app\/privacy/ }) !== null, { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await frame.locator("body").textContent()) ?? "", { timeout: 15_000 }).toMatch(/AI disclosure/i);
    await screenshot(page, "admin-privacy");
    expect(errors).toEqual([]);
    // Nothing leaves the machine, not even App Bridge hints to Shopify's CDN.
    expect(external).toEqual([]);
    await page.close();
  }, 90_000);

  it("passes Shopify's session-token bounce page (a full load without id_token)", async () => {
    const page = await browser.newPage();
    const url = new URL("/app/privacy", demo.appUrl);
    url.search = new URLSearchParams({
      embedded: "1",
      shop: "demo-shop.myshopify.com",
      host: Buffer.from("admin.shopify.com/store/demo-shop").toString("base64"),
    }).toString();
    await page.goto(url.toString());
    await page.waitForURL(/\/app\/privacy\?.*id_token=/, { timeout: 20_000 });
    await expect.poll(async () => (await page.locator("body").textContent()) ?? "", { timeout: 15_000 }).toMatch(/AI disclosure/i);
    await page.close();
  }, 60_000);

  it("answers the app's own fetches with the stand-in's bearer token", async () => {
    const page = await browser.newPage();
    await page.goto(demo.adminUrl);
    await expect.poll(() => page.frame({ url: /\/app/ }) !== null, { timeout: 30_000 }).toBe(true);
    const app = page.frame({ url: /\/app/ })!;
    await app.waitForFunction(() => typeof (window as unknown as { shopify?: unknown }).shopify === "object");
    const token = await app.evaluate(() => (window as unknown as { shopify: { idToken(): Promise<string> } }).shopify.idToken());
    expect(token.split(".")).toHaveLength(3);
    const status = await app.evaluate(async () => (await fetch("/app?_data=routes%2Fapp")).status);
    expect(status).toBe(200);
    await page.close();
  }, 60_000);
});
