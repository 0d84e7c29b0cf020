// chat-overhead: what the shopper API adds to a chat turn. With the OpenAI-compatible
// fake answering at once, a POST /proxy/chat turn (signature check, shop state, rate
// limits, conversation row, encrypted transcript, SSE) is timed against GET /healthz
// (a bare JSON route) in the same run on the same server, and against the floor: the
// bare route plus one model round trip (the app's adapter calling the fake, timed in this
// process), below which no turn can go; then throughput with a few
// turns in flight, and how many SSE streams the app holds open (kept alive by
// heartbeats while the model stays silent) with its memory at that point.
// Loopback only, bounded in count and time. Needs the built app (`npm run build`).
// Prints `name value` lines. Env: BENCH_SAMPLES (300), BENCH_STREAMS (1000), DATABASE_SQLITE_STOCK,
// DATABASE_SQLITE_SYNCHRONOUS=NORMAL (A/B of the fsync per commit).
import { readdirSync, readFileSync } from "node:fs";
import { createOpenAiChatModel } from "../app/infra/model/openai-chat-model.server";
import { startOpenAiFake } from "../demo/openai-fake/server";
import { startAppServer, TEST_APP_ENV } from "../test/support/app-server";
import { appProxyParams, signAppProxyQuery } from "../test/support/shopify-signing";
import { createTestDatabase } from "../test/support/test-database";

const SHOP = "demo-shop.myshopify.com";
// Requires consent (the default) and the bench never gives it: its turns store nothing,
// which separates the cost of storage from the cost of the route and the stream.
const UNSTORED_SHOP = "consent-shop.myshopify.com";
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const THROUGHPUT_TURNS = 400;
const THROUGHPUT_CONCURRENCY = 16;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

/** RSS of the app server: our child process running server.ts. */
function serverRssMb(): number {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (ppid !== process.pid || !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("server.ts")) continue;
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
    } catch {
      // the process went away while we looked
    }
  }
  return NaN;
}

const database = await createTestDatabase();
await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
await database.db.shop.create({ data: { shop: UNSTORED_SHOP } });
const fake = await startOpenAiFake({
  brain: (body) => {
    const last = body.messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
    return /hold/.test(last)
      ? { fault: "hang" }
      : { text: "We have the trail boots in sizes 38 to 46.", usage: { prompt: 50, completion: 12 } };
  },
});
const server = await startAppServer({
  DATABASE_URL: database.url,
  OPENAI_API_KEY: "sk-bench",
  OPENAI_BASE_URL: fake.baseUrl,
  SSE_HEARTBEAT_MS: "2000",
  // A/B of app/db/sqlite-connection.server.ts: DATABASE_SQLITE_STOCK=1 runs the stock libSQL client.
  DATABASE_SQLITE_STOCK: process.env.DATABASE_SQLITE_STOCK,
  DATABASE_SQLITE_SYNCHRONOUS: process.env.DATABASE_SQLITE_SYNCHRONOUS,
  RATE_LIMIT_IP_PER_MINUTE: "100000000",
  RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
  RATE_LIMIT_CONVERSATION_PER_MINUTE: "100000000",
  // Every request comes from one address here.
  RATE_LIMIT_CONCURRENT_PER_CLIENT: "100000",
});

const chatUrl = (shop = SHOP) => `${server.url}/proxy/chat?${signAppProxyQuery(appProxyParams({ shop }), TEST_APP_ENV.SHOPIFY_API_SECRET)}`;
const chatInit = (message: string, signal?: AbortSignal): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77" },
  body: JSON.stringify({ message }),
  signal,
});

async function chatTurn(shop = SHOP): Promise<number> {
  const started = performance.now();
  const response = await fetch(chatUrl(shop), chatInit("Do you have trail boots?"));
  const text = await response.text();
  if (response.status !== 200 || !text.includes("event: done"))
    throw new Error(`chat turn failed: ${response.status} ${text.slice(0, 200)}`);
  return performance.now() - started;
}

// The floor: the app's own model adapter calling the same fake from this process, with
// nothing else around it. A turn cannot cost less than the bare route plus this.
const model = createOpenAiChatModel({ apiKey: "sk-bench", baseURL: fake.baseUrl, model: "gpt-4o-mini" });
async function modelRoundTrip(): Promise<number> {
  const started = performance.now();
  const request = { messages: [{ role: "user" as const, content: "Do you have trail boots?" }], tools: [], maxOutputTokens: 400 };
  for await (const event of model.stream(request, new AbortController().signal)) {
    if (event.type === "failure") throw new Error(`model round trip failed: ${event.kind}`);
  }
  return performance.now() - started;
}

async function healthz(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.url}/healthz`);
  await response.text();
  if (response.status !== 200) throw new Error(`healthz answered ${response.status}`);
  return performance.now() - started;
}

interface OpenStream {
  reader: ReadableStreamDefaultReader<Uint8Array>;
  text: string;
}

/** Opens one stream: its response headers arrived (the turn is running). */
async function openStream(signal: AbortSignal): Promise<OpenStream | null> {
  try {
    const response = await fetch(chatUrl(UNSTORED_SHOP), chatInit("please hold the line", signal));
    return response.status === 200 ? { reader: response.body!.getReader(), text: "" } : null;
  } catch {
    return null;
  }
}

/** True once the stream carried a heartbeat and no answer: held open by the app, not finished. */
async function heldByHeartbeat(stream: OpenStream | null): Promise<boolean> {
  if (!stream) return false;
  const decoder = new TextDecoder();
  try {
    while (!stream.text.includes(": ping")) {
      const { done, value } = await stream.reader.read();
      if (done) return false;
      stream.text += decoder.decode(value, { stream: true });
    }
    return !stream.text.includes("event: done");
  } catch {
    return false;
  }
}

try {
  for (let i = 0; i < 30; i++) {
    await healthz();
    await chatTurn();
    await modelRoundTrip();
  }
  const chat: number[] = [];
  const unstored: number[] = [];
  const baseline: number[] = [];
  const modelOnly: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    baseline.push(await healthz());
    modelOnly.push(await modelRoundTrip());
    chat.push(await chatTurn());
    unstored.push(await chatTurn(UNSTORED_SHOP));
  }

  const throughputStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: THROUGHPUT_CONCURRENCY }, async () => {
      while (next++ < THROUGHPUT_TURNS) await chatTurn();
    }),
  );
  const turnsPerSecond = THROUGHPUT_TURNS / ((performance.now() - throughputStart) / 1000);

  // Open every stream first (100 at a time, waiting only for the response headers), then
  // check each carried a heartbeat. It must all happen inside the model client's 20 s
  // timeout (after it the circuit breaker answers in basic mode and streams end), so the
  // streams go to the shop whose turns store nothing: opening stays fast on a busy
  // machine, and what is measured is the open streams themselves.
  const streams = new AbortController();
  const opened: Array<OpenStream | null> = [];
  const openStart = performance.now();
  for (let n = 0; n < STREAMS; n += 100) {
    opened.push(...(await Promise.all(Array.from({ length: Math.min(100, STREAMS - n) }, () => openStream(streams.signal)))));
  }
  const openSeconds = (performance.now() - openStart) / 1000;
  const heldCount = (await Promise.all(opened.map(heldByHeartbeat))).filter(Boolean).length;
  const notOpened = opened.filter((s) => s === null).length;
  const answered = opened.filter((s) => s?.text.includes("event: done")).length;
  const rss = serverRssMb();
  streams.abort();

  const p50 = percentile(chat, 50);
  const p99 = percentile(chat, 99);
  const b50 = percentile(baseline, 50);
  const b99 = percentile(baseline, 99);
  console.log(`chat_p50_ms ${round(p50)}`);
  console.log(`chat_p99_ms ${round(p99)}`);
  console.log(`baseline_p50_ms ${round(b50)}`);
  console.log(`baseline_p99_ms ${round(b99)}`);
  console.log(`p50_ratio ${round(p50 / b50)}`);
  console.log(`p99_ratio ${round(p99 / b99)}`);
  const m50 = percentile(modelOnly, 50);
  const m99 = percentile(modelOnly, 99);
  console.log(`model_roundtrip_p50_ms ${round(m50)}`);
  console.log(`model_roundtrip_p99_ms ${round(m99)}`);
  // The lowest ratio any turn could reach: the bare route plus one model round trip.
  console.log(`floor_p50_ratio ${round((b50 + m50) / b50)}`);
  console.log(`floor_p99_ratio ${round((b99 + m99) / b99)}`);
  console.log(`chat_unstored_p50_ms ${round(percentile(unstored, 50))}`);
  console.log(`chat_unstored_p99_ms ${round(percentile(unstored, 99))}`);
  console.log(`unstored_p50_ratio ${round(percentile(unstored, 50) / b50)}`);
  console.log(`turns_per_second ${round(turnsPerSecond)}`);
  console.log(`concurrent_sse_streams ${heldCount}`);
  console.log(`rss_mb_at_streams ${round(rss)}`);
  console.log(`sse_streams_open_seconds ${round(openSeconds)}`);
  if (heldCount < STREAMS) console.error(`streams: ${notOpened} not opened, ${answered} answered before a heartbeat`);
} finally {
  await server.close();
  await fake.close();
  await database.cleanup();
}
