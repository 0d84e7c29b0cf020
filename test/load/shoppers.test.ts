// Load (issue 7): N concurrent shoppers for S seconds through the demo storefront's app
// proxy → the built app server (child process) → SQLite, each in a loop of: give
// consent, three chat turns, read the transcript back. Asserts 0 errors (no 5xx, no
// 4xx, no network error, no SSE `error` event) and that every acknowledged message
// (each `done` messageId) is stored: in the Message table and in the transcript the
// shopper reads.
//
//   CI (shortened):  npx vitest run test/load                      100 shoppers, 10 s
//   Full run:        LOAD_SHOPPERS=500 LOAD_SECONDS=60 npx vitest run test/load
//   Model:           LOAD_MODEL=fake uses the OpenAI fake (demo brain) instead of basic mode
//   Think time:      LOAD_THINK_MS=2000 pauses about 2 s before each message, like a person
//   Arrival:         LOAD_RAMP_SECONDS (default SECONDS/4, at most 10): shoppers arrive evenly over it
//   Processes:       LOAD_WEB_CONCURRENCY (default 2) app workers (server.ts), rate limits in
//                    Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379) under a prefix of
//                    this run's own, deleted afterwards; "" runs the app as one process
//
// Rate limits are raised through the app's RATE_LIMIT_* environment: the test is about
// capacity and integrity, and all shoppers share one shop. Loopback only; every loop is
// bounded by the deadline and every request by a timeout.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../app/infra/db/create-database.server";
import { testDatabaseProvider } from "../support/test-database";
import { startBrowserDemo, type BrowserDemo } from "../browser/support/browser-demo";
import { storefrontShopper } from "../support/storefront-shopper";

const SHOPPERS = Number(process.env.LOAD_SHOPPERS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const MODEL = process.env.LOAD_MODEL === "fake" ? ({ kind: "fake" } as const) : ({ kind: "basic" } as const);
const QUESTIONS = [
  "Hello!",
  "Do you have a merino tee?",
  "What is your refund policy?",
  "Do you have socks?",
  "How long does shipping take?",
];
const REQUEST_TIMEOUT_MS = 60_000;
const WEB_CONCURRENCY = process.env.LOAD_WEB_CONCURRENCY ?? "2";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const REDIS_PREFIX = `psa-load-${process.pid}-${Date.now()}`;
// A shopper reads before typing again: LOAD_THINK_MS (default 0: back to back) is the
// mean pause between requests (uniform between half and one and a half of it).
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 0);
const think = () => (THINK_MS > 0 ? new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random()))) : Promise.resolve());
// Shoppers arrive over the first seconds (as they do on a real storefront), then all stay.
const RAMP_MS = Number(process.env.LOAD_RAMP_SECONDS ?? Math.min(10, SECONDS / 4)) * 1000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!) : NaN;
};

// SQLite only: the demo stack is SQLite (PostgreSQL runs the rest of the suite).
describe.skipIf(testDatabaseProvider() !== "sqlite")(`${SHOPPERS} concurrent shoppers for ${SECONDS} s`, () => {
  let demo: BrowserDemo;
  beforeAll(async () => {
    demo = await startBrowserDemo({
      model: MODEL,
      appEnv: {
        RATE_LIMIT_IP_PER_MINUTE: "100000000",
        RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
        // Every shopper reaches the app from the demo storefront's address (127.0.0.1).
        RATE_LIMIT_CONCURRENT_PER_CLIENT: "1000",
        RATE_LIMIT_CONVERSATION_PER_MINUTE: "100000000",
        // Production's default (the demo turns it off to show Admin API faults at once).
        ADMIN_READ_CACHE_MS: process.env.ADMIN_READ_CACHE_MS ?? "60000",
        ...(WEB_CONCURRENCY ? { WEB_CONCURRENCY, REDIS_URL, RATE_LIMIT_REDIS_PREFIX: REDIS_PREFIX } : {}),
        // A/B of app/db/sqlite-connection.server.ts (the stock libSQL client when "1").
        ...(process.env.DATABASE_SQLITE_STOCK ? { DATABASE_SQLITE_STOCK: process.env.DATABASE_SQLITE_STOCK } : {}),
      },
    });
  }, 600_000);
  afterAll(async () => {
    await demo?.dispose();
    if (!WEB_CONCURRENCY) return;
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${REDIS_PREFIX}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it(
    "answers every request without an error and stores every acknowledged message",
    async () => {
      const errors: string[] = [];
      const acknowledged = new Set<string>();
      const latency = { consent: [] as number[], chat: [] as number[], transcript: [] as number[] };
      const modes = new Map<string, number>();
      let degraded = 0;
      let requests = 0;
      let conversations = 0;
      const deadline = Date.now() + SECONDS * 1000;
      const runStart = performance.now();
      // The slowest requests: which step, and when in the run it started (seconds).
      const slowest: Array<{ step: string; atS: number; ms: number }> = [];
      const timed = (step: string, ms: number) => {
        slowest.push({ step, atS: Math.round((performance.now() - ms - runStart) / 100) / 10, ms: Math.round(ms) });
        if (slowest.length > 50) slowest.sort((a, b) => b.ms - a.ms).splice(10);
      };
      let errorCount = 0;
      const note = (what: string) => void (errorCount++, errors.length < 20 && errors.push(what));

      async function shopper(n: number) {
        await new Promise((resolve) => setTimeout(resolve, (RAMP_MS * n) / SHOPPERS));
        const client = storefrontShopper(demo.storefrontUrl, { ip: `10.${(n >> 8) & 255}.${n & 255}.1`, timeoutMs: REQUEST_TIMEOUT_MS });
        for (let round = 0; Date.now() < deadline && round < 10_000; round++) {
          let step = "consent";
          try {
            let started = performance.now();
            requests++;
            const consent = await client.consent();
            latency.consent.push(performance.now() - started);
            timed("consent", performance.now() - started);
            if (consent.status !== 200 || !consent.conversation) {
              note(`consent ${consent.status}`);
              continue;
            }
            conversations++;
            const mine: string[] = [];
            for (let turn = 0; turn < 3; turn++) {
              await think();
              requests++;
              step = `chat ${turn + 1}`;
              const answer = await client.chat(QUESTIONS[(n + round + turn) % QUESTIONS.length]!, consent.conversation);
              latency.chat.push(answer.ms);
              timed(`chat ${turn + 1}`, answer.ms);
              if (answer.status !== 200 || answer.error || !answer.done) {
                note(`chat ${answer.status} ${JSON.stringify(answer.error ?? "no done")}`);
                continue;
              }
              acknowledged.add(answer.done.messageId);
              mine.push(answer.done.messageId);
              modes.set(answer.done.mode, (modes.get(answer.done.mode) ?? 0) + 1);
              if (answer.text.includes("can't reach the store's data")) degraded++;
            }
            started = performance.now();
            requests++;
            step = "transcript";
            const transcript = await client.transcript(consent.conversation);
            latency.transcript.push(performance.now() - started);
            timed("transcript", performance.now() - started);
            if (transcript.status !== 200) {
              note(`transcript ${transcript.status}`);
              continue;
            }
            const ids = new Set((transcript.json?.messages ?? []).map((m: { id: string }) => m.id));
            for (const id of mine) if (!ids.has(id)) note(`transcript misses acknowledged message ${id}`);
          } catch (error) {
            note(
              `${step} network: ${error instanceof Error ? `${error.name} ${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error)}`,
            );
          }
        }
      }

      const started = Date.now();
      await Promise.all(Array.from({ length: SHOPPERS }, (_, n) => shopper(n)));
      const seconds = (Date.now() - started) / 1000;

      const figures = {
        shoppers: SHOPPERS,
        rampSeconds: RAMP_MS / 1000,
        thinkMs: THINK_MS,
        seconds: Math.round(seconds * 10) / 10,
        model: MODEL.kind,
        appWorkers: WEB_CONCURRENCY || "single process",
        requests,
        conversations,
        turns: latency.chat.length,
        turnsPerSecond: Math.round((latency.chat.length / seconds) * 10) / 10,
        acknowledged: acknowledged.size,
        errors: errorCount,
        degradedAnswers: degraded,
        modes: Object.fromEntries(modes),
        chatMs: {
          p50: percentile(latency.chat, 50),
          p95: percentile(latency.chat, 95),
          p99: percentile(latency.chat, 99),
          max: percentile(latency.chat, 100),
        },
        consentMs: { p50: percentile(latency.consent, 50), p99: percentile(latency.consent, 99) },
        transcriptMs: { p50: percentile(latency.transcript, 50), p99: percentile(latency.transcript, 99) },
        slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 5),
      };
      console.log(`load: ${JSON.stringify(figures)}`);
      if (errors.length) console.log(`load errors (first ${errors.length} of ${errorCount}): ${JSON.stringify(errors)}`);

      // Every acknowledged message is a stored row, counted after the app has stopped
      // (so nothing is still in flight and the count is what survives a shutdown).
      const appLog = demo.logs().slice(-3000);
      await demo.app.close();
      const db = createDatabase(demo.databaseUrl);
      let stored = 0;
      const ids = [...acknowledged];
      for (let i = 0; i < ids.length; i += 500) stored += await db.message.count({ where: { id: { in: ids.slice(i, i + 500) } } });
      await db.$disconnect();
      console.log(`load: ${acknowledged.size} acknowledged, ${stored} stored`);
      expect(errors, appLog).toEqual([]);
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(stored).toBe(acknowledged.size);
    },
    (SECONDS + 180) * 1000,
  );
});
