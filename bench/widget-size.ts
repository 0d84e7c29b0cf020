// Gzipped sizes of the built storefront widget against its budgets (docs/performance.md)
// (loader <= 2 KB, chat JS <= 10 KB, chat CSS <= 3 KB). Prints `name value` lines;
// exits 1 when a budget is exceeded. Measures assets/ as built: run build:widget first.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "extensions", "shop-assistant", "assets");

const MEASURES = [
  { name: "loader_gzip_bytes", file: "loader.js", budget: 2048 },
  { name: "chat_js_gzip_bytes", file: "chat.js", budget: 10240 },
  { name: "chat_css_gzip_bytes", file: "chat.css", budget: 3072 },
];

let over = false;
for (const { name, file, budget } of MEASURES) {
  const size = gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  console.log(`${name} ${size}`);
  console.log(`${name}_budget ${budget}`);
  if (size > budget) {
    over = true;
    console.error(`${file} is ${size} bytes gzipped, over its ${budget} byte budget`);
  }
}
process.exit(over ? 1 : 0);
