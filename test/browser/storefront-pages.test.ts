// The demo storefront in Chromium: home, collection and product pages render the
// extension's real app embed (launcher on every page, in the storefront's
// language), the embed can be left out, the cart and the demo login work.
// The storefront alone: no app server is needed to draw the launcher.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoStore } from "../../demo/store/load-store";
import { startStorefront } from "../../demo/storefront/server";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

const root = path.resolve(import.meta.dirname, "..", "..");
let browser: Browser;
let storefront: Awaited<ReturnType<typeof startStorefront>>;
const external: string[] = [];

async function open(pathname: string): Promise<Page> {
  const page = await browser.newPage();
  await blockExternalRequests(page, external);
  const response = await page.goto(`${storefront.url}${pathname}`);
  expect(response?.status(), pathname).toBe(200);
  return page;
}

describe.skipIf(!chromiumAvailable())("demo storefront in Chromium", () => {
  beforeAll(async () => {
    storefront = await startStorefront({
      store: loadDemoStore(),
      extensionDir: path.join(root, "extensions", "shop-assistant"),
      publicDir: path.join(root, "public"),
      appUrl: "http://127.0.0.1:9", // no app: these tests never open the chat
      apiSecret: "unused",
      widgetConfig: async () => ({ greeting: "Hello from the metafield" }),
      log: () => {},
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await storefront?.close();
  });

  it.each([
    ["home", "/"],
    ["collection", "/collections/tops"],
    ["product", "/products/classic-cotton-tee"],
  ])("the %s page shows the launcher from the real app embed", async (name, pathname) => {
    const page = await open(pathname);
    const launcher = page.locator("#shop-assistant-launcher");
    await launcher.waitFor({ state: "visible" });
    expect(await launcher.textContent()).toBe("Chat with us");
    expect(await launcher.getAttribute("aria-expanded")).toBe("false");
    const config = JSON.parse((await page.locator("#shop-assistant-config").textContent()) ?? "null");
    expect(config).toEqual({ greeting: "Hello from the metafield" });
    await screenshot(page, `storefront-${name}`);
    await page.close();
  });

  it("speaks the storefront's language (/fr/ prefix and ?locale=)", async () => {
    for (const pathname of ["/fr/products/classic-cotton-tee", "/?locale=de"]) {
      const page = await open(pathname);
      const label = await page.locator("#shop-assistant-launcher").textContent();
      expect(label).not.toBe("Chat with us");
      expect(await page.locator("html").getAttribute("lang")).toMatch(/^(fr|de)$/);
      await page.close();
    }
  });

  it("leaves the embed out with ?embed=0 (the Lighthouse baseline)", async () => {
    const page = await open("/?embed=0");
    expect(await page.locator("#shop-assistant").count()).toBe(0);
    await page.close();
  });

  it("adds to the cart through /cart/add.js and the header count follows", async () => {
    const page = await open("/products/classic-cotton-tee");
    expect(await page.locator("#cart-count").textContent()).toBe("0");
    const variantId = await page.locator("form[action='/cart/add'] [name=id]").first().inputValue();
    const added = await page.evaluate(async (id) => {
      const r = await fetch("/cart/add.js", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: Number(id), quantity: 2 }),
      });
      return { status: r.status, body: await r.json() };
    }, variantId);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ variant_id: Number(variantId), quantity: 2, handle: "classic-cotton-tee" });
    await expect.poll(() => page.locator("#cart-count").textContent()).toBe("2");
    const refused = await page.evaluate(
      async () =>
        (await fetch("/cart/add.js", { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":1,"quantity":1}' }))
          .status,
    );
    expect(refused).toBe(422);
    await page.close();
  });

  it("logs a demo customer in and out", async () => {
    const page = await open("/account/login");
    const buttons = page.locator("ul.customers button");
    expect(await buttons.count()).toBe(10);
    await page.locator("button[data-customer-email='bruno@example.com']").click();
    await page.waitForURL(/\/account$/);
    expect(await page.locator("main").textContent()).toContain("bruno@example.com");
    await page.goto(`${storefront.url}/account/logout`);
    expect(await page.locator("header").textContent()).toContain("Log in");
    await page.close();
  });

  it("renders the fixture's hostile product titles as text (no script runs)", async () => {
    const dialogs: string[] = [];
    for (const pathname of ["/products/hostile-test-sock", "/products/hostile-trail-bottle", "/collections/all"]) {
      const page = await browser.newPage();
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await blockExternalRequests(page, external);
      await page.goto(`${storefront.url}${pathname}`, { waitUntil: "load" });
      expect(await page.locator("main img[src='x'], main svg[onload]").count()).toBe(0);
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  it("made no request off the machine", () => {
    expect(external).toEqual([]);
  });
});
