// Issue 12, "done when": a new merchant sets the app up in the demo admin, in English
// and in German, in a plain headless Chromium (its user agent says HeadlessChrome: the
// demo admin lets it in). After every action the test waits for what a merchant would
// see: App Bridge's contextual save bar appearing and going away, a toast, a
// confirmation modal before deleting or pausing, the field error sentence naming the
// field or the day. Screenshots of every page at 390, 800 and 1280 px go to
// test-output/merchant-setup/ (<locale>-<page>-<width>.png).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedWebhook, webhookPath } from "../../demo/send-webhook";
import { DEMO_SHOP } from "../../demo/storefront/stack/demo-stack";
import { createTranslator, type Language, type Translator } from "../../app/admin-ui/i18n/i18n";
import { messagesFor } from "../../app/composition/admin-locale.server";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";
import { blockExternalRequests, CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from "./support/chromium";

const run = chromiumAvailable() && testDatabaseProvider() === "sqlite";
const OUT = path.resolve(import.meta.dirname, "..", "..", "test-output", "merchant-setup");
const WIDTHS = [390, 800, 1280] as const;
const LOCALES = (process.env.MERCHANT_SETUP_LOCALES?.split(",") ?? ["en", "de"]) as Language[];

let demo: BrowserDemo;
let browser: Browser;
const external: string[] = [];

const translator = (language: Language): Translator =>
  createTranslator({ locale: language, language, timeZone: "UTC", messages: messagesFor(language) });

interface Admin {
  page: Page;
  app: FrameLocator;
  t: Translator;
  language: Language;
}

async function hydrated(page: Page): Promise<void> {
  const frame = () => page.frames().find((f) => new URL(f.url()).pathname.startsWith("/app"));
  await expect.poll(() => frame() !== undefined, { timeout: 30_000 }).toBe(true);
  await frame()!.waitForFunction(
    () =>
      Object.keys(document).some((key) => key.startsWith("_reactListening")) &&
      typeof (window as { shopify?: unknown }).shopify === "object",
    undefined,
    { timeout: 30_000 },
  );
}

async function openAdmin(admin: Admin, appPath: string, title: string): Promise<void> {
  const response = await admin.page.goto(`${demo.adminUrl}/apps/shop-assistant${appPath}?locale=${admin.language}`);
  expect(response?.status()).toBe(200);
  await expect.poll(() => admin.page.locator("#title").textContent(), { timeout: 30_000 }).toBe(title);
  await hydrated(admin.page);
}

async function shots(admin: Admin, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const width of WIDTHS) {
    await admin.page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await admin.page.waitForTimeout(250);
    await admin.page.screenshot({ path: path.join(OUT, `${admin.language}-${name}-${width}.png`) });
  }
  await admin.page.setViewportSize({ width: 1280, height: 900 });
}

const toast = (admin: Admin, text: string) =>
  admin.app.locator(".demo-app-bridge-toast", { hasText: text }).first().waitFor({ timeout: 20_000 });
const saveBar = (admin: Admin) => admin.app.locator("ui-save-bar");
const saveBarShowing = async (admin: Admin) => (await saveBar(admin).getAttribute("data-showing")) !== null;
const dialog = (admin: Admin) => admin.app.locator("dialog.demo-ab-dialog[open]");
const hostAction = (admin: Admin, label: string) => admin.page.locator("#actions button", { hasText: label });

describe.skipIf(!run)("a merchant sets up the app in the demo admin (issue 12)", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo();
    // No user-agent override: headless Chromium says "HeadlessChrome" and still gets in.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    // A shopper asks for a person (a lead), and Shopify forwards a customer's data request.
    const shopper = await browser.newPage();
    await blockExternalRequests(shopper, external);
    await shopper.goto(`${demo.storefrontUrl}/products/classic-cotton-tee`);
    await shopper.locator("#shop-assistant-launcher").click();
    await shopper.locator("#shop-assistant-accept").click();
    await shopper.locator("#shop-assistant-handoff").click();
    await shopper.locator("#shop-assistant-lead-name").fill("Gina Guest");
    await shopper.locator("#shop-assistant-lead-email").fill("gina@example.org");
    await shopper.locator("#shop-assistant-lead-message").fill("Can someone call me about sizes?");
    await shopper.locator("#shop-assistant-lead-consent").check();
    await shopper.locator("#shop-assistant-lead button[type=submit]").click();
    await shopper.locator("#shop-assistant-log", { hasText: "A person will get back to you" }).waitFor({ timeout: 15_000 });
    await shopper.close();
    const hook = signedWebhook({
      topic: "customers/data_request",
      shop: DEMO_SHOP,
      secret: demo.keys.SHOPIFY_API_SECRET,
      customerEmail: "gina@example.org",
    });
    const answer = await fetch(new URL(webhookPath("customers/data_request"), demo.appUrl), {
      method: "POST",
      headers: hook.headers,
      body: hook.body,
    });
    if (answer.status !== 200) throw new Error(`the data request webhook got HTTP ${answer.status}`);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.dispose();
  });

  for (const language of LOCALES) {
    describe(`in ${language}`, () => {
      const admin = {} as Admin;
      beforeAll(async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
        await blockExternalRequests(page, external);
        page.on("pageerror", (e) => console.warn(`[${language}] page error: ${e.message}`));
        page.on("console", (m) => m.type() === "error" && console.warn(`[${language}] console: ${m.text().slice(0, 300)}`));
        Object.assign(admin, { page, app: page.frameLocator("#app"), t: translator(language), language });
      });
      afterAll(async () => admin.page?.close());

      it("privacy: the save bar shows changes; Save gives a toast; errors are sentences at the field and on top; Discard undoes", async () => {
        const { t, app } = admin;
        await openAdmin(admin, "/app/privacy", t("privacy.title"));
        expect(await saveBarShowing(admin)).toBe(false);
        const retention = app.getByLabel(t("privacy.retentionDays"));
        const days = language === "en" ? "30" : "45";
        await retention.fill(days);
        await expect.poll(() => saveBarShowing(admin)).toBe(true);
        await shots(admin, "privacy-unsaved");
        await saveBar(admin).locator("button[variant=primary]").click();
        await toast(admin, t("settings.saved"));
        await expect.poll(() => saveBarShowing(admin)).toBe(false);

        // Two mistakes: library words never reach the merchant, the staff field names what is wrong.
        await retention.fill("9999");
        await app.getByLabel(t("privacy.transcriptViewers")).fill("Alice, bob@example.com");
        await saveBar(admin).locator("button[variant=primary]").click();
        await toast(admin, t("settings.invalidTitle", { count: 2 }));
        const banner = app.locator(".Polaris-Banner").first();
        await expect.poll(() => banner.textContent()).toContain(t("fieldError.privacy.retentionDays"));
        expect(await banner.textContent()).toContain(t("fieldError.access.transcriptViewers", { values: "Alice, bob@example.com" }));
        expect(await app.locator("body").innerText()).not.toMatch(/Too small|Invalid input|expected/);
        expect(await retention.getAttribute("aria-invalid")).toBe("true");
        await shots(admin, "privacy-errors");
        // Each entry of the summary links to its field: a click puts the cursor there.
        const focusedName = () =>
          app
            .locator(":focus")
            .getAttribute("name", { timeout: 2_000 })
            .catch(() => null);
        await banner.getByRole("button", { name: t("privacy.transcriptViewers"), exact: false }).click();
        await expect.poll(focusedName).toBe("transcriptViewers");
        await banner.getByRole("button", { name: t("privacy.retentionDays"), exact: false }).click();
        await expect.poll(focusedName).toBe("retentionDays");
        await saveBar(admin).locator("button:not([variant])").click();
        await expect.poll(() => retention.inputValue()).toBe(days);
        await expect.poll(() => saveBarShowing(admin)).toBe(false);
      }, 120_000);

      it("leaving with unsaved changes asks first; staying keeps them", async () => {
        const { t, app, page } = admin;
        await app.getByLabel(t("privacy.retentionDays")).fill("60");
        await expect.poll(() => saveBarShowing(admin)).toBe(true);
        await page.locator("#nav a[data-href='/app/knowledge']").click();
        await dialog(admin).waitFor();
        await dialog(admin).locator("button").first().click(); // Stay
        await page.waitForTimeout(300);
        expect(await page.locator("#title").textContent()).toBe(t("privacy.title"));
        expect(await app.getByLabel(t("privacy.retentionDays")).inputValue()).toBe("60");
        await saveBar(admin).locator("button:not([variant])").click();
        await expect.poll(() => saveBarShowing(admin)).toBe(false);
      }, 60_000);

      it("assistant: real business hours per day, a time zone from the list, an hours error naming the day", async () => {
        const { t, app } = admin;
        await openAdmin(admin, "/app/assistant", t("assistant.title"));
        const tuesday = t("weekday.2");
        // Closed days show no grey 09:00/17:00 placeholders, only "Closed".
        const body = (await app.locator("body").innerText()) ?? "";
        expect(body).toContain(t("assistant.hours.closed"));
        const tuesdayOpen = app.getByRole("checkbox", { name: tuesday });
        if (!(await tuesdayOpen.isChecked())) {
          await app.getByText(tuesday, { exact: true }).click();
          await expect.poll(() => saveBarShowing(admin)).toBe(true);
        }
        await app.getByLabel(t("assistant.hours.opens", { day: tuesday })).fill("18:00");
        await app.getByLabel(t("assistant.hours.closes", { day: tuesday })).fill("09:00");
        await expect.poll(() => saveBarShowing(admin)).toBe(true);
        await app.getByLabel(t("assistant.timeZone")).selectOption("Europe/Berlin");
        await saveBar(admin).locator("button[variant=primary]").click();
        await toast(admin, t("settings.invalidTitle", { count: 1 }));
        const sentence = t("fieldError.hours.order", { day: tuesday });
        await expect.poll(async () => (await app.locator(".Polaris-Banner").first().textContent()) ?? "").toContain(sentence);
        expect(await app.getByLabel(t("assistant.hours.closes", { day: tuesday })).getAttribute("aria-invalid")).toBe("true");
        await shots(admin, "assistant-hours-error");
        // The summary's entry for Tuesday takes the cursor to Tuesday's opening time.
        await app.locator(".Polaris-Banner").first().getByRole("button", { name: tuesday, exact: false }).click();
        await expect
          .poll(() =>
            app
              .locator(":focus")
              .getAttribute("name", { timeout: 2_000 })
              .catch(() => null),
          )
          .toBe("open2");
        await app.getByLabel(t("assistant.hours.closes", { day: tuesday })).fill(language === "en" ? "20:00" : "21:00");
        await saveBar(admin).locator("button[variant=primary]").click();
        await toast(admin, t("settings.saved"));
        await expect.poll(() => saveBarShowing(admin)).toBe(false);
        await shots(admin, "assistant-saved");
      }, 120_000);

      it("knowledge: add, edit and delete (after a confirmation) an FAQ answer, refresh the policies", async () => {
        const { t, app } = admin;
        await openAdmin(admin, "/app/knowledge", t("knowledge.title"));
        const question = language === "en" ? "Can you wrap a gift in paper?" : "Verpackt ihr Geschenke in Papier?";
        await app
          .getByRole("textbox", { name: t("knowledge.question"), exact: true })
          .last()
          .fill(question);
        await app
          .getByRole("textbox", { name: t("knowledge.answer"), exact: true })
          .last()
          .fill(language === "en" ? "Yes, for 3 EUR." : "Ja, für 3 EUR.");
        await app.getByRole("button", { name: t("knowledge.add") }).click();
        await toast(admin, t("knowledge.added"));
        await app.getByText(question).waitFor();
        await app.getByRole("button", { name: `${t("common.edit")}: ${question}` }).click();
        await app
          .getByRole("textbox", { name: t("knowledge.answer"), exact: true })
          .first()
          .fill(language === "en" ? "Yes, for 2 EUR." : "Ja, für 2 EUR.");
        await app.getByRole("button", { name: t("knowledge.saveAnswer") }).click();
        await toast(admin, t("knowledge.updated"));
        await shots(admin, "knowledge");
        await app.getByRole("button", { name: t("knowledge.deleteLabel", { question }) }).click();
        await dialog(admin).waitFor();
        expect(await dialog(admin).textContent()).toContain(t("knowledge.deleteTitle"));
        await shots(admin, "knowledge-delete-confirm");
        await dialog(admin)
          .getByRole("button", { name: t("common.delete") })
          .click();
        await toast(admin, t("knowledge.deleted"));
        await expect.poll(() => app.getByText(question).count()).toBe(0);
        await hostAction(admin, t("common.refresh")).click();
        await toast(admin, t("knowledge.refreshed"));
      }, 120_000);

      it("incidents: pausing asks first and says so; resuming says so", async () => {
        const { t, app } = admin;
        await openAdmin(admin, "/app/incidents", t("incidents.title"));
        await hostAction(admin, t("incidents.pause")).click();
        await dialog(admin).waitFor();
        await shots(admin, "incidents-pause-confirm");
        await dialog(admin)
          .getByRole("button", { name: t("incidents.pause") })
          .click();
        await toast(admin, t("incidents.pausedToast"));
        await app.getByText(t("incidents.paused"), { exact: true }).first().waitFor();
        await hostAction(admin, t("incidents.resume")).click();
        await toast(admin, t("incidents.resumedToast"));
        await app.getByText(t("incidents.running"), { exact: true }).first().waitFor();
      }, 90_000);

      it("data requests: a plain summary and status, the export downloads with a toast", async () => {
        const { t, app, page } = admin;
        await openAdmin(admin, "/app/data-requests", t("dataRequests.title"));
        // The export is built in the background; the page refreshes itself until it is done.
        const download = app.getByRole("button", { name: t("dataRequests.download") }).first();
        await download.waitFor({ timeout: 60_000 });
        const body = (await app.locator("body").innerText()) ?? "";
        expect(body).toContain(t("dataRequests.statusLabel.done"));
        expect(body).not.toMatch(/orderVerifications|dataRequestsCleared/);
        await shots(admin, "data-requests");
        const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
        expect(file.suggestedFilename()).toMatch(/\.json$/);
        await toast(admin, t("dataRequests.downloaded"));
      }, 120_000);

      it("leads: the export streams a CSV with a toast; the audit log reads as sentences", async () => {
        const { t, app, page } = admin;
        await openAdmin(admin, "/app/leads", t("leads.title"));
        await app.getByText("Gina Guest").first().waitFor();
        await shots(admin, "leads");
        const [file] = await Promise.all([page.waitForEvent("download"), hostAction(admin, t("leads.export")).click()]);
        expect(file.suggestedFilename()).toMatch(/^leads-.*\.csv$/);
        await toast(admin, t("leads.exported"));

        await openAdmin(admin, "/app/audit", t("audit.title"));
        const text = (await app.locator("body").innerText()) ?? "";
        expect(text).not.toContain("settings.updated");
        const [from, to] = language === "en" ? [90, 30] : [30, 45];
        // "Jane Doe changed the retention period from 90 days to 30 days": the demo staff member by name.
        const change = t("audit.settings.change", {
          field: t("field.privacy.retentionDays"),
          from: t("value.days", { count: from }),
          to: t("value.days", { count: to }),
        });
        expect(text).toContain(t("audit.settings.updated", { who: "Jane Doe", changes: change }));
        await shots(admin, "audit");
        await openAdmin(admin, "/app/analytics", t("analytics.title"));
        await app.getByText(t("analytics.perDay")).first().waitFor();
        await shots(admin, "analytics");
        // The charts, drawn (not the skeleton), with their data tables.
        await app.locator("figure svg").first().waitFor({ timeout: 20_000 });
        await app
          .locator("figure")
          .first()
          .evaluate((figure) => figure.scrollIntoView({ block: "start" }));
        await shots(admin, "analytics-charts");
        await app
          .locator("figure")
          .last()
          .evaluate((figure) => figure.scrollIntoView({ block: "center" }));
        await shots(admin, "analytics-topics");
        expect(await app.locator("figure details").count()).toBeGreaterThanOrEqual(3);
      }, 120_000);
    });
  }

  it("made no request outside the loopback interface", () => {
    expect(external).toEqual([]);
  });
});
