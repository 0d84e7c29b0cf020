// After `remix build`: writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy
// next to every fingerprinted browser bundle in public/build, so that the app server
// sends them as they are (express-static-gzip in server.ts) instead of compressing each
// bundle on every request at the fast, weaker levels on-the-fly compression uses (brotli
// quality 4): fewer bytes for the merchant's browser and no compression CPU per page load
// (docs/decisions/0014-precompressed-bundles.md).
//   tsx scripts/precompress-build.ts [dir]      (default public/build; run by `npm run build`)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Below this a compressed copy saves too little to matter (compression's own threshold). */
const MIN_BYTES = 1024;
const TYPES = new Set([".js", ".css", ".json", ".svg", ".txt"]);

export function precompress(dir: string): { files: number; bytes: number; brotliBytes: number } {
  const totals = { files: 0, bytes: 0, brotliBytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, entry);
    const type = path.extname(file);
    if (!TYPES.has(type) || !statSync(file).isFile()) continue;
    const data = readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: type === ".svg" || type === ".txt" ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(data, { level: constants.Z_BEST_COMPRESSION }));
    totals.files += 1;
    totals.bytes += data.length;
    totals.brotliBytes += br.length;
  }
  return totals;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "..", "public", "build"));
  const started = performance.now();
  const { files, bytes, brotliBytes } = precompress(dir);
  console.log(
    `precompressed ${files} bundles in ${path.relative(process.cwd(), dir) || "."}: ${Math.round(bytes / 1024)} kB → ${Math.round(brotliBytes / 1024)} kB brotli (${Math.round(performance.now() - started)} ms)`,
  );
}
