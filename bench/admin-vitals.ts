// Web vitals of the embedded admin in the demo admin (Debian's Chromium, no
// throttling): for each page, the median of ADMIN_VITALS_RUNS cold loads (default 5;
// a new browser context each time, so nothing is cached) of
//   - LCP (ms) and CLS, measured by the web-vitals library inside the app's frame,
//   - INP (ms) after one click on the page (a real interaction, as INP needs one),
//   - the JavaScript the page downloads, compressed as sent (bytes on the wire).
//   tsx bench/admin-vitals.ts          (uses build/ as it is: run `npx remix build` first)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Frame } from "playwright-core";
import { startDemoStack } from "../demo/storefront/stack/demo-stack";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/browser/support/chromium";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Math.max(1, Number(process.env.ADMIN_VITALS_RUNS ?? 5));
const PAGES = [
  ["home", "/app"],
  ["privacy", "/app/privacy"],
  ["assistant", "/app/assistant"],
  ["knowledge", "/app/knowledge"],
  ["leads", "/app/leads"],
  ["data-requests", "/app/data-requests"],
  ["analytics", "/app/analytics"],
  ["audit", "/app/audit"],
] as const;

// The package's IIFE build (not in its "exports" map, so read from node_modules).
const WEB_VITALS = readFileSync(path.join(root, "node_modules", "web-vitals", "dist", "web-vitals.iife.js"), "utf8");
// Runs in every frame before the page's scripts; only the app's frame reports.
const COLLECT = `${WEB_VITALS}
(() => {
  if (!location.pathname.startsWith("/app")) return;
  const vitals = (window.__vitals = {});
  const keep = (metric) => { vitals[metric.name] = metric.value; };
  webVitals.onLCP(keep, { reportAllChanges: true });
  webVitals.onCLS(keep, { reportAllChanges: true });
  webVitals.onINP(keep, { reportAllChanges: true, durationThreshold: 0 });
})();`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Load {
  lcp: number;
  cls: number;
  inp: number;
  jsBytes: number;
}

async function loadOnce(browser: Browser, adminUrl: string, appOrigin: string, appPath: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: COLLECT });
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script" && request.url().startsWith(appOrigin))
      scripts.push(request.sizes().then((s) => s.responseBodySize));
  });
  await page.goto(`${adminUrl}/apps/shop-assistant${appPath}`);
  let frame: Frame | undefined;
  for (let i = 0; i < 300 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(appOrigin) && new URL(f.url()).pathname.startsWith("/app"));
    if (!frame) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error(`the app frame of ${appPath} never loaded`);
  await frame.waitForFunction(() => Object.keys(document).some((key) => key.startsWith("_reactListening")), undefined, { timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  // One interaction for INP, on something harmless: the page's subtitle or body text.
  await frame
    .locator("p")
    .first()
    .click({ timeout: 5_000 })
    .catch(() => frame!.locator("body").click());
  await page.waitForTimeout(300);
  const vitals = (await frame.evaluate(() => (window as unknown as { __vitals: Record<string, number> }).__vitals)) ?? {};
  const jsBytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
  await context.close();
  return { lcp: vitals.LCP ?? Number.NaN, cls: vitals.CLS ?? 0, inp: vitals.INP ?? 0, jsBytes };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "psa-admin-vitals-"));
const log: string[] = [];
const stack = await startDemoStack({
  root,
  dataDir,
  model: { kind: "basic" },
  ports: { storefront: 0, app: 0, adminApi: 0, admin: 0, openai: 0 },
  build: process.env.DEMO_BUILD === "1",
  log: (line) => log.push(line),
}).catch((error: unknown) => {
  rmSync(dataDir, { recursive: true, force: true });
  console.error(log.slice(-40).join("\n"));
  throw error;
});
// A plain headless Chromium: the demo admin lets its user agent in (demo mode only).
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  const appOrigin = new URL(stack.appUrl).origin;
  for (const [name, appPath] of PAGES) {
    const loads: Load[] = [];
    for (let run = 0; run < RUNS; run++) loads.push(await loadOnce(browser, stack.adminUrl, appOrigin, appPath));
    console.log(`admin.${name}.lcp_ms ${Math.round(median(loads.map((l) => l.lcp)))}`);
    console.log(`admin.${name}.cls ${median(loads.map((l) => l.cls)).toFixed(3)}`);
    console.log(`admin.${name}.inp_ms ${Math.round(median(loads.map((l) => l.inp)))}`);
    console.log(`admin.${name}.js_bytes_compressed ${Math.round(median(loads.map((l) => l.jsBytes)))}`);
  }
} finally {
  await browser.close();
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
}
