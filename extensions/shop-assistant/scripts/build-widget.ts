// Builds the widget: src/loader.ts -> assets/loader.js, src/chat/index.ts ->
// assets/chat.js (both IIFE, so a plain <script> loads them), src/chat.css ->
// assets/chat.css. Output is deterministic (no hashes, no dates, no source maps), so
// `--check` can rebuild in memory and fail when assets/ is stale.
import { build } from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const ENTRIES = [
  { from: "src/loader.ts", to: "assets/loader.js" },
  { from: "src/chat/index.ts", to: "assets/chat.js" },
  { from: "src/chat.css", to: "assets/chat.css" },
];

/** Builds every asset in memory: relative asset path -> contents. */
export async function buildWidgetAssets(): Promise<Map<string, string>> {
  const assets = new Map<string, string>();
  for (const { from, to } of ENTRIES) {
    const isCss = from.endsWith(".css");
    const result = await build({
      entryPoints: [join(extensionDir, from)],
      bundle: true,
      minify: true,
      write: false,
      format: isCss ? undefined : "iife",
      target: isCss ? ["chrome90", "firefox90", "safari14"] : "es2019",
      legalComments: "none",
      // ASCII output: non-ASCII text is \u-escaped, so no CDN charset header can garble it.
      charset: "ascii",
      logLevel: "silent",
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error(`esbuild wrote nothing for ${from}`);
    assets.set(to, output.text);
  }
  return assets;
}

/** The assets whose file on disk differs from a fresh build. */
export async function staleWidgetAssets(): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, text] of await buildWidgetAssets()) {
    const current = await readFile(join(extensionDir, path), "utf8").catch(() => null);
    if (current !== text) stale.push(path);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes("--check")) {
    const stale = await staleWidgetAssets();
    if (stale.length) {
      console.error(`Stale widget assets: ${stale.join(", ")}. Run npm run build:widget.`);
      process.exit(1);
    }
    console.log("Widget assets are current.");
    return;
  }
  for (const [path, text] of await buildWidgetAssets()) {
    await writeFile(join(extensionDir, path), text);
    console.log(`${path} ${Buffer.byteLength(text)} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main();
}
