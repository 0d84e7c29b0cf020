// Hostile content in Chromium (issue 7): product titles from the store (the fixture's
// hostile-test-sock and hostile-trail-bottle), a knowledge-base entry, scripted model
// output from the OpenAI fake and a shopper's own message, each carrying <script>,
// <img onerror>, javascript: links and markdown links, rendered in the storefront
// widget and in the admin (knowledge page, transcript view). Every payload sets a
// window flag or opens a dialog if it ever runs; both are watched. Every anchor on the
// page must point to the shop's own origin (or Shopify's CDN), never javascript: or a
// foreign host.
import { randomUUID } from "node:crypto";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../app/infra/db/create-database.server";
import { DEMO_SHOP } from "../../demo/storefront/stack/demo-stack";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

const run = chromiumAvailable() && testDatabaseProvider() === "sqlite";

/** The same payloads in every field: each sets window.__xss or calls alert if it runs. */
const payloads = (tag: string) =>
  [
    `<script>window.__xss="${tag}-script"</script>`,
    `<img src=x onerror="window.__xss='${tag}-img'">`,
    `<svg onload="window.__xss='${tag}-svg'"></svg>`,
    `<a href="javascript:window.__xss='${tag}-a'">html link</a>`,
    `[markdown js](javascript:window.__xss='${tag}-md')`,
    `[markdown foreign](https://evil.example/${tag})`,
    `[protocol relative](//evil.example/${tag})`,
    `javascript:alert('${tag}')`,
  ].join(" ");

let demo: BrowserDemo;
let browser: Browser;
let db: Database;
const dialogs: string[] = [];
const external: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await blockExternalRequests(page, external);
  return page;
}

/** What ran and what is clickable in a page or frame, the widget's (open) shadow root included. */
async function inspect(target: Page | Frame) {
  return target.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i]!.querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const all = (selector: string) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
    return {
      flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
      hrefs: all("a[href], area[href]").map((a) => (a as HTMLAnchorElement).href),
      scripts: all("script").filter((s) => /__xss|alert\(/.test(s.textContent ?? "")).length,
      handlers: all("*").filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name) && /__xss|alert/.test(a.value))).length,
      shadowRoots: roots.length - 1,
    };
  });
}

/** Same origin as the page, the storefront, the shop's own domain or Shopify's CDN; http(s) only. */
function foreignHrefs(hrefs: string[], allowedOrigins: string[]): string[] {
  return hrefs.filter((href) => {
    const url = new URL(href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return true;
    return !allowedOrigins.includes(url.origin);
  });
}

describe.skipIf(!run)("hostile content is inert in the widget and the admin (Chromium)", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo({ model: { kind: "fake" } });
    browser = await launchChromium();
    db = createDatabase(demo.databaseUrl);
    // Written past the admin's validation (which refuses "//evil.example" since this test
    // found it): an entry stored by an older version must still render inert.
    await db.knowledgeEntry.create({
      data: {
        id: randomUUID(),
        shop: DEMO_SHOP,
        kind: "faq",
        question: `Do you deliver to the moon? ${payloads("kb-question")}`.slice(0, 300),
        answer: `Moon delivery takes a while. ${payloads("kb-answer")}`,
        url: "//evil.example/kb-url",
      },
    });
  }, 600_000);
  afterAll(async () => {
    await db?.$disconnect();
    await browser?.close();
    await demo?.dispose();
  });

  it("the storefront widget renders hostile products, knowledge, model output and shopper text as inert text", async () => {
    const page = await newPage();
    await page.goto(`${demo.storefrontUrl}/products/classic-cotton-tee`);
    const origin = new URL(demo.storefrontUrl).origin;
    await page.locator("#shop-assistant-launcher").click();
    await page.locator("#shop-assistant-accept").click();
    const log = page.locator("#shop-assistant-log");

    async function say(message: string, expectInLog: string | RegExp) {
      const answered = page.waitForResponse((r) => r.url().includes("/apps/assistant/chat"), { timeout: 20_000 });
      await page.locator("#shop-assistant-input").fill(message);
      await page.locator("#shop-assistant-input").press("Enter");
      await (await answered).finished();
      await expect.poll(() => log.textContent(), { timeout: 20_000 }).toMatch(expectInLog);
    }

    // 1. the shopper's own message
    await say(`Hello ${payloads("shopper")}`.slice(0, 1000), "shopper-script");
    // 2. hostile product titles, alt texts and descriptions from the store (demo brain → search_products)
    await say("Do you have the test sock?", "onerror=alert(1)> Test Sock");
    await say("Do you have the trail bottle?", "<svg onload=alert(2)>");
    // 3. the knowledge-base entry (demo brain → store_policies)
    await say("Do you deliver to the moon?", "Moon delivery takes a while");
    // 4. scripted model output
    demo.openAiFake!.script({ text: `Here you go: ${payloads("model")} [a real page](/products/classic-cotton-tee)` });
    await say("Tell me something", "model-script");
    await page.waitForTimeout(300); // images with src=x would have failed (and fired onerror) by now
    await screenshot(page, "xss-widget");

    const seen = await inspect(page);
    expect(seen.shadowRoots, "the widget's shadow root is inspected too").toBeGreaterThan(0);
    expect(seen.flag).toBeNull();
    expect(dialogs).toEqual([]);
    expect(seen.scripts).toBe(0);
    expect(seen.handlers).toBe(0);
    expect(foreignHrefs(seen.hrefs, [origin, "https://cdn.shopify.com"])).toEqual([]);
    // The payloads are visible as text, so the shopper sees exactly what was sent.
    expect(await log.textContent()).toContain(`<img src=x onerror="window.__xss='model-img'">`);
    await page.close();
  }, 180_000);

  async function openAdmin(path: string): Promise<{ page: Page; frame: () => Frame }> {
    const page = await newPage();
    const response = await page.goto(`${demo.adminUrl}/apps/shop-assistant${path}`);
    expect(response?.status(), path).toBe(200);
    const frame = () => page.frames().find((f) => new URL(f.url()).pathname.startsWith("/app"))!;
    return { page, frame };
  }

  const adminOrigins = () => [
    new URL(demo.adminUrl).origin,
    new URL(demo.appUrl).origin,
    new URL(demo.storefrontUrl).origin,
    `https://${DEMO_SHOP}`,
    "https://cdn.shopify.com",
  ];

  it("the admin knowledge page shows the hostile entry as inert text", async () => {
    const { page, frame } = await openAdmin("/app/knowledge");
    const app = page.frameLocator("#app");
    await app.getByText("Moon delivery takes a while", { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    await screenshot(page, "xss-admin-knowledge");
    const seen = await inspect(frame());
    expect(seen.flag).toBeNull();
    expect(dialogs).toEqual([]);
    expect(seen.scripts + seen.handlers).toBe(0);
    expect(foreignHrefs(seen.hrefs, adminOrigins())).toEqual([]);
    expect((await inspect(page)).flag).toBeNull();
    await page.close();
  }, 60_000);

  it("the admin transcript view shows the hostile conversation as inert text", async () => {
    const { page, frame } = await openAdmin("/app/conversations");
    const app = page.frameLocator("#app");
    await app.locator(".Polaris-IndexTable__TableRow").first().click();
    await app.getByText("model-script", { exact: false }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    await screenshot(page, "xss-admin-transcript");
    const seen = await inspect(frame());
    expect(seen.flag).toBeNull();
    expect(dialogs).toEqual([]);
    expect(seen.scripts + seen.handlers).toBe(0);
    expect(foreignHrefs(seen.hrefs, adminOrigins())).toEqual([]);
    const text = await app.locator("body").textContent();
    expect(text).toContain("shopper-script");
    expect(text).toContain("Test Sock");
    await page.close();
  }, 60_000);

  it("the checks above would see a payload that ran (self-test of the detector)", async () => {
    const page = await newPage();
    await page.goto(`${demo.storefrontUrl}/products/classic-cotton-tee`);
    await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), payloads("selftest"));
    await expect.poll(async () => (await inspect(page)).flag, { timeout: 5_000 }).not.toBeNull();
    const seen = await inspect(page);
    expect(seen.handlers).toBeGreaterThan(0);
    expect(foreignHrefs(seen.hrefs, [new URL(demo.storefrontUrl).origin])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^javascript:/)]),
    );
    await page.close();
  }, 30_000);

  it("made no request outside the loopback interface (nothing reached evil.example)", () => {
    const preload = "https://cdn.shopify.com/shopifycloud/app-bridge.js"; // shopify-app-remix's Link preload header
    expect(external.filter((url) => url !== preload)).toEqual([]);
  });
});
