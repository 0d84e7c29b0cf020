// The embedded admin in Chromium, inside the demo admin host (App Bridge stand-in):
// every page opens and is screenshotted; switching "Ask for consent" in Privacy
// settings takes effect in the storefront widget (the consent step disappears and
// comes back), through the same widget-config metafield a real shop uses.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations } from "./support/axe";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";

const PAGES = [
  ["home", "/app", "Set-up"],
  ["assistant", "/app/assistant", "Greeting"],
  ["privacy", "/app/privacy", "Privacy notice"],
  ["knowledge", "/app/knowledge", "Store policies"],
  ["conversations", "/app/conversations", "Outcome"],
  ["leads", "/app/leads", "Status"],
  ["data-requests", "/app/data-requests", "forwarded under privacy law"],
  ["analytics", "/app/analytics", "Answered without a person"],
  ["audit", "/app/audit", "Staff member"],
  ["dashboard", "/app/dashboard", "What we hold"],
  ["incidents", "/app/incidents", "Containment"],
] as const;

let demo: BrowserDemo;
let browser: Browser;
const external: string[] = [];

async function openAdmin(path: string): Promise<{ page: Page; app: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await blockExternalRequests(page, external);
  const response = await page.goto(`${demo.adminUrl}/apps/shop-assistant${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, app: page.frameLocator("#app") };
}

/** Waits until the app frame's stylesheets are applied, so screenshots show the real page. */
async function settled(page: Page, app: FrameLocator): Promise<void> {
  await page.waitForLoadState("networkidle");
  await app.locator("body").evaluate(
    () =>
      new Promise<void>((resolve) => {
        const ready = () => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet !== null);
        const check = () => (ready() ? resolve() : setTimeout(check, 50));
        check();
      }),
  );
}

/** Opens the chat on a fresh storefront visit (no stored consent) and says whether the consent step shows. */
async function consentStepShown(name: string): Promise<boolean> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await blockExternalRequests(page, external);
  await page.goto(`${demo.storefrontUrl}/products/classic-cotton-tee`);
  await page.locator("#shop-assistant-launcher").click();
  // The open panel (the message box, .sa-chat, is only attached once consent is given or not needed).
  await page.locator("#shop-assistant-panel:not([hidden])").waitFor();
  const shown = await page.locator("#shop-assistant-consent").isVisible();
  await page.waitForTimeout(400); // let the panel's opening transition finish for the screenshot
  await screenshot(page, `admin-effect-${name}`);
  await context.close();
  return shown;
}

async function saveConsentSetting(checked: boolean) {
  const { page, app } = await openAdmin("/app/privacy");
  // The form is React state: a click before hydration would be undone by it.
  await expect
    .poll(
      () =>
        page
          .frames()
          .find((f) => new URL(f.url()).pathname.startsWith("/app"))
          ?.evaluate(() => Object.keys(document).some((k) => k.startsWith("_reactListening"))) ?? false,
      { timeout: 30_000 },
    )
    .toBe(true);
  const box = app.getByRole("checkbox", { name: "Ask for consent before storing anything" });
  await box.waitFor({ state: "attached" });
  if ((await box.isChecked()) !== checked) await app.getByText("Ask for consent before storing anything").click();
  expect(await box.isChecked()).toBe(checked);
  await app.getByRole("button", { name: "Save privacy settings" }).click();
  await app.getByText("Settings saved").waitFor();
  await settled(page, app);
  await screenshot(page, `admin-privacy-saved-consent-${checked ? "on" : "off"}`);
  await page.close();
}

const CLS_GOAL = 0.001;

/** One cold load of an admin page at a width: its layout shifts in the app's frame until hydrated and idle. */
async function coldLoadShifts(path: string, width: number): Promise<{ total: number; shifts: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.addInitScript({
    content: `(() => {
    if (!location.pathname.startsWith("/app")) return;
    window.__cls = { total: 0, shifts: [] };
    const what = (node) => { const el = node && (node.nodeType === 1 ? node : node.parentElement);
      return el ? el.tagName + "." + String(el.className).slice(0, 60) : "?"; };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) {
      window.__cls.total += e.value;
      // When, before or after hydration, and how each source moved (x, y and size, before → after).
      const hydrated = Object.keys(document).some((k) => k.startsWith("_reactListening"));
      const moved = (s) => what(s.node) + " x" + Math.round(s.previousRect.x) + "→" + Math.round(s.currentRect.x)
        + " y" + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y)
        + " " + Math.round(s.previousRect.width) + "×" + Math.round(s.previousRect.height)
        + "→" + Math.round(s.currentRect.width) + "×" + Math.round(s.currentRect.height);
      window.__cls.shifts.push(e.value.toFixed(4) + " at " + Math.round(e.startTime) + " ms" + (hydrated ? " (hydrated)" : "")
        + ": " + (e.sources || []).map(moved).join(", "));
    } }).observe({ type: "layout-shift", buffered: true });
  })();`,
  });
  try {
    const page = await context.newPage();
    await blockExternalRequests(page, external);
    await page.goto(`${demo.adminUrl}/apps/shop-assistant${path}`);
    const appFrame = () => page.frames().find((f) => new URL(f.url()).pathname.startsWith("/app"));
    await expect.poll(appFrame, { timeout: 30_000 }).toBeTruthy();
    const frame = appFrame()!;
    await frame.waitForFunction(() => Object.keys(document).some((k) => k.startsWith("_reactListening")), undefined, {
      timeout: 60_000,
    });
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500); // lazy chunks (Analytics' charts) and late effects
    return await frame.evaluate(() => (window as unknown as { __cls: { total: number; shifts: string[] } }).__cls);
  } finally {
    await context.close();
  }
}

describe.skipIf(!chromiumAvailable())("the embedded admin in Chromium", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.dispose();
  });

  it("a shopper's conversation reaches the inbox; opening the transcript is audited", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const shop = await context.newPage();
    await blockExternalRequests(shop, external);
    await shop.goto(`${demo.storefrontUrl}/products/classic-cotton-tee`);
    await shop.locator("#shop-assistant-launcher").click();
    await shop.locator("#shop-assistant-accept").click();
    await shop.locator("#shop-assistant-input").fill("What is your refund policy?");
    await shop.locator("#shop-assistant-send").click();
    await shop
      .locator("#shop-assistant-log")
      .getByText(/refund|return/i)
      .nth(1)
      .waitFor({ timeout: 20_000 });
    await context.close();

    const { page, app } = await openAdmin("/app/conversations");
    await app.locator(".Polaris-IndexTable__TableRow").first().click();
    await app.getByText("What is your refund policy?").waitFor({ timeout: 20_000 });
    await settled(page, app);
    await screenshot(page, "admin-transcript");
    await page.goto(`${demo.adminUrl}/apps/shop-assistant/app/audit`);
    await page
      .frameLocator("#app")
      .locator(".Polaris-IndexTable__TableRow")
      .getByText("opened a conversation transcript")
      .first()
      .waitFor({ timeout: 20_000 }); // the audit entry as a sentence (was "transcript.viewed")
    await settled(page, page.frameLocator("#app"));
    await screenshot(page, "admin-audit-after-view");
    await page.close();
  }, 90_000);

  it.each(PAGES)("the %s page opens in the demo admin", async (name, path, text) => {
    const { page, app } = await openAdmin(path);
    await app.getByText(text, { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await app.locator(".Polaris-Page").count(), demo.logs().slice(-2000)).toBeGreaterThan(0);
    await settled(page, app);
    await screenshot(page, `admin-${name}`);
    // axe runs inside the app's frame (a Frame has the addScriptTag/evaluate the helper uses).
    const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith("/app"));
    // Nothing is painted before the whole page is parsed (app/root.tsx): the head asks the
    // browser to wait for #page-end, which comes after everything the page shows.
    expect(
      await frame!.evaluate(() => {
        const expectLink = document.head.querySelector('link[rel="expect"][blocking="render"]');
        const end = document.getElementById("page-end");
        const content = [...document.querySelectorAll(".Polaris-Page, .Polaris-Page *")];
        return {
          target: expectLink?.getAttribute("href"),
          endFound: end !== null,
          contentAfterEnd: content.filter((el) => end && end.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).length,
        };
      }),
    ).toEqual({ target: "#page-end", endFound: true, contentAfterEnd: 0 });
    expect(await seriousAxeViolations(frame as unknown as Page)).toEqual([]);
    await page.close();
  });

  // Issue 12: CLS at most 0.001 on every page, as the goal is measured (bench/admin-vitals.ts:
  // the median of cold loads). Layout shifts (without recent input) in the app's frame from
  // its first byte until it is hydrated and idle. A page that shifts on its first load is
  // loaded twice more and judged by the median of the three, so a page that shifts on every
  // load fails and one stalled load on a busy machine does not; each shift is reported with
  // when it happened and how the elements moved, to find the culprit when this fails.
  it.each([390, 1280])(
    "nothing shifts while a page loads, at %i px (CLS ≤ 0.001, median of cold loads)",
    async (width) => {
      const failures: string[] = [];
      for (const [name, path] of PAGES) {
        const loads = [await coldLoadShifts(path, width)];
        if (loads[0]!.total > CLS_GOAL) loads.push(await coldLoadShifts(path, width), await coldLoadShifts(path, width));
        const median = loads.map((l) => l.total).sort((a, b) => a - b)[Math.floor(loads.length / 2)]!;
        if (median > CLS_GOAL)
          failures.push(
            `${name} (${width} px): CLS ${loads.map((l) => `${l.total.toFixed(4)}: ${l.shifts.join(" | ") || "none"}`).join(" ; ")}`,
          );
        else if (loads.length > 1)
          console.warn(`[cls] ${name} (${width} px) shifted on one cold load only: ${loads[0]!.shifts.join(" | ")}`);
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );

  // The mechanism the CLS fix relies on, in this Chromium: a document that asks to wait for
  // an element (`<link rel="expect" blocking="render">`, as app/root.tsx does) is not
  // painted while the browser has only the part before it; the same document without the
  // link is painted at once. The server holds each page's second part until the test lets
  // it go, so the order of events decides, not a clock: without the link the first paint
  // comes while the rest is held; with it, none has come half a second after the first
  // part was in the document (more time only makes that check stricter), and the first
  // paint comes after the rest was let go.
  it("a page streamed in two parts is first painted whole (render-blocking expect link)", async () => {
    const held = new Map<string, () => void>();
    const server = createServer((request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const wait = request.url === "/wait" ? '<link rel="expect" href="#page-end" blocking="render">' : "";
      response.write(`<!doctype html><html><head>${wait}</head><body><p>first part ${"x".repeat(2048)}</p>`);
      held.set(request.url ?? "", () => response.end('<p>second part</p><div id="page-end" hidden></div></body></html>'));
    });
    const release = (path: string) => {
      held.get(path)?.();
      held.delete(path);
    };
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    /** Opens the page and resolves once its first part is in the document. */
    const open = async (path: string) => {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: "commit" });
      // Polled on a timer: a render-blocked document runs no animation frames.
      await page.waitForFunction(() => document.querySelector("p") !== null, undefined, { polling: 50 });
      return page;
    };
    /** The first paint's time, waiting for the entry (it can come a frame later than asked). */
    const firstPaint = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName("first-contentful-paint")[0];
              if (entry) resolve(entry.startTime);
            }).observe({ type: "paint", buffered: true }),
          ),
      );
    try {
      const plain = await open("/");
      const painted = await firstPaint(plain); // resolves while the second part is held
      release("/");
      await plain.close();
      expect(painted).toBeGreaterThan(0);

      const blocked = await open("/wait");
      await blocked.waitForTimeout(500);
      const before = await blocked.evaluate(() => ({
        paints: performance.getEntriesByName("first-contentful-paint").length,
        now: performance.now(),
      }));
      expect(before.paints).toBe(0);
      release("/wait");
      const waited = await firstPaint(blocked);
      await blocked.close();
      expect(waited).toBeGreaterThanOrEqual(before.now);
    } finally {
      for (const path of [...held.keys()]) release(path);
      server.close();
    }
  });

  it("a privacy setting takes effect in the storefront widget (consent step)", async () => {
    expect(await consentStepShown("default")).toBe(true);
    await saveConsentSetting(false);
    expect(await consentStepShown("consent-off")).toBe(false);
    await saveConsentSetting(true);
    expect(await consentStepShown("consent-on")).toBe(true);
  }, 90_000);

  it("made no request outside the loopback interface", () => {
    // Not even to Shopify's CDN: demo mode drops the App Bridge preload and preconnect.
    expect(external).toEqual([]);
  });
});
