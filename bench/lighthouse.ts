// Lighthouse performance of the demo storefront's home, collection and product
// pages without and with the assistant's app embed (Debian's Chromium, Lighthouse's
// default mobile profile with simulated throttling). Shopify's App Store rule: an
// app may not lower the score by more than 10 points, weighted home 17 %, product
// 40 %, collection 43 %; our goal is at most 1 point. Each figure is the median of
// LIGHTHOUSE_RUNS runs (default 3), with and without interleaved.
//   tsx bench/lighthouse.ts
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { defaultShopSettings } from "../app/settings/settings-schema";
import { widgetConfigFromSettings } from "../app/settings/widget-config";
import { loadDemoStore } from "../demo/store/load-store";
import { startStorefront } from "../demo/storefront/server";
import { choosePort } from "../demo/storefront/stack/ports";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/browser/support/chromium";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const PAGES = [
  { name: "home", path: "/", weight: 0.17 },
  { name: "collection", path: "/collections/tops", weight: 0.43 },
  { name: "product", path: "/products/classic-cotton-tee", weight: 0.4 },
] as const;

async function launchChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const port = await choosePort(0);
  const profile = mkdtempSync(path.join(tmpdir(), "psa-lighthouse-"));
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, "about:blank"], {
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/json/version`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null) throw new Error(`Chromium (${CHROMIUM_PATH}) exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    async close() {
      child.kill("SIGTERM");
      await exited;
      // Chromium's helper processes can still write to the profile just after the browser
      // exits (ENOTEMPTY on the first try); Node retries those errors when asked to.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Measurement {
  score: number;
  cls: number;
  lcp: number;
  tbt: number;
}

async function measure(url: string, port: number): Promise<Measurement> {
  const result = await lighthouse(url, { port, onlyCategories: ["performance"], output: "json", logLevel: "error" });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    tbt: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
  };
}

async function main() {
  const storefront = await startStorefront({
    store: loadDemoStore(),
    extensionDir: path.join(root, "extensions", "shop-assistant"),
    publicDir: path.join(root, "public"),
    // The loader never calls the app before the shopper interacts; Lighthouse does not interact.
    appUrl: "http://127.0.0.1:9",
    apiSecret: "unused",
    widgetConfig: async () => widgetConfigFromSettings(defaultShopSettings),
    log: (line) => console.error(line),
  });
  const chrome = await launchChromium();
  try {
    const check = await (await fetch(`${storefront.url}/`)).text();
    if (!check.includes('id="shop-assistant"')) throw new Error("the storefront did not render the app embed: nothing to compare");
    let weightedLoss = 0;
    for (const page of PAGES) {
      const without: Measurement[] = [];
      const withEmbed: Measurement[] = [];
      for (let run = 0; run < RUNS; run++) {
        without.push(await measure(`${storefront.url}${page.path}?embed=0`, chrome.port));
        withEmbed.push(await measure(`${storefront.url}${page.path}`, chrome.port));
      }
      const scoreWithout = median(without.map((r) => r.score));
      const scoreWith = median(withEmbed.map((r) => r.score));
      const loss = scoreWithout - scoreWith;
      weightedLoss += page.weight * loss;
      console.log(`${page.name}_score_without ${scoreWithout}`);
      console.log(`${page.name}_score_with ${scoreWith}`);
      console.log(`${page.name}_loss ${loss}`);
      console.log(`${page.name}_cls_without ${median(without.map((r) => r.cls)).toFixed(3)}`);
      console.log(`${page.name}_cls_with ${median(withEmbed.map((r) => r.cls)).toFixed(3)}`);
      console.log(`${page.name}_lcp_ms_without ${Math.round(median(without.map((r) => r.lcp)))}`);
      console.log(`${page.name}_lcp_ms_with ${Math.round(median(withEmbed.map((r) => r.lcp)))}`);
      console.log(`${page.name}_tbt_ms_without ${Math.round(median(without.map((r) => r.tbt)))}`);
      console.log(`${page.name}_tbt_ms_with ${Math.round(median(withEmbed.map((r) => r.tbt)))}`);
    }
    console.log(`weighted_loss ${weightedLoss.toFixed(2)}`);
    console.log(`lighthouse_runs_per_figure ${RUNS}`);
  } finally {
    await chrome.close();
    await storefront.close();
  }
}

await main();
