// Issue 12 (part 9): the app server compresses what it sends (brotli or gzip, as the
// browser asks) and lets fingerprinted bundles be cached for a year; server-sent
// event streams are never compressed (they must reach the shopper as written).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "./support/app-server";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const root = path.resolve(import.meta.dirname, "..");

/** A raw GET (fetch would decompress and hide Content-Encoding). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
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
