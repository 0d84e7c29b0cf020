// Debian's Chromium through playwright-core (never `playwright install`): headless,
// no sandbox (containers), nothing phoning home.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "..", "..", "..", "test-output", "browser");

/** Browser tests skip without Chromium on a developer's machine; in CI (CI=true) a missing Chromium is an error. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === "true" || process.env.CI === "1") {
    throw new Error(`CI needs Chromium at ${CHROMIUM_PATH} for the browser tests (.ci/run installs Debian's chromium)`);
  }
  return false;
}

// Headless Chromium says "HeadlessChrome" in its user agent, and Shopify's library
// answers bots 410 Gone on admin routes (isbot). The demo admin lets headless browsers
// in (demo mode only, see docs/admin.md; test/browser/merchant-setup.test.ts runs without
// this override); the other tests still look like a shopper's browser, which says Chrome.
export const DESKTOP_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--user-agent=${DESKTOP_USER_AGENT}`], headless: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Fails the test on any request that leaves the loopback interface. */
export async function blockExternalRequests(page: Page, seen: string[]): Promise<void> {
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:|about:).*/, (route) => {
    seen.push(route.request().url());
    return route.abort();
  });
}
