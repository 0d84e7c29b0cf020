// Issue 12 (part 9): the app server compresses what it sends (brotli or gzip, as the
// browser asks) and lets fingerprinted bundles be cached for a year, sending the copies
// `npm run build` compressed at the strongest levels (scripts/precompress-build.ts);
// server-sent event streams are never compressed (they must reach the shopper as written).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import path from "node:path";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { precompress } from "../scripts/precompress-build";

const root = path.resolve(import.meta.dirname, "..");

/** A raw GET (fetch would decompress and hide Content-Encoding). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
        });
      })
      .on("error", reject);
  });
}

describe("compression and caching", () => {
  let database: TestDatabase;
  let server: AppServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startAppServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  it("sends fingerprinted bundles compressed and cacheable for a year", async () => {
    // The largest fingerprinted bundle (a tiny one stays under compression's 1 kB threshold).
    const dir = path.join(root, "public", "build", "_shared");
    const bundle = readdirSync(dir)
      .filter((name) => name.endsWith(".js"))
      .map((name) => ({ name, size: statSync(path.join(dir, name)).size }))
      .sort((a, b) => b.size - a.size)[0]?.name;
    expect(bundle).toBeDefined();
    const plain = await get(`${server.url}/build/_shared/${bundle}`, {});
    const br = await get(`${server.url}/build/_shared/${bundle}`, { "Accept-Encoding": "br, gzip" });
    const gzip = await get(`${server.url}/build/_shared/${bundle}`, { "Accept-Encoding": "gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(br.bytes).toBeLessThan(plain.bytes);
    // The build's own compressed copies, sent as they are, and each is the bundle.
    const file = path.join(dir, bundle!);
    expect(br.body.equals(readFileSync(`${file}.br`))).toBe(true);
    expect(gzip.body.equals(readFileSync(`${file}.gz`))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(readFileSync(file))).toBe(true);
    expect(gunzipSync(gzip.body).equals(readFileSync(file))).toBe(true);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(br.headers["cache-control"]).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it("compresses JSON answers but never an event stream", async () => {
    const health = await get(`${server.url}/healthz`, { "Accept-Encoding": "gzip" });
    expect(health.status).toBe(200);
    expect(health.headers["content-encoding"]).toBe("gzip");
    const compression = (await import("compression")).default;
    const filter = (contentType: string) => {
      const res = { getHeader: (name: string) => (name.toLowerCase() === "content-type" ? contentType : undefined) };
      return (
        !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") &&
        compression.filter({ headers: {} } as never, res as never)
      );
    };
    expect(filter("text/event-stream; charset=utf-8")).toBe(false);
    expect(filter("text/html; charset=utf-8")).toBe(true);
  });
});

describe("precompressing the build (scripts/precompress-build.ts)", () => {
  it("writes a brotli and a gzip copy of every bundle worth compressing, each the bundle itself", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "psa-precompress-"));
    try {
      const big = Buffer.from("export const text = " + JSON.stringify("a merchant's words ".repeat(400)) + ";\n");
      writeFileSync(path.join(dir, "big.js"), big);
      writeFileSync(path.join(dir, "styles.css"), ".a{color:red}\n".repeat(200));
      writeFileSync(path.join(dir, "tiny.js"), "export {};\n");
      writeFileSync(path.join(dir, "photo.png"), Buffer.alloc(4096, 1));
      const totals = precompress(dir);
      expect(totals.files).toBe(2);
      for (const name of ["big.js", "styles.css"]) {
        const original = readFileSync(path.join(dir, name));
        expect(brotliDecompressSync(readFileSync(path.join(dir, `${name}.br`))).equals(original)).toBe(true);
        expect(gunzipSync(readFileSync(path.join(dir, `${name}.gz`))).equals(original)).toBe(true);
      }
      expect(readFileSync(path.join(dir, "big.js.br")).length).toBeLessThan(big.length / 10);
      // Under 1 kB, or not text: left alone.
      expect(readdirSync(dir).sort()).toEqual([
        "big.js",
        "big.js.br",
        "big.js.gz",
        "photo.png",
        "styles.css",
        "styles.css.br",
        "styles.css.gz",
        "tiny.js",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
