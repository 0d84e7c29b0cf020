// server.ts with WEB_CONCURRENCY: a primary that accepts connections and worker
// processes that serve them. Checked on the built app: the workers run and serve, the
// rate limits are shared through Redis (memory limits would give a shopper one allowance
// per worker), a worker that dies is replaced, SIGTERM stops them all, and a
// configuration that cannot be right is refused at start with a clear message.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerCount, workerExecArgv } from "../server";
import { startAppServer, TEST_APP_ENV, type AppServer } from "./support/app-server";
import { appProxyParams, signAppProxyQuery } from "./support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const SHOP = "cluster-shop.myshopify.com";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `psa-cluster-test-${process.pid}-${Date.now()}`;

/** Live child processes of pid (the workers of a primary). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) === pid && !/State:\s+Z/.test(status)) children.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return children;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("WEB_CONCURRENCY values", () => {
  it("runs one process when unset or empty, and 1..64 workers otherwise", () => {
    expect(workerCount(undefined, undefined)).toBe(0);
    expect(workerCount(" ", undefined)).toBe(0);
    expect(workerCount("1", undefined)).toBe(1);
    expect(workerCount("4", "redis://127.0.0.1:6379")).toBe(4);
    for (const bad of ["0", "-1", "1.5", "65", "two"])
      expect(() => workerCount(bad, REDIS_URL)).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64/);
  });

  it("refuses more than one worker without Redis: memory rate limits would not be shared", () => {
    expect(() => workerCount("2", undefined)).toThrow(/needs REDIS_URL/);
  });
});

describe("the workers' V8 options (decision 0015)", () => {
  it("compiles optimised code on the worker's own thread unless SERVER_WORKER_CONCURRENT_JIT=1", () => {
    expect(workerExecArgv([], undefined)).toEqual(["--no-concurrent-recompilation"]);
    expect(workerExecArgv(["--enable-source-maps"], "0")).toEqual(["--enable-source-maps", "--no-concurrent-recompilation"]);
    expect(workerExecArgv(["--no-concurrent-recompilation"], undefined)).toEqual(["--no-concurrent-recompilation"]);
    expect(workerExecArgv(["--enable-source-maps"], "1")).toEqual(["--enable-source-maps"]);
  });
});

/** A process's command line, as its arguments. */
const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);

describe("the app with two workers (built app, Redis)", () => {
  let database: TestDatabase;
  let server: AppServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP } });
    server = await startAppServer({
      DATABASE_URL: database.url,
      WEB_CONCURRENCY: "2",
      REDIS_URL,
      RATE_LIMIT_REDIS_PREFIX: PREFIX,
      RATE_LIMIT_IP_PER_MINUTE: "6",
    });
  }, 180_000); // two workers start: tens of seconds on a busy machine
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  /** A transcript read on a connection of its own: the primary hands connections to the workers in turn. */
  const readConversation = (ip: string) =>
    new Promise<number>((resolve, reject) => {
      const query = signAppProxyQuery({ ...appProxyParams({ shop: SHOP }), token: "x" }, TEST_APP_ENV.SHOPIFY_API_SECRET);
      const request = http.get(
        `${server.url}/proxy/conversations/AAAAAAAAAAAAAAAAAAAAAA?${query}`,
        { agent: false, headers: { "x-forwarded-for": ip } },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
    });

  it("runs two workers that answer", async () => {
    expect(childrenOf(server.pid)).toHaveLength(2);
    // The primary keeps V8's default; the workers compile on their own thread.
    expect(commandLine(server.pid)).not.toContain("--no-concurrent-recompilation");
    for (const worker of childrenOf(server.pid)) expect(commandLine(worker)).toContain("--no-concurrent-recompilation");
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/healthz`).then((r) => r.status)));
    expect(answers).toEqual(Array(20).fill(200));
  });

  it("shares the per-IP limit between the workers: 6 a minute in all, not 6 per worker", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await readConversation("198.51.100.23"));
    expect(statuses.filter((s) => s === 404)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual(Array(6).fill(429));
  });

  it("replaces a worker that dies and keeps answering", async () => {
    const [victim] = childrenOf(server.pid);
    process.kill(victim!, "SIGKILL");
    await until(() => !alive(victim!) && childrenOf(server.pid).length === 2);
    expect(childrenOf(server.pid)).not.toContain(victim);
    for (const worker of childrenOf(server.pid)) expect(commandLine(worker)).toContain("--no-concurrent-recompilation");
    for (let i = 0; i < 10; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.output()).toMatch(/worker \d+ exited \(SIGKILL\); starting another/);
  });

  it("stops every worker on SIGTERM", async () => {
    const workers = childrenOf(server.pid);
    await server.close();
    expect(alive(server.pid)).toBe(false);
    await until(() => workers.every((pid) => !alive(pid)), 5_000);
  });
});

describe("a cluster that cannot start", () => {
  it("exits with a clear message instead of starting workers that would only die again", async () => {
    const database = await createTestDatabase();
    try {
      await expect(startAppServer({ DATABASE_URL: database.url, WEB_CONCURRENCY: "2" })).rejects.toThrow(
        /WEB_CONCURRENCY above 1 needs REDIS_URL/,
      );
      await expect(startAppServer({ DATABASE_URL: database.url, WEB_CONCURRENCY: "1", SHOPIFY_API_SECRET: "" })).rejects.toThrow(
        /a worker exited \(1\) before listening; stopping/,
      );
    } finally {
      await database.cleanup();
    }
  }, 180_000);
});
