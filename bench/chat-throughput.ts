// chat-throughput: stored chat turns per second, and the CPU each process group spends
// per turn, for one and two app workers on SQLite and on PostgreSQL.
//
// Every turn is stored (the shop does not require consent): the conversation row, the
// shopper's message and the answer, encrypted. Virtual shoppers each open a conversation
// and send three more messages in it, then start over; CONCURRENCY turns are in flight.
// The model is the OpenAI-compatible fake answering at once (AI mode). The load
// generator and the fake run in this process, over keep-alive loopback HTTP.
//
// The configurations of one database run side by side: all their servers are started and
// warmed, then each is loaded in turn for THROUGHPUT_ROUNDS windows, interleaved (A B B A…),
// so that the host's slow and fast spells fall on every configuration alike; the worker
// efficiency compares runs measured in the same minute, not a minute apart.
// CPU is read from /proc (user + system time) before and after each measured window:
// `app` is the server's process tree (primary and workers; SQLite runs inside it),
// `postgres` every PostgreSQL server process, `redis` the Redis server, `loadgen_fake`
// this process. Every acknowledged turn (its `done` event) is checked afterwards: its
// answer must be stored.
//
// Prints `name value` lines per configuration (`sqlite_1w.turns_per_second` …), the
// worker efficiency (turns per app CPU-second with two workers over one), and the
// latency floor ratios of bench/chat-overhead.ts's method for each database.
// Needs the built app (`npm run build`), PostgreSQL for the `pg_*` configurations and
// Redis for two workers; a configuration whose service is unreachable is skipped with a
// comment line. Env: THROUGHPUT_SECONDS (12, measured per configuration), THROUGHPUT_ROUNDS (4),
// THROUGHPUT_WARMUP_SECONDS (30 per server), THROUGHPUT_CONCURRENCY (32),
// THROUGHPUT_CONFIGS (e.g. "sqlite_1w,pg_2w"), BENCH_SAMPLES (200, latency phase),
// DATABASE_SQLITE_SYNCHRONOUS=NORMAL and SERVER_WORKER_CONCURRENT_JIT=1 (A/B only), THROUGHPUT_PROFILE_DIR.
import http from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createOpenAiChatModel } from "../app/infra/model/openai-chat-model.server";
import { startOpenAiFake } from "../demo/openai-fake/server";
import { startAppServer, TEST_APP_ENV, type AppServer } from "../test/support/app-server";
import { appProxyParams, signAppProxyQuery } from "../test/support/shopify-signing";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database";
import { postgresAnswers, redisAnswers, TEST_POSTGRES_URL, TEST_REDIS_URL } from "../test/support/services";

const SHOP = "throughput-shop.myshopify.com";
// Requires consent (the default) and the bench never gives it: its turns store nothing.
const UNSTORED_SHOP = "unstored-shop.myshopify.com";
const SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 12);
// The measured seconds of a configuration are split into this many windows, interleaved
// with the other configurations' windows on the same database.
const ROUNDS = Math.max(1, Number(process.env.THROUGHPUT_ROUNDS ?? 4));
// Load before measuring, per server: a new worker needs tens of seconds of load before its
// CPU per turn settles (the first chunk is printed as *.cold_cpu_ms_per_turn.app).
const WARMUP_CHUNK_SECONDS = 5;
const WARMUP_SECONDS = Math.max(WARMUP_CHUNK_SECONDS, Number(process.env.THROUGHPUT_WARMUP_SECONDS ?? 30));
// Unmeasured load right before each measured window (the server idled meanwhile).
const REWARM_SECONDS = 1;
const CONCURRENCY = Number(process.env.THROUGHPUT_CONCURRENCY ?? 32);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const TURNS_PER_CONVERSATION = 4;
const REDIS_URL = TEST_REDIS_URL;
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Config {
  name: string;
  provider: "sqlite" | "postgres";
  workers: 1 | 2;
}
const ALL_CONFIGS: Config[] = [
  { name: "sqlite_1w", provider: "sqlite", workers: 1 },
  { name: "sqlite_2w", provider: "sqlite", workers: 2 },
  { name: "pg_1w", provider: "postgres", workers: 1 },
  { name: "pg_2w", provider: "postgres", workers: 2 },
];
const wanted = process.env.THROUGHPUT_CONFIGS?.split(",").map((s) => s.trim());
const configs = ALL_CONFIGS.filter((c) => !wanted || wanted.includes(c.name));

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const print = (name: string, value: number | string) => console.log(`${name} ${value}`);

// ---- CPU per process group, from /proc ----

interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}
function processes(): ProcInfo[] {
  const list: ProcInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // After the comm: state(0) ppid(1) … utime(11) stime(12)
      list.push({ pid: Number(entry), ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone while we looked
    }
  }
  return list;
}
function descendantsOf(root: number, list: ProcInfo[]): Set<number> {
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of list)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  return tree;
}
interface CpuSnapshot {
  perPid: Map<number, { comm: string; ticks: number; group: string }>;
  selfMicros: number;
}
function cpuSnapshot(appPid: number): CpuSnapshot {
  const list = processes();
  const app = descendantsOf(appPid, list);
  const perPid = new Map<number, { comm: string; ticks: number; group: string }>();
  for (const p of list) {
    const group = app.has(p.pid) ? "app" : p.comm.startsWith("postgres") ? "postgres" : p.comm.startsWith("redis-server") ? "redis" : null;
    if (group) perPid.set(p.pid, { comm: p.comm, ticks: p.ticks, group });
  }
  const self = process.cpuUsage();
  return { perPid, selfMicros: self.user + self.system };
}
/** CPU seconds per group between two snapshots; a process started in between counts from zero. */
function cpuSeconds(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const groups: Record<string, number> = { app: 0, postgres: 0, redis: 0 };
  for (const [pid, now] of after.perPid) {
    const then = before.perPid.get(pid)?.ticks ?? 0;
    groups[now.group] = (groups[now.group] ?? 0) + (now.ticks - then) / CLOCK_TICKS_PER_SECOND;
  }
  groups.loadgen_fake = (after.selfMicros - before.selfMicros) / 1e6;
  return groups;
}

// ---- The load generator: keep-alive HTTP, SSE read to the end ----

interface TurnResult {
  ok: boolean;
  messageId?: string;
  conversation?: { id: string; token: string };
  status: number;
}

function signedChatPath(server: AppServer, shop: string): () => string {
  // Signed once a second: the signature carries a timestamp the app checks for freshness.
  let path = "";
  let signedAt = 0;
  return () => {
    const now = Date.now();
    if (now - signedAt > 1000) {
      signedAt = now;
      path = `/proxy/chat?${signAppProxyQuery(appProxyParams({ shop }), TEST_APP_ENV.SHOPIFY_API_SECRET)}`;
    }
    return path;
  };
}

function chatTurn(agent: http.Agent, server: AppServer, path: string, body: string): Promise<TurnResult> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: "POST",
        path,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const done = /event: done\ndata: (\{[^\n]*\})/.exec(text);
          const opened = /event: conversation\ndata: (\{[^\n]*\})/.exec(text);
          resolve({
            ok: res.statusCode === 200 && !!done,
            status: res.statusCode ?? 0,
            messageId: done ? (JSON.parse(done[1]!) as { messageId: string }).messageId : undefined,
            conversation: opened ? (JSON.parse(opened[1]!) as { id: string; token: string }) : undefined,
          });
        });
        res.on("error", () => resolve({ ok: false, status: res.statusCode ?? 0 }));
      },
    );
    req.on("error", () => resolve({ ok: false, status: 0 }));
    req.end(body);
  });
}

interface LoadResult {
  turns: number;
  failures: number;
  acknowledged: string[];
  seconds: number;
}

/** CONCURRENCY shoppers in a loop until `seconds` have passed; counts acknowledged turns. */
async function runLoad(server: AppServer, seconds: number, collect: boolean): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const pathOf = signedChatPath(server, SHOP);
  const acknowledged: string[] = [];
  let turns = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const shopper = async () => {
    let conversation: { id: string; token: string } | undefined;
    let turnInConversation = 0;
    while (performance.now() < deadline) {
      const body = JSON.stringify({
        message: turnInConversation === 0 ? "Do you have trail boots?" : "And in size 42?",
        ...(conversation ? { conversationId: conversation.id, conversationToken: conversation.token } : {}),
      });
      const result = await chatTurn(agent, server, pathOf(), body);
      if (!result.ok) {
        failures++;
        if (failures > 50) throw new Error(`too many failed turns (last status ${result.status})`);
        conversation = undefined;
        turnInConversation = 0;
        continue;
      }
      turns++;
      if (collect) acknowledged.push(result.messageId!);
      conversation = result.conversation ?? conversation;
      turnInConversation = (turnInConversation + 1) % TURNS_PER_CONVERSATION;
      if (turnInConversation === 0) conversation = undefined;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, shopper));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { turns, failures, acknowledged, seconds: elapsed };
}

// ---- Latency: the floor method of bench/chat-overhead.ts, sequential ----

async function latency(server: AppServer, baseUrl: string, prefix: string) {
  const model = createOpenAiChatModel({ apiKey: "sk-bench", baseURL: baseUrl, model: "gpt-4o-mini" });
  const timed = async (fn: () => Promise<void>) => {
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };
  const healthz = () =>
    timed(async () => {
      const response = await fetch(`${server.url}/healthz`);
      await response.text();
      if (response.status !== 200) throw new Error(`healthz answered ${response.status}`);
    });
  const roundTrip = () =>
    timed(async () => {
      const request = { messages: [{ role: "user" as const, content: "Do you have trail boots?" }], tools: [], maxOutputTokens: 400 };
      for await (const event of model.stream(request, new AbortController().signal))
        if (event.type === "failure") throw new Error(`model round trip failed: ${event.kind}`);
    });
  const turn = (shop: string) =>
    timed(async () => {
      const query = signAppProxyQuery(appProxyParams({ shop }), TEST_APP_ENV.SHOPIFY_API_SECRET);
      const response = await fetch(`${server.url}/proxy/chat?${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "Do you have trail boots?" }),
      });
      const text = await response.text();
      if (response.status !== 200 || !text.includes("event: done"))
        throw new Error(`turn failed: ${response.status} ${text.slice(0, 200)}`);
    });
  const kinds = { bare: healthz, model: roundTrip, stored: () => turn(SHOP), unstored: () => turn(UNSTORED_SHOP) };
  const samples: Record<keyof typeof kinds, number[]> = { bare: [], model: [], stored: [], unstored: [] };
  for (let i = 0; i < 20; i++) for (const fn of Object.values(kinds)) await fn();
  // Interleaved, so that a slow moment of the machine hits every kind alike.
  for (let i = 0; i < SAMPLES; i++)
    for (const [kind, fn] of Object.entries(kinds) as Array<[keyof typeof kinds, () => Promise<number>]>) samples[kind].push(await fn());
  const p50 = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, percentile(v, 50)])) as Record<keyof typeof kinds, number>;
  const floor = p50.bare + p50.model;
  print(`${prefix}.bare_p50_ms`, round(p50.bare));
  print(`${prefix}.model_roundtrip_p50_ms`, round(p50.model));
  print(`${prefix}.stored_p50_ms`, round(p50.stored));
  print(`${prefix}.unstored_p50_ms`, round(p50.unstored));
  print(`${prefix}.stored_floor_ratio`, round(p50.stored / floor));
  print(`${prefix}.unstored_floor_ratio`, round(p50.unstored / floor));
}

// ---- One configuration ----

/** Why a configuration cannot run here, or null. */
async function unreachable(provider: Config["provider"], workers: number): Promise<string | null> {
  if (provider === "postgres" && !(await postgresAnswers())) return `PostgreSQL does not answer at ${TEST_POSTGRES_URL}`;
  if (workers > 1 && !(await redisAnswers(REDIS_URL))) return `Redis does not answer at ${REDIS_URL}`;
  return null;
}

async function storedAnswers(database: TestDatabase, ids: string[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < ids.length; i += 500) found += await database.db.message.count({ where: { id: { in: ids.slice(i, i + 500) } } });
  return found;
}

const perAppCpuSecond: Record<string, number> = {};

/** A configuration's server, started once and loaded in its turn, with its totals. */
interface Running {
  config: Config;
  database: TestDatabase;
  server: AppServer;
  redisPrefix: string;
  turns: number;
  failures: number;
  seconds: number;
  cpu: Record<string, number>;
  acknowledged: string[];
  coldAppMsPerTurn?: number;
}

async function start(config: Config, fakeUrl: string): Promise<Running> {
  process.env.TEST_DATABASE_PROVIDER = config.provider;
  const database = await createTestDatabase();
  const redisPrefix = `bench-throughput-${randomBytes(4).toString("hex")}`;
  await database.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ privacy: { consentRequired: false } }) } });
  await database.db.shop.create({ data: { shop: UNSTORED_SHOP } });
  const server = await startAppServer({
    DATABASE_URL: database.url,
    OPENAI_API_KEY: "sk-bench",
    OPENAI_BASE_URL: fakeUrl,
    WEB_CONCURRENCY: config.workers > 1 ? String(config.workers) : undefined,
    REDIS_URL: config.workers > 1 || process.env.THROUGHPUT_REDIS_ALWAYS === "1" ? REDIS_URL : undefined,
    RATE_LIMIT_REDIS_PREFIX: redisPrefix,
    RATE_LIMIT_IP_PER_MINUTE: "100000000",
    RATE_LIMIT_SHOP_PER_MINUTE: "100000000",
    RATE_LIMIT_CONVERSATION_PER_MINUTE: "100000000",
    RATE_LIMIT_CONCURRENT_PER_CLIENT: "100000",
    // A/B of the fsync per commit (production keeps FULL).
    DATABASE_SQLITE_SYNCHRONOUS: process.env.DATABASE_SQLITE_SYNCHRONOUS,
    // A/B of the chat route's direct path (1: through Remix like every route).
    SERVER_DIRECT_ROUTES_OFF: process.env.SERVER_DIRECT_ROUTES_OFF,
    // A/B of the workers' JIT (1: V8 compiles on its background threads, its default).
    SERVER_WORKER_CONCURRENT_JIT: process.env.SERVER_WORKER_CONCURRENT_JIT,
    // A CPU profile of the app: THROUGHPUT_PROFILE_DIR=/tmp/prof (one .cpuprofile per process).
    // THROUGHPUT_NODE_OPTIONS: extra Node options for the app (A/B of V8 flags).
    NODE_OPTIONS:
      [
        process.env.THROUGHPUT_PROFILE_DIR && `--cpu-prof --cpu-prof-dir=${process.env.THROUGHPUT_PROFILE_DIR}`,
        process.env.THROUGHPUT_NODE_OPTIONS,
      ]
        .filter(Boolean)
        .join(" ") || undefined,
  });
  return { config, database, server, redisPrefix, turns: 0, failures: 0, seconds: 0, cpu: {}, acknowledged: [] };
}

async function stop(running: Running) {
  await running.server.close();
  if (running.config.workers > 1) {
    const { Redis } = await import("ioredis");
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${running.redisPrefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  await running.database.cleanup();
}

/** A window of load on one configuration: its turns and each process group's CPU. */
async function loadWindow(running: Running, seconds: number) {
  const before = cpuSnapshot(running.server.pid);
  const load = await runLoad(running.server, seconds, true);
  const cpu = cpuSeconds(before, cpuSnapshot(running.server.pid));
  return { load, cpu, appMsPerTurn: (cpu.app! * 1000) / load.turns };
}

/** One measured window, added to the configuration's totals. */
async function measureWindow(running: Running, seconds: number) {
  const { load, cpu, appMsPerTurn } = await loadWindow(running, seconds);
  for (const [group, groupSeconds] of Object.entries(cpu)) running.cpu[group] = (running.cpu[group] ?? 0) + groupSeconds;
  running.turns += load.turns;
  running.failures += load.failures;
  running.seconds += load.seconds;
  running.acknowledged.push(...load.acknowledged);
  console.log(
    `# ${running.config.name} window: ${round(load.turns / load.seconds, 1)} turns/s, ${round(appMsPerTurn)} ms of app CPU a turn`,
  );
}

/**
 * The warm-up, WARMUP_SECONDS of load per server in chunks of WARMUP_CHUNK_SECONDS, the
 * servers in turn (a server left idle for half a minute was slow again in its next
 * window). The first chunk of a new server is measured apart: a new worker's JIT and
 * caches are cold, and with two workers each gets half the turns, so it warms more slowly.
 */
async function warmUp(running: Running[]) {
  for (const r of running) {
    const cold = await loadWindow(r, WARMUP_CHUNK_SECONDS);
    r.coldAppMsPerTurn = cold.appMsPerTurn;
    r.failures += cold.load.failures;
    r.acknowledged.push(...cold.load.acknowledged);
  }
  for (let done = WARMUP_CHUNK_SECONDS; done < WARMUP_SECONDS; done += WARMUP_CHUNK_SECONDS)
    for (const r of running) await runLoad(r.server, Math.min(WARMUP_CHUNK_SECONDS, WARMUP_SECONDS - done), false);
}

async function report(running: Running) {
  const { config, turns, seconds, cpu } = running;
  const stored = await storedAnswers(running.database, running.acknowledged);
  const p = config.name;
  print(`${p}.turns_per_second`, round(turns / seconds, 1));
  print(`${p}.failed_turns`, running.failures);
  print(`${p}.acknowledged_not_stored`, running.acknowledged.length - stored);
  for (const [group, groupSeconds] of Object.entries(cpu)) {
    if ((group === "postgres" && config.provider !== "postgres") || (group === "redis" && config.workers === 1)) continue;
    print(`${p}.cpu_ms_per_turn.${group}`, round((groupSeconds * 1000) / turns));
  }
  print(`${p}.cpu_cores_used.total`, round(Object.values(cpu).reduce((a, b) => a + b, 0) / seconds));
  if (running.coldAppMsPerTurn !== undefined) print(`${p}.cold_cpu_ms_per_turn.app`, round(running.coldAppMsPerTurn));
  perAppCpuSecond[p] = turns / cpu.app!;
  print(`${p}.turns_per_app_cpu_second`, round(perAppCpuSecond[p]!, 1));
}

/**
 * A database's configurations, measured in turns: every server is started and warmed
 * first, then each gets ROUNDS windows of load in the order A B B A A B…, so that a slow
 * or fast spell of the host (a fixed CPU-bound script here took 441–563 ms in ten runs
 * back to back) falls on one worker and two alike. Idle servers cost next to nothing.
 */
async function runProvider(wanted: Config[]) {
  const runnable: Config[] = [];
  for (const config of wanted) {
    const missing = await unreachable(config.provider, config.workers);
    if (missing) console.log(`# ${config.name} skipped: ${missing}`);
    else runnable.push(config);
  }
  if (runnable.length === 0) return;
  const fake = await startOpenAiFake({
    brain: () => ({ text: "We have the trail boots in sizes 38 to 46.", usage: { prompt: 50, completion: 12 } }),
  });
  // The fake keeps every request for tests; a long run would only grow memory.
  const resetTimer = setInterval(() => fake.reset(), 1000);
  const running: Running[] = [];
  try {
    for (const config of runnable) running.push(await start(config, fake.baseUrl));
    await warmUp(running);
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      const order = round_ % 2 === 0 ? running : [...running].reverse();
      for (const r of order) {
        // The server idled while the others were loaded: load it unmeasured first, so a
        // window measures a busy server, not its wake-up.
        await runLoad(r.server, REWARM_SECONDS, false);
        await measureWindow(r, SECONDS / ROUNDS);
      }
    }
    for (const r of running) await report(r);
    for (const r of running) if (r.config.workers === 1) await latency(r.server, fake.baseUrl, r.config.name);
  } finally {
    clearInterval(resetTimer);
    for (const r of running) await stop(r);
    await fake.close();
  }
}

print("concurrency", CONCURRENCY);
print("rounds", ROUNDS);
print("window_seconds", round(SECONDS / ROUNDS));
for (const provider of ["sqlite", "postgres"] as const) {
  const wantedHere = configs.filter((c) => c.provider === provider);
  if (wantedHere.length) await runProvider(wantedHere);
}
for (const provider of ["sqlite", "pg"]) {
  const one = perAppCpuSecond[`${provider}_1w`];
  const two = perAppCpuSecond[`${provider}_2w`];
  if (one && two) print(`${provider}.worker_efficiency`, round(two / one));
}
