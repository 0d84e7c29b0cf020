// Web vitals of the embedded admin in the demo admin (Debian's Chromium, no
// throttling): for each page, the median of ADMIN_VITALS_RUNS cold loads (default 5;
// a new browser context each time, so nothing is cached) of
//   - LCP (ms) and CLS, measured by the web-vitals library inside the app's frame,
//   - INP (ms) after one click on the page (a real interaction, as INP needs one),
//   - the JavaScript the page downloads, compressed as sent (bytes on the wire), twice:
//     js_bytes_compressed counts the page's initial JavaScript only, the scripts its HTML
//     names (the module preloads and scripts Remix renders: entry, manifest, root,
//     layout and page route modules and their shared chunks); js_bytes_compressed_total
//     adds every other script of the app's origin the page loads before the network is
//     idle (chunks loaded lazily, such as the Analytics charts' Polaris Viz).
//   tsx bench/admin-vitals.ts          (uses build/ as it is: run `npm run build` first)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Frame } from "playwright-core";
import { randomBytes } from "node:crypto";
import { DEMO_SHOP, startDemoStack } from "../demo/storefront/stack/demo-stack";
import { createDatabase } from "../app/infra/db/create-database.server";
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
  ["conversations", "/app/conversations"],
  ["dashboard", "/app/dashboard"],
  ["incidents", "/app/incidents"],
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
  /** The scripts the page's HTML names. */
  jsBytes: number;
  /** Those and every script loaded later (lazy chunks). */
  jsBytesTotal: number;
}

async function loadOnce(browser: Browser, adminUrl: string, appOrigin: string, appPath: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: COLLECT });
  const page = await context.newPage();
  const scripts: Promise<{ url: string; bytes: number }>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script" && request.url().startsWith(appOrigin))
      scripts.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
  });
  // The app frame's HTML, for the scripts it names (Remix removes those tags once hydrated).
  const documents: Promise<{ url: string; html: string }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "document" && response.url().startsWith(appOrigin))
      documents.push(
        response.text().then(
          (html) => ({ url: response.url(), html }),
          () => ({ url: response.url(), html: "" }),
        ),
      );
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
  // The initial JavaScript: the scripts the server-rendered HTML names (module preloads,
  // script tags and the inline module's imports all name /build/… files).
  const initial = new Set(
    (await Promise.all(documents)).flatMap(({ url, html }) =>
      [...html.matchAll(/["'](\/build\/[^"']+\.js)["']/g)].map((m) => new URL(m[1]!, url).href),
    ),
  );
  const loaded = await Promise.all(scripts);
  const jsBytes = loaded.filter((s) => initial.has(s.url)).reduce((sum, s) => sum + s.bytes, 0);
  const jsBytesTotal = loaded.reduce((sum, s) => sum + s.bytes, 0);
  await context.close();
  return { lcp: vitals.LCP ?? Number.NaN, cls: vitals.CLS ?? 0, inp: vitals.INP ?? 0, jsBytes, jsBytesTotal };
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
// A few conversations of the last days, so Analytics draws its charts (and loads their
// lazy Polaris Viz chunk, counted in js_bytes_compressed_total) instead of empty states.
{
  const db = createDatabase(stack.databaseUrl);
  const outcomes = ["answered", "answered", "handed_off", "open"];
  for (let i = 0; i < 12; i++) {
    const at = new Date(Date.now() - (i % 6) * 86_400_000 - i * 60_000);
    await db.conversation.create({
      data: {
        id: randomBytes(12).toString("base64url"),
        shop: DEMO_SHOP,
        tokenHash: randomBytes(32).toString("base64url"),
        createdAt: at,
        lastMessageAt: at,
        outcome: outcomes[i % outcomes.length]!,
        basicMode: i % 3 === 0,
        turnCount: 2,
        keyId: stack.keys.ENCRYPTION_KEYS.split(":")[0]!,
      },
    });
  }
  await db.$disconnect();
}
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
    console.log(`admin.${name}.js_bytes_compressed_total ${Math.round(median(loads.map((l) => l.jsBytesTotal)))}`);
  }
} finally {
  await browser.close();
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
}
