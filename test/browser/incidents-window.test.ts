// The Incidents page's assessment window in the shop's time zone, in Chromium: the two
// datetime-local inputs show and take wall-clock times in the shop's zone (the demo
// shop's: Europe/Berlin), named under them; the URL keeps UTC instants. A window typed
// across the night the clocks go back round-trips (typed → URL → reloaded page shows the
// same times → assessed again without a change → the same URL), and an alert's "Assess
// this window" fills the inputs with its window in Berlin time.
import { randomBytes } from "node:crypto";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../demo/storefront/stack/demo-stack";
import { createDatabase, type Database } from "../../app/infra/db/create-database.server";
import { LARGE_LEAD_EXPORT_ROWS } from "../../app/incidents/incident-rules";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "./support/browser-demo";
import { blockExternalRequests, chromiumAvailable, launchChromium, screenshot } from "./support/chromium";

const run = chromiumAvailable() && testDatabaseProvider() === "sqlite";
const ZONE = "Europe/Berlin";
let demo: BrowserDemo;
let browser: Browser;
let db: Database;
const external: string[] = [];

/** "2026-10-25T02:30" for an instant in Berlin, computed apart from the app's helper ("sv-SE" writes ISO-like dates). */
const berlin = (iso: string) => new Date(iso).toLocaleString("sv-SE", { timeZone: ZONE }).slice(0, 16).replace(" ", "T");

const appFrame = (page: Page): Frame | undefined => page.frames().find((f) => new URL(f.url()).pathname.startsWith("/app"));

async function hydrated(page: Page): Promise<Frame> {
  await expect.poll(() => appFrame(page) !== undefined, { timeout: 30_000 }).toBe(true);
  const frame = appFrame(page)!;
  await frame.waitForFunction(() => Object.keys(document).some((key) => key.startsWith("_reactListening")), undefined, {
    timeout: 30_000,
  });
  await page.waitForLoadState("networkidle");
  return frame;
}

async function openIncidents(page: Page): Promise<Frame> {
  const response = await page.goto(`${demo.adminUrl}/apps/shop-assistant/app/incidents`);
  expect(response?.status()).toBe(200);
  return hydrated(page);
}

const windowOf = (frame: Frame) => {
  const url = new URL(frame.url());
  return { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
};

describe.skipIf(!run)("the incident assessment window in the shop's time zone", () => {
  beforeAll(async () => {
    demo = await startBrowserDemo();
    browser = await launchChromium();
    db = createDatabase(demo.databaseUrl);
  }, 300_000);
  afterAll(async () => {
    await db?.$disconnect();
    await browser?.close();
    await demo?.dispose();
  });

  it("reads typed times in the shop's zone, keeps UTC instants in the URL, and shows them again the same", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await blockExternalRequests(page, external);
    let frame = await openIncidents(page);
    const from = frame.getByLabel("From", { exact: true });
    const to = frame.getByLabel("To", { exact: true });
    // The zone is named under each input (their description).
    expect(await frame.getByText(`Times in ${ZONE}`).count()).toBe(2);
    await expect.poll(() => from.getAttribute("aria-describedby")).toBeTruthy();

    // 02:30 and 02:45 happen twice in Berlin on 25 October 2026: the start takes the
    // first (CEST, UTC+2), the end the second (CET, UTC+1), so the window covers both.
    await from.fill("2026-10-25T02:30");
    await to.fill("2026-10-25T02:45");
    await frame.getByRole("button", { name: "Assess", exact: true }).click();
    await expect.poll(() => windowOf(frame)).toEqual({ from: "2026-10-25T00:30:00.000Z", to: "2026-10-25T01:45:00.000Z" });
    await frame.getByText(/conversations, \d+ identifiable shoppers/).waitFor({ timeout: 20_000 });
    expect(await from.inputValue()).toBe("2026-10-25T02:30");
    expect(await to.inputValue()).toBe("2026-10-25T02:45");

    // A full load of that URL (a link to this assessment) shows the same wall-clock times,
    // and assessing it again unchanged keeps the URL's instants (no flip to 02:45 CEST).
    const url = frame.url();
    await frame.goto(url);
    frame = await hydrated(page);
    expect(await frame.getByLabel("From", { exact: true }).inputValue()).toBe("2026-10-25T02:30");
    expect(await frame.getByLabel("To", { exact: true }).inputValue()).toBe("2026-10-25T02:45");
    await frame.getByRole("button", { name: "Assess", exact: true }).click();
    await page.waitForTimeout(500);
    expect(windowOf(frame)).toEqual({ from: "2026-10-25T00:30:00.000Z", to: "2026-10-25T01:45:00.000Z" });

    // A time the spring change skips (02:30 on 29 March) moves forward by the hour: 03:30 CEST.
    await frame.getByLabel("From", { exact: true }).fill("2026-03-29T02:30");
    await frame.getByLabel("To", { exact: true }).fill("2026-03-29T04:00");
    await frame.getByRole("button", { name: "Assess", exact: true }).click();
    await expect.poll(() => windowOf(frame)).toEqual({ from: "2026-03-29T01:30:00.000Z", to: "2026-03-29T02:00:00.000Z" });
    await expect.poll(() => frame.getByLabel("From", { exact: true }).inputValue()).toBe("2026-03-29T03:30");
    await screenshot(page, "admin-incidents-window");
    await page.close();
  }, 120_000);

  it("fills the inputs with an alert's window in the shop's time, from 'Assess this window'", async () => {
    const at = new Date(Date.now() - 2 * 3_600_000 - 27_000); // seconds the inputs do not show
    await db.auditEvent.create({
      data: {
        id: randomBytes(12).toString("base64url"),
        shop: DEMO_SHOP,
        actor: "2001",
        actorName: "Alex Example",
        action: "leads.exported",
        detailJson: JSON.stringify({ count: LARGE_LEAD_EXPORT_ROWS + 1 }),
        createdAt: at,
      },
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await blockExternalRequests(page, external);
    const frame = await openIncidents(page);
    await frame.getByRole("button", { name: "Assess this window" }).first().click();
    const end = new Date(at.getTime() + 60_000).toISOString();
    await expect.poll(() => windowOf(frame)).toEqual({ from: at.toISOString(), to: end });
    await expect.poll(() => frame.getByLabel("From", { exact: true }).inputValue()).toBe(berlin(at.toISOString()));
    expect(await frame.getByLabel("To", { exact: true }).inputValue()).toBe(berlin(end));
    await frame.getByText(/conversations, \d+ identifiable shoppers/).waitFor({ timeout: 20_000 });
    // Assessed again as shown: the alert's exact instants, seconds included.
    await frame.getByRole("button", { name: "Assess", exact: true }).click();
    await page.waitForTimeout(500);
    expect(windowOf(frame)).toEqual({ from: at.toISOString(), to: end });
    await page.close();
  }, 90_000);

  it("made no request outside the loopback interface", () => {
    expect(external).toEqual([]);
  });
});
