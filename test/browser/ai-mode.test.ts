// The same storefront with a model: the OpenAI-compatible fake (its demo brain,
// or a scripted reply) answers through the app, streamed to the widget.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

const run = chromiumAvailable() && testDatabaseProvider() === "sqlite";
let demo: BrowserDemo;
let browser: Browser;

describe.skipIf(!run)("AI mode on the demo storefront (OpenAI fake)", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo({ model: { kind: "fake" } });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.dispose();
  });

  it("streams the model's answer in several deltas, in AI mode, with product cards", async () => {
    const page = await browser.newPage();
    await blockExternalRequests(page, []);
    await page.goto(`${demo.storefrontUrl}/`);
    const stream = await page.evaluate(async () => {
      const r = await fetch("/apps/assistant/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "Do you have merino hiking socks?" }),
      });
      return { type: r.headers.get("content-type"), body: await r.text() };
    });
    expect(stream.type).toContain("text/event-stream");
    expect(stream.body.match(/^event: delta$/gm)?.length ?? 0).toBeGreaterThan(1);
    expect(stream.body).toMatch(/event: card\ndata: \{"kind":"product"/);
    expect(stream.body).toContain('"mode":"ai"');
    expect(demo.openAiFake!.requests.every((r) => r.store === false)).toBe(true);
    await page.close();
  }, 60_000);

  it("shows a scripted model reply in the panel", async () => {
    demo.openAiFake!.script({ text: "Scripted answer from the fake model." });
    const page = await browser.newPage();
    await blockExternalRequests(page, []);
    await page.goto(`${demo.storefrontUrl}/products/classic-cotton-tee`);
    await page.locator("#shop-assistant-launcher").click();
    await page.locator("#shop-assistant-accept").click();
    await page.locator("#shop-assistant-input").fill("Tell me something");
    await page.locator("#shop-assistant-input").press("Enter");
    await expect
      .poll(() => page.locator("#shop-assistant-log").textContent(), { timeout: 20_000 })
      .toContain("Scripted answer from the fake model.");
    await screenshot(page, "ai-mode-scripted");
    await page.close();
  }, 60_000);
});
