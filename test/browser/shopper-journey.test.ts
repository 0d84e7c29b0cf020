// Issue 3's "Done when", in Chromium on the demo storefront with the whole stack
// (built app, Admin API fake, basic mode so every answer is deterministic):
// consent, a streamed product answer with a card, add to cart, a logged-in
// customer's order with tracking, a guest order verified by number and email, a
// lead; the shopper downloading and deleting their conversation; then the same panel
// by keyboard alone, and axe-core on it.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../app/infra/db/create-database.server";
import type { ConversationExport } from "../../app/contracts/conversation-privacy";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";
import { seriousAxeViolations } from "./support/axe";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

// The demo stack keeps its own SQLite database; running it again on PostgreSQL adds nothing.
const run = chromiumAvailable() && testDatabaseProvider() === "sqlite";

let demo: BrowserDemo;
let browser: Browser;
let db: Database;
const external: string[] = [];

async function shopperPage(context: BrowserContext, pathname = "/"): Promise<Page> {
  const page = await context.newPage();
  await blockExternalRequests(page, external);
  await page.goto(`${demo.storefrontUrl}${pathname}`);
  await page.locator("#shop-assistant-launcher").waitFor({ state: "visible" });
  return page;
}

async function openPanel(page: Page): Promise<void> {
  if (await page.locator("#shop-assistant-panel:not([hidden])").count()) return;
  await page.locator("#shop-assistant-launcher").click();
  await page.locator("#shop-assistant-panel:not([hidden])").waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  const answers = await page.locator("#shop-assistant-log .sa-assistant").count();
  await page.locator("#shop-assistant-input").fill(text);
  await page.locator("#shop-assistant-input").press("Enter");
  // The answer bubble exists, has text, and the typing indicator went away.
  await expect.poll(() => page.locator("#shop-assistant-log .sa-assistant").count(), { timeout: 20_000 }).toBeGreaterThan(answers);
  await page.locator("#shop-assistant-typing[hidden]").waitFor({ state: "attached", timeout: 20_000 });
}

const lastAnswer = (page: Page) => page.locator("#shop-assistant-log .sa-assistant").last();

describe.skipIf(!run)("the shopper's journey on the demo storefront", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo({ model: { kind: "basic" } });
    db = createDatabase(demo.databaseUrl);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await demo?.dispose();
  });

  it("consent, product answer streamed with a card, add to cart, customer order, guest order, lead", async () => {
    const context = await browser.newContext();
    const page = await shopperPage(context);
    const streams: string[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/apps/assistant/chat")) streams.push(r.headers()["content-type"] ?? "");
    });

    await openPanel(page);
    await page.locator("#shop-assistant-accept").click();
    await page.locator("#shop-assistant-consent").waitFor({ state: "hidden" });

    await ask(page, "Do you have merino hiking socks?");
    expect(streams.at(-1)).toContain("text/event-stream");
    expect((await lastAnswer(page).locator(".sa-text").textContent())?.length).toBeGreaterThan(0);
    const card = lastAnswer(page).locator(".sa-card.sa-product").first();
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Merino Hiking Socks/);
    // The primary-language storefront links the primary handle, same-origin.
    expect(await card.locator("h3 a").getAttribute("href")).toBe(`${demo.storefrontUrl}/products/merino-hiking-socks`);
    await screenshot(page, "journey-1-product-card");

    expect(await page.locator("#cart-count").textContent()).toBe("0");
    await card.locator("button.sa-button").click();
    await expect.poll(() => page.locator("#cart-count").textContent(), { timeout: 10_000 }).toBe("1");
    const cart = await page.evaluate(async () => (await fetch("/cart.js")).json());
    expect(cart.items[0].handle).toBe("merino-hiking-socks");

    // Bruno logs in (customer 7002); his latest order #1005 is in transit with DHL tracking.
    await page.goto(`${demo.storefrontUrl}/account/login`);
    await page.locator("button[data-customer-email='bruno@example.com']").click();
    await page.waitForURL(/\/account$/);
    await page.goto(`${demo.storefrontUrl}/`);
    await openPanel(page);
    await ask(page, "where is my order");
    const order = page.locator("#shop-assistant-log .sa-card.sa-order").filter({ hasText: "#1005" }).first();
    await order.waitFor({ timeout: 10_000 });
    expect(await order.textContent()).toContain("DHL1005100042");
    expect(await page.locator("#shop-assistant-log").textContent()).not.toContain("#1001"); // Alice's order
    await screenshot(page, "journey-2-customer-order");

    // Logged out, a guest proves an order by number and email.
    await page.goto(`${demo.storefrontUrl}/account/logout`);
    await page.locator("#shop-assistant-launcher").waitFor();
    await openPanel(page);
    await page.locator("#shop-assistant-verify-open").click();
    await page.locator("#shop-assistant-verify-orderNumber").fill("#1029");
    await page.locator("#shop-assistant-verify-email").fill("guest.shopper@example.org");
    await page.locator("#shop-assistant-verify button[type=submit]").click();
    await expect.poll(() => page.locator("#shop-assistant-log").textContent(), { timeout: 10_000 }).toContain("Order found");
    await ask(page, "where is my order");
    await page.locator("#shop-assistant-log .sa-card.sa-order").filter({ hasText: "#1029" }).first().waitFor({ timeout: 10_000 });
    await screenshot(page, "journey-3-guest-order");

    // Talk to a person: the lead form with its consent box.
    const leadsBefore = await db.lead.count();
    await page.locator("#shop-assistant-handoff").click();
    await page.locator("#shop-assistant-lead-name").fill("Gina Guest");
    await page.locator("#shop-assistant-lead-email").fill("gina@example.org");
    await page.locator("#shop-assistant-lead-message").fill("Can someone call me about sizes?");
    await page.locator("#shop-assistant-lead-consent").check();
    await page.locator("#shop-assistant-lead button[type=submit]").click();
    await expect
      .poll(() => page.locator("#shop-assistant-log").textContent(), { timeout: 10_000 })
      .toContain("A person will get back to you");
    expect(await db.lead.count()).toBe(leadsBefore + 1);
    await screenshot(page, "journey-4-lead");
    await context.close();
  }, 120_000);

  it("links a German shopper on /de to the German product page, with German titles and Swiss francs from Switzerland", async () => {
    const context = await browser.newContext();
    const page = await shopperPage(context, "/de?country=CH");
    await openPanel(page);
    await page.locator("#shop-assistant-accept").click();
    await page.locator("#shop-assistant-consent").waitFor({ state: "hidden" });
    await ask(page, "Habt ihr wasserdichte Wanderschuhe?");
    const card = lastAnswer(page).locator(".sa-card.sa-product").first();
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Leder-Wanderschuhe/);
    expect(await card.textContent()).toMatch(/CHF/);
    const href = await card.locator("h3 a").getAttribute("href");
    expect(href).toBe(`${demo.storefrontUrl}/de/products/leder-wanderschuhe`);
    await screenshot(page, "journey-de-ch-product-card");
    // The link opens the product on the German storefront.
    const response = await page.goto(href!);
    expect(response?.status()).toBe(200);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await context.close();
  }, 60_000);

  it("resumes the conversation after a page change, in order, even when the shopper types at once", async () => {
    const context = await browser.newContext();
    const page = await shopperPage(context);
    await openPanel(page);
    await page.locator("#shop-assistant-accept").click();
    await ask(page, "Do you have merino hiking socks?");
    // A slow network: the transcript arrives after the shopper already typed.
    await page.route(/\/apps\/assistant\/conversations\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.goto(`${demo.storefrontUrl}/collections/tops`);
    await page.locator("#shop-assistant-launcher").waitFor();
    const resumed = page.waitForResponse(/\/apps\/assistant\/conversations\//);
    await openPanel(page);
    await ask(page, "what is your refund policy");
    await resumed;
    await page.waitForTimeout(300); // let the widget render what it received
    const asked = await page.locator("#shop-assistant-log .sa-user .sa-text").allTextContents();
    expect(asked).toEqual(["Do you have merino hiking socks?", "what is your refund policy"]);
    await context.close();
  }, 60_000);

  it("downloads the conversation, then deletes it from the panel: the server keeps nothing and the panel starts fresh", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await shopperPage(context);
    await openPanel(page);
    // No conversation yet: nothing to download or delete.
    expect(await page.locator("#shop-assistant-download, #shop-assistant-delete").count()).toBe(0);
    await page.locator("#shop-assistant-accept").click();
    await ask(page, "Do you have merino hiking socks?");
    const session = () =>
      page.evaluate(() => JSON.parse(localStorage.getItem("shop-assistant") || "{}") as { id?: string; token?: string; consent?: number });
    const { id } = await session();
    expect(id).toBeTruthy();

    const downloading = page.waitForEvent("download");
    await page.locator("#shop-assistant-download").click();
    const download = await downloading;
    const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as ConversationExport;
    expect(exported.conversation.id).toBe(id);
    expect(exported.conversation.consent.state).toBe("accepted");
    expect(exported.messages.map((m) => m.role)).toEqual(["shopper", "assistant"]);
    expect(exported.messages[0]!.text).toBe("Do you have merino hiking socks?");

    await page.locator("#shop-assistant-delete").click();
    await page.locator("#shop-assistant-delete-confirm").waitFor();
    await screenshot(page, "journey-5-delete-confirm");
    await page.locator("#shop-assistant-delete-confirm .sa-button").click();
    await page.locator("#shop-assistant-log .sa-msg").first().waitFor({ state: "detached", timeout: 10_000 });
    expect(await page.locator("#shop-assistant-forms").textContent()).toContain("The conversation was deleted");
    expect(await page.locator("#shop-assistant-download, #shop-assistant-delete").count()).toBe(0);
    expect(await page.locator("#shop-assistant-notice .sa-greeting").isVisible()).toBe(true);
    // A fresh start: id, token and the consent given for that conversation are forgotten, so it is asked again.
    expect(await session()).toEqual({});
    await page.locator("#shop-assistant-accept").waitFor();
    expect(await page.locator("#shop-assistant-input").count()).toBe(0);
    expect(await db.conversation.count({ where: { id } })).toBe(0);
    expect(await db.message.count({ where: { conversationId: id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "conversation.deleted_by_shopper" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit.detailJson)).toMatchObject({ deleted: { conversations: 1, messages: 2 } });
    await screenshot(page, "journey-6-deleted");

    // After a reload nothing comes back, and the next message opens a new conversation.
    await page.reload();
    await page.locator("#shop-assistant-launcher").waitFor();
    await openPanel(page);
    expect(await page.locator("#shop-assistant-log .sa-msg").count()).toBe(0);
    await page.locator("#shop-assistant-accept").click();
    await ask(page, "what is your refund policy");
    const next = await session();
    expect(next.id).toBeTruthy();
    expect(next.id).not.toBe(id);
    await context.close();
  }, 90_000);

  it("works by keyboard alone: focus moves in, stays in, and returns to the launcher", async () => {
    const context = await browser.newContext();
    const page = await shopperPage(context, "/products/classic-cotton-tee");
    // The widget lives in a shadow root: the focused element is found through it.
    const active = () =>
      page.evaluate(() => {
        let node = document.activeElement;
        while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
        return node?.id || node?.tagName || "";
      });
    const inPanel = () =>
      page.evaluate(() => Boolean(document.getElementById("shop-assistant")?.shadowRoot?.activeElement?.closest("#shop-assistant-panel")));

    for (let i = 0; i < 80 && (await active()) !== "shop-assistant-launcher"; i++) await page.keyboard.press("Tab");
    expect(await active()).toBe("shop-assistant-launcher");
    await page.keyboard.press("Enter");
    await page.locator("#shop-assistant-panel:not([hidden])").waitFor();
    await expect.poll(inPanel).toBe(true);

    for (let i = 0; i < 10 && (await active()) !== "shop-assistant-accept"; i++) await page.keyboard.press("Tab");
    expect(await active()).toBe("shop-assistant-accept");
    await page.keyboard.press("Enter");
    await page.locator("#shop-assistant-consent").waitFor({ state: "hidden" });

    for (let i = 0; i < 10 && (await active()) !== "shop-assistant-input"; i++) await page.keyboard.press("Tab");
    expect(await active()).toBe("shop-assistant-input");
    await page.keyboard.type("Do you have a rain jacket?");
    await page.keyboard.press("Enter");
    await lastAnswer(page).locator(".sa-card").first().waitFor({ timeout: 20_000 });

    // Tab never leaves the open dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      expect(await inPanel()).toBe(true);
    }
    await screenshot(page, "keyboard-panel");
    const violations = await seriousAxeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await page.keyboard.press("Escape");
    await page.locator("#shop-assistant-panel").waitFor({ state: "hidden" });
    expect(await active()).toBe("shop-assistant-launcher");
    await context.close();
  }, 90_000);

  it("axe-core finds no serious or critical problem on the storefront with the launcher", async () => {
    const context = await browser.newContext();
    for (const pathname of ["/", "/collections/tops", "/products/classic-cotton-tee"]) {
      const page = await shopperPage(context, pathname);
      const violations = await seriousAxeViolations(page);
      expect(violations, `${pathname}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      await page.close();
    }
    await context.close();
  }, 60_000);

  it("made no request off the machine", () => {
    expect(external).toEqual([]);
  });
});
