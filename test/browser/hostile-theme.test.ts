// Issue 16: the widget holds up on every theme and every phone. The demo storefront's
// product page in Chromium, once plain and once with a stylesheet that does what real
// themes do (Horizon's global img rule, Dawn's letter-spacing, a careless
// `[hidden] { display: block !important }`, `div:empty { display: none }`, global button,
// input, div, h2/h3 rules, `*` with !important, a 10px root font size). The launcher,
// the panel, the text box, the buttons and the card images must keep their size, and
// close, consent and Escape must work. Screenshots of both pages at 1280×800 and
// 390×844 go to test-output/browser/hostile-theme-*.png.
//
// The app is faked at the app proxy (page.route), with payloads typed by the app's
// contracts: these tests are about the widget in the page, and need no app build.
import path from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Card, ProductCard } from "../../app/contracts/cards";
import type { ChatStreamEvents, ConversationReadResponse } from "../../app/contracts/chat-events";
import type { ShopperApiErrorBody } from "../../app/contracts/error-codes";
import { loadDemoStore } from "../../demo/store/load-store";
import { startStorefront } from "../../demo/storefront/server";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

const root = path.resolve(import.meta.dirname, "..", "..");
const PRODUCT_PAGE = "/products/classic-cotton-tee";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** What themes do, all at once. */
export const HOSTILE_THEME_CSS = `
html { font-size: 10px !important; }
body { font-family: "Courier New", monospace !important; letter-spacing: .3em; line-height: 2.6; word-spacing: .8em;
  text-transform: lowercase; color: #c0c; text-align: center; direction: ltr; }
*, *::before, *::after { box-sizing: content-box !important; letter-spacing: .25em !important; transition: all 2s !important; }
img { width: 100% !important; height: auto !important; display: block !important; max-width: none !important; }
button { all: unset; display: block !important; width: 100% !important; padding: 24px 40px !important; font-size: 28px !important;
  background: red !important; border: 8px solid lime !important; min-height: 90px !important; text-transform: uppercase !important; }
button[disabled] { display: none !important; }
input, textarea { font-size: 11px !important; width: 40% !important; height: 200px !important; border: 6px dashed blue !important; padding: 30px !important; }
div { line-height: 3 !important; padding: 6px !important; margin: 4px !important; position: relative; z-index: 1; }
div:empty { display: none !important; }
h2, h3 { text-transform: uppercase !important; font-size: 40px !important; letter-spacing: .5em !important; }
p, li { margin: 40px 0 !important; font-size: 22px !important; }
a { color: yellow !important; }
span { display: block !important; font-size: 30px !important; }
[hidden] { display: block !important; visibility: visible !important; }
[role=dialog] { display: block !important; }
`;

const image = (colour: string) =>
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="${colour}"/></svg>`,
  );
const product = (title: string, available: boolean, colour: string): ProductCard => ({
  kind: "product",
  id: `gid://shopify/Product/${title.length}`,
  title,
  url: "/products/classic-cotton-tee",
  image: { url: image(colour), alt: title },
  price: { amount: "24.00", currencyCode: "EUR" },
  available,
  variantId: "4001",
});
const CARDS: Card[] = [product("Classic Cotton Tee", true, "#2a7"), product("Merino Hiking Socks", false, "#a52")];
const ANSWER = "Here are two tees from the shop. ".repeat(6).trim();

/** The app proxy, faked: consent, a streamed answer with cards, the transcript, a lead, a failing verification. */
class FakeApp {
  chats = 0;
  messages: ConversationReadResponse["messages"] = [];

  async install(page: Page, cards: Card[] = CARDS): Promise<void> {
    await page.route(/\/apps\/assistant\//, (route) => this.handle(route, cards));
  }

  private async handle(route: Route, cards: Card[]): Promise<void> {
    const url = new URL(route.request().url());
    const json = (status: number, body: unknown) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) });
    if (url.pathname.endsWith("/chat")) {
      this.chats++;
      const { message } = route.request().postDataJSON() as { message: string };
      // "socks" gets a long answer: five cards, taller than a phone's panel.
      const answerCards = /socks/i.test(message) ? [...cards, ...cards, cards[0]!] : cards;
      const events: { [K in keyof ChatStreamEvents]: [K, ChatStreamEvents[K]] }[keyof ChatStreamEvents][] = [
        ["conversation", { id: "c-1", token: "t-1" }],
        ["delta", { text: ANSWER }],
        ...answerCards.map((card) => ["card", card] as ["card", Card]),
        ["done", { messageId: `m-${this.chats}`, mode: "basic" }],
      ];
      const now = Date.now();
      this.messages.push(
        { id: `u-${this.chats}`, role: "shopper", text: message, cards: [], mode: "basic", createdAt: new Date(now - 2).toISOString() },
        {
          id: `m-${this.chats}`,
          role: "assistant",
          text: ANSWER,
          cards: answerCards,
          mode: "basic",
          createdAt: new Date(now - 1).toISOString(),
        },
      );
      return route.fulfill({
        status: 200,
        contentType: "text/event-stream",
        body: events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join(""),
      });
    }
    if (url.pathname.includes("/conversations/")) {
      const read: ConversationReadResponse = {
        conversation: { id: "c-1", consentState: "accepted", orderVerified: false, outcome: "open" },
        messages: this.messages,
      };
      return json(200, read);
    }
    if (url.pathname.endsWith("/verify-order")) {
      const failed: ShopperApiErrorBody = { error: { code: "VERIFICATION_FAILED", message: "No such order." } };
      return json(422, failed);
    }
    return json(200, { ok: true }); // consent, lead
  }
}

/** The app-data metafield the embed renders; a test may set it (null: none written yet). */
let widgetConfig: unknown = null;
let browser: Browser;
let storefront: Awaited<ReturnType<typeof startStorefront>>;
const external: string[] = [];

/** The product page, with the hostile stylesheet (from the first byte, as a theme's) and/or another locale. */
async function open(options: {
  hostile: boolean;
  viewport: { width: number; height: number };
  attrs?: Record<string, string>;
  app?: FakeApp;
}) {
  const context = await browser.newContext({ viewport: options.viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await blockExternalRequests(page, external);
  const app = options.app ?? new FakeApp();
  await app.install(page);
  await page.route(/\/products\/classic-cotton-tee(\?|$)/, async (route) => {
    const response = await route.fetch();
    let html = await response.text();
    if (options.hostile) html = html.replace("</head>", `<style>${HOSTILE_THEME_CSS}</style></head>`);
    // What the embed renders from the storefront's locale (request.locale.iso_code) and the
    // theme editor's settings: data-locale, data-position, data-offset, data-font.
    for (const [name, value] of Object.entries(options.attrs ?? {}))
      html = html.replace(new RegExp(`data-${name}="[^"]*"`), `data-${name}="${value}"`);
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${storefront.url}${PRODUCT_PAGE}`);
  await page.locator("#shop-assistant-launcher").waitFor({ state: "visible" });
  return { page, app, close: () => context.close() };
}

/** Sizes (and the text properties themes like to leak) of every part of the widget, read through its shadow root. */
function measure(page: Page) {
  return page.evaluate(() => {
    const shadow = document.getElementById("shop-assistant")!.shadowRoot!;
    const all = (selector: string) => [...shadow.querySelectorAll<HTMLElement>(selector)];
    const box = (selector: string) =>
      all(selector).map((node) => {
        const r = node.getBoundingClientRect();
        return `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      });
    const style = (selector: string, ...props: string[]) => {
      const node = shadow.querySelector(selector);
      return node ? props.map((p) => getComputedStyle(node).getPropertyValue(p)).join(" | ") : null;
    };
    return {
      launcher: box("#shop-assistant-launcher"),
      panel: box("#shop-assistant-panel"),
      title: box("#shop-assistant-title"),
      close: box("#shop-assistant-close"),
      input: box("#shop-assistant-input"),
      send: box("#shop-assistant-send"),
      actions: box(".sa-actions button"),
      bubbles: box(".sa-msg"),
      cardImages: box(".sa-card img"),
      cardButtons: box(".sa-card button"),
      cardTitles: box(".sa-card h3"),
      text: style(".sa-assistant .sa-text", "font-size", "letter-spacing", "line-height", "word-spacing", "text-transform", "text-align"),
      heading: style(".sa-card h3", "font-size", "letter-spacing", "text-transform"),
      inputText: style("#shop-assistant-input", "font-size", "letter-spacing", "box-sizing"),
      disabled: style(".sa-card button[disabled]", "display", "opacity"),
    };
  });
}

/** Opens the panel, checks that nothing of the later steps is there before consent, consents, asks and waits for the cards. */
async function consentAndAsk(page: Page, app: FakeApp): Promise<void> {
  await page.locator("#shop-assistant-launcher").click();
  await page.locator("#shop-assistant-panel").waitFor({ state: "visible" });
  await page.locator("#shop-assistant-accept").waitFor({ state: "visible" });
  // Before consent: no message box, no "Talk to a person", no "Find a guest order", no forms, no typing dots.
  for (const selector of [
    "#shop-assistant-input",
    "#shop-assistant-send",
    "#shop-assistant-handoff",
    "#shop-assistant-verify-open",
    "#shop-assistant-lead",
    "#shop-assistant-verify",
  ]) {
    expect(await page.locator(selector).count(), selector).toBe(0);
  }
  expect(await page.locator("#shop-assistant-typing").isVisible()).toBe(false);
  await page.locator("#shop-assistant-accept").click();
  await page.locator("#shop-assistant-consent").waitFor({ state: "detached" });
  await page.locator("#shop-assistant-input").waitFor({ state: "visible" });
  expect(app.chats).toBe(0);
  await page.locator("#shop-assistant-input").fill("Do you have tees?");
  await page.locator("#shop-assistant-input").press("Enter");
  await page
    .locator(".sa-assistant .sa-card img")
    .nth(CARDS.length - 1)
    .waitFor({ state: "visible" });
  await page.locator("#shop-assistant-typing").waitFor({ state: "hidden" });
  await page.evaluate(() =>
    Promise.all(
      [...document.getElementById("shop-assistant")!.shadowRoot!.querySelectorAll("img")].map((img) => img.decode().catch(() => {})),
    ),
  );
}

describe.skipIf(!chromiumAvailable())("the widget on a hostile theme and on a phone (Chromium)", () => {
  beforeAll(async () => {
    storefront = await startStorefront({
      store: loadDemoStore(),
      extensionDir: path.join(root, "extensions", "shop-assistant"),
      publicDir: path.join(root, "public"),
      appUrl: "http://127.0.0.1:9", // never reached: the app proxy is answered by FakeApp
      apiSecret: "unused",
      widgetConfig: async () => widgetConfig, // null: the defaults (consent required, guest orders by email)
      log: () => {},
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await storefront?.close();
  });

  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ])(
    "keeps its size and works on a hostile theme (%s)",
    async (name, viewport) => {
      const seen: Record<string, Awaited<ReturnType<typeof measure>>> = {};
      for (const hostile of [false, true]) {
        const { page, app, close } = await open({ hostile, viewport });
        const label = hostile ? "hostile" : "plain";
        if (hostile) {
          // The page really is hostile: its own images and buttons are restyled.
          expect(await page.evaluate(() => getComputedStyle(document.body).letterSpacing)).not.toBe("normal");
          expect(await page.evaluate(() => getComputedStyle(document.querySelector("main button")!).paddingTop)).toBe("24px");
        }
        const launcherBefore = await measure(page);
        await consentAndAsk(page, app);
        seen[label] = await measure(page);
        expect(seen[label]!.launcher, "the launcher looks the same before and after the chat UI loads").toEqual(launcherBefore.launcher);
        await screenshot(page, `hostile-theme-${name}-${label}`);

        // Card thumbnails stay 64 px; the text box is 16 px (no iOS zoom on focus).
        for (const thumbnail of seen[label]!.cardImages) expect(thumbnail).toMatch(/ 64×64$/);
        expect(seen[label]!.inputText).toMatch(/^16px \| normal \| border-box$/);
        expect(seen[label]!.disabled).toMatch(/^inline-block/);

        // Escape closes, the launcher reopens, the close button closes.
        await page.keyboard.press("Escape");
        await page.locator("#shop-assistant-panel").waitFor({ state: "hidden" });
        expect(await page.locator("#shop-assistant-launcher").getAttribute("aria-expanded")).toBe("false");
        await page.locator("#shop-assistant-launcher").click();
        await page.locator("#shop-assistant-panel").waitFor({ state: "visible" });
        await page.locator("#shop-assistant-close").click();
        await page.locator("#shop-assistant-panel").waitFor({ state: "hidden" });
        expect(await page.evaluate(() => document.getElementById("shop-assistant")!.shadowRoot!.activeElement?.id)).toBe(
          "shop-assistant-launcher",
        );
        await close();
      }
      // Every box and every text property is what it is on the plain page.
      expect(seen.hostile).toEqual(seen.plain);
    },
    90_000,
  );

  it("on a phone: the start of a long answer stays in view, a form error is scrolled to, the lead's thanks survives a reload", async () => {
    const app = new FakeApp();
    const { page, close } = await open({ hostile: true, viewport: PHONE, app });
    await consentAndAsk(page, app);
    // A second question: its answer (text and two cards) is taller than the panel.
    await page.locator("#shop-assistant-input").fill("And socks?");
    await page.locator("#shop-assistant-input").press("Enter");
    await expect.poll(() => page.locator(".sa-assistant").count()).toBe(2);
    await page.locator(".sa-assistant").nth(1).locator(".sa-card img").nth(4).waitFor();
    await page.locator("#shop-assistant-typing").waitFor({ state: "hidden" });
    const answerTop = await page.evaluate(() => {
      const shadow = document.getElementById("shop-assistant")!.shadowRoot!;
      const body = shadow.querySelector(".sa-body")!.getBoundingClientRect();
      const answer = [...shadow.querySelectorAll(".sa-assistant")].at(-1)!.getBoundingClientRect();
      return { answer: answer.top, bodyTop: body.top, bodyBottom: body.bottom, answerHeight: answer.height, bodyHeight: body.height };
    });
    expect(answerTop.answerHeight, "the answer is taller than the visible part of the panel").toBeGreaterThan(answerTop.bodyHeight);
    expect(answerTop.answer).toBeGreaterThanOrEqual(answerTop.bodyTop);
    expect(answerTop.answer).toBeLessThan(answerTop.bodyBottom - 40);

    // A failed guest-order verification: the error line is scrolled into view.
    await page.locator("#shop-assistant-verify-open").click();
    await page.locator("#shop-assistant-verify-orderNumber").fill("#9999");
    await page.locator("#shop-assistant-verify-email").fill("nobody@example.org");
    await page.locator("#shop-assistant-verify button[type=submit]").click();
    const error = page.locator("#shop-assistant-verify .sa-form-status");
    await expect.poll(() => error.textContent()).toMatch(/couldn't verify/);
    const place = await error.evaluate((node) => {
      const body = node.closest(".sa-body")!.getBoundingClientRect();
      const r = node.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, bodyTop: body.top, bodyBottom: body.bottom, viewport: window.innerHeight };
    });
    expect(place.top, JSON.stringify(place)).toBeGreaterThanOrEqual(place.bodyTop);
    expect(place.bottom, JSON.stringify(place)).toBeLessThanOrEqual(Math.min(place.bodyBottom, place.viewport) + 1);
    await page.locator("#shop-assistant-verify button.sa-link-button").click();

    // The lead form, then a reload: the confirmation is still there.
    await page.locator("#shop-assistant-handoff").click();
    await page.locator("#shop-assistant-lead-name").fill("Gina Guest");
    await page.locator("#shop-assistant-lead-email").fill("gina@example.org");
    await page.locator("#shop-assistant-lead-consent").check();
    await page.locator("#shop-assistant-lead button[type=submit]").click();
    await expect.poll(() => page.locator("#shop-assistant-log").textContent()).toContain("A person will get back to you");
    await page.reload();
    await page.locator("#shop-assistant-launcher").click();
    await expect
      .poll(() => page.locator("#shop-assistant-log").textContent(), { timeout: 10_000 })
      .toContain("A person will get back to you");
    const order = await page.locator("#shop-assistant-log .sa-msg .sa-text").allTextContents();
    expect(order.slice(0, 4), "the restored transcript").toEqual(["Do you have tees?", ANSWER, "And socks?", ANSWER]);
    expect(await page.locator("#shop-assistant-log .sa-card").count()).toBe(CARDS.length + 5);
    expect(order.at(-1)).toContain("A person will get back to you");
    expect(order.filter((text) => text.includes("A person will get back to you"))).toHaveLength(1);
    await close();
  }, 90_000);

  it("a German storefront shows the merchant's German greeting and disclosure, an English one the main texts", async () => {
    widgetConfig = {
      greeting: "Hi! Ask me anything.",
      aiDisclosure: "You are chatting with an AI.",
      localizedTexts: { de: { greeting: "Hallo! Wie kann ich helfen?", aiDisclosure: "Sie chatten mit einer KI." } },
    };
    try {
      for (const [locale, greeting, disclosure] of [
        ["de", "Hallo! Wie kann ich helfen?", "Sie chatten mit einer KI."],
        ["en", "Hi! Ask me anything.", "You are chatting with an AI."],
      ] as const) {
        const { page, close } = await open({ hostile: false, viewport: DESKTOP, attrs: { locale } });
        await page.locator("#shop-assistant-launcher").click();
        const panel = page.locator("#shop-assistant-panel");
        await panel.waitFor({ state: "visible" });
        await expect.poll(() => panel.textContent()).toContain(greeting);
        expect(await panel.textContent()).toContain(disclosure);
        await close();
      }
    } finally {
      widgetConfig = null;
    }
  }, 60_000);

  it("an Arabic storefront gets a right-to-left, mirrored panel", async () => {
    const { page, app, close } = await open({ hostile: false, viewport: DESKTOP, attrs: { locale: "ar" } });
    await consentAndAsk(page, app);
    expect(await page.locator("#shop-assistant-panel").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("#shop-assistant-launcher").getAttribute("dir")).toBe("rtl");
    const layout = await page.evaluate(() => {
      const shadow = document.getElementById("shop-assistant")!.shadowRoot!;
      const x = (selector: string) => shadow.querySelector(selector)!.getBoundingClientRect();
      return {
        title: x("#shop-assistant-title").left,
        close: x("#shop-assistant-close").left,
        user: x(".sa-user").left,
        answer: x(".sa-assistant").left,
        image: x(".sa-card img").left,
        cardTitle: x(".sa-card h3 a").left,
        direction: getComputedStyle(shadow.querySelector(".sa-text")!).direction,
      };
    });
    expect(layout.direction).toBe("rtl");
    expect(layout.close).toBeLessThan(layout.title); // close sits on the left, the title on the right
    expect(layout.user).toBeLessThan(layout.answer); // the shopper's bubbles on the left
    expect(layout.image).toBeLessThan(layout.cardTitle); // card thumbnails float to the left
    await screenshot(page, "hostile-theme-rtl");
    await close();
  }, 60_000);

  it("the theme editor's settings: side, bottom offset (above a sticky Add to cart bar) and the theme font on purpose", async () => {
    const plain = await open({ hostile: true, viewport: PHONE });
    const before = await plain.page.locator("#shop-assistant-launcher").boundingBox();
    expect(before!.x + before!.width).toBeGreaterThan(PHONE.width - 40); // bottom right, 20 px in
    expect(PHONE.height - (before!.y + before!.height)).toBeCloseTo(20, 0);
    const systemFont = await plain.page.locator("#shop-assistant-launcher").evaluate((node) => getComputedStyle(node).fontFamily);
    expect(systemFont).toContain("system-ui"); // not the page's Courier New
    await plain.close();

    const moved = await open({ hostile: true, viewport: PHONE, attrs: { position: "left", offset: "96", font: "theme" } });
    const launcher = moved.page.locator("#shop-assistant-launcher");
    const box = await launcher.boundingBox();
    expect(box!.x).toBeCloseTo(20, 0);
    expect(PHONE.height - (box!.y + box!.height)).toBeCloseTo(96, 0);
    const fonts = await launcher.evaluate((node) => [getComputedStyle(node).fontFamily, getComputedStyle(document.body).fontFamily]);
    expect(fonts[0]).toBe(fonts[1]); // "Theme font": the page's font, chosen by the merchant
    await moved.page.setViewportSize(DESKTOP);
    await launcher.click();
    const panel = await moved.page.locator("#shop-assistant-panel").boundingBox();
    expect(panel!.x).toBeCloseTo(20, 0); // the panel opens on the launcher's side, above it
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(box!.y + (DESKTOP.height - PHONE.height));
    await moved.close();
  }, 60_000);

  it("warns before sending a card number, a security code or an expiry date, and sends none of them", async () => {
    const { page, app, close } = await open({ hostile: false, viewport: DESKTOP });
    await consentAndAsk(page, app);
    const sent = app.chats;
    const input = page.locator("#shop-assistant-input");
    for (const [text, warning] of [
      ["my card is 4111 1111 1111 1111", /card numbers/],
      ["the cvv is 123", /security codes or expiry dates/],
      ["exp 12/29", /security codes or expiry dates/],
    ] as const) {
      await input.fill(text);
      await input.press("Enter");
      await expect.poll(() => page.locator("#shop-assistant-warning").textContent()).toMatch(warning);
      expect(await input.inputValue(), "the text stays for the shopper to change").toBe(text);
    }
    expect(app.chats, "nothing was sent").toBe(sent);
    await close();
  }, 60_000);

  it("made no request off the machine", () => {
    expect(external).toEqual([]);
  });
});
