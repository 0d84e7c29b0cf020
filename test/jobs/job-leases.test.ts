// Job leases (app/infra/jobs/queue.server.ts): a running job's lease is renewed while
// its worker lives, so no other worker takes it; when the worker process is killed
// (SIGKILL, no clean-up at all) the job is claimed again once the lease runs out, and
// runs to the end. Every compliance job leaves the same result when it runs twice.
// On SQLite and on PostgreSQL (TEST_DATABASE_PROVIDER).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault, type Vault } from "../../app/infra/crypto/crypto.server";
import { systemClock } from "../../app/infra/clock";
import { enqueue, runDueJobs, type JobHandlers } from "../../app/infra/jobs/queue.server";
import { jobHandlers } from "../../app/composition/job-registry.server";
import { receiveWebhook } from "../../app/privacy/compliance/receive-webhook.server";
import { seedCustomer, seedCustomerData } from "../support/privacy-seed";
import { scanAllCells } from "../support/table-scan";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const LEASE_MS = 1_500;
const key = randomBytes(32).toString("base64");
const hashKey = randomBytes(32).toString("base64");

let t: TestDatabase;
let vault: Vault;
beforeAll(async () => {
  t = await createTestDatabase();
  vault = createVault([{ id: "k1", key }], hashKey);
});
afterAll(async () => t?.cleanup());

/** Starts the worker process and resolves with it once its handler has started the job. */
function startChildWorker(): Promise<ChildProcess> {
  // node itself (tsx as a loader), not the tsx command: SIGKILL must reach the process that holds the lease.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "lease-child.ts")], {
    cwd: root,
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      DATABASE_URL: t.url,
      CHILD_KEY: key,
      CHILD_HASH_KEY: hashKey,
      LEASE_MS: String(LEASE_MS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("started ")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting the job: ${stderr}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("job leases", () => {
  it("keeps a live worker's job, and takes over a killed worker's job once its lease runs out", async () => {
    const id = await enqueue(t.db, vault, { shop: "a.myshopify.com", kind: "test.hang", payload: { n: 1 } });
    const child = await startChildWorker();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const ran: string[] = [];
    const handlers: JobHandlers = { "test.hang": async (_payload, ctx) => void ran.push(ctx.job.id) };
    const deps = { db: t.db, vault, clock: systemClock, handlers, leaseMs: LEASE_MS };

    // Alive: the child renews its lease, so after more than two lease lengths the job is still its own.
    await sleep(LEASE_MS * 2.5);
    expect(await runDueJobs(deps)).toMatchObject({ claimed: 0 });
    expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "running", attempts: 1 });

    child.kill("SIGKILL");
    await exited;
    // Dead: the job is taken again as soon as the lease has run out (bounded wait, generous for a busy machine).
    const killedAt = Date.now();
    while (ran.length === 0 && Date.now() - killedAt < 30_000) {
      await runDueJobs(deps);
      if (ran.length === 0) await sleep(100);
    }
    expect(ran).toEqual([id]);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", attempts: 2, payloadEnc: "" });
  }, 60_000);

  it("does not let a worker whose lease ran out overwrite the job's new owner", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const id = await enqueue(t.db, vault, { shop: "a.myshopify.com", kind: "test.slow", payload: null });
    // The first worker's lease is never renewed in time (lease 1 ms less than one renewal period), so a second worker takes over.
    const first = runDueJobs({ db: t.db, vault, clock: systemClock, leaseMs: 30, handlers: { "test.slow": () => slow } });
    await sleep(200);
    await t.db.job.updateMany({ where: { id }, data: { lockedAt: new Date(Date.now() - 60_000) } }); // as if its renewals had stopped
    const second = await runDueJobs({ db: t.db, vault, clock: systemClock, handlers: { "test.slow": async () => undefined } });
    expect(second).toMatchObject({ claimed: 1, done: 1 });
    release();
    await first;
    expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", attempts: 2 });
  });
});

describe("compliance jobs run twice", () => {
  const SHOP = "twice.myshopify.com";
  const topics: [string, (c: ReturnType<typeof seedCustomer>) => unknown][] = [
    [
      "customers/data_request",
      (c) => ({
        shop_id: 1,
        shop_domain: SHOP,
        customer: { id: Number(c.id), email: c.email },
        orders_requested: [],
        data_request: { id: 7 },
      }),
    ],
    ["customers/redact", (c) => ({ shop_id: 1, shop_domain: SHOP, customer: { id: Number(c.id), email: c.email }, orders_to_redact: [] })],
    ["app/uninstalled", () => ({ id: 1, domain: SHOP })],
    ["shop/redact", () => ({ shop_id: 1, shop_domain: SHOP })],
  ];

  it.each(topics)("%s leaves the same rows the second time", async (topic, payloadOf) => {
    const customer = seedCustomer(`twice-${topic.replace(/\W/g, "")}`, 40 + topics.findIndex(([name]) => name === topic));
    await seedCustomerData(t.db, vault, SHOP, customer);
    const received = await receiveWebhook(
      { db: t.db, vault },
      { webhookId: `twice-${topic}`, shop: SHOP, topic, payload: payloadOf(customer) },
    );
    expect(received).toMatchObject({ ok: true });
    const job = await t.db.job.findFirstOrThrow({ where: { shop: SHOP, status: "queued" } });
    const payload = JSON.parse(vault.decrypt(job.payloadEnc)) as unknown;
    const fixedNow = new Date("2026-12-01T10:00:00.000Z");
    const ctx = {
      db: t.db,
      vault,
      clock: { now: () => fixedNow },
      forgetShop: () => undefined,
      job: { id: job.id, shop: SHOP, kind: job.kind, attempts: 1 },
    };
    const run = jobHandlers[job.kind]!;
    const state = async () =>
      (await scanAllCells(t.db, t.provider, vault))
        .filter((c) => c.table !== "AuditEvent" && c.column !== "updatedAt" && !/^v1\./.test(c.text))
        .map((c) => `${c.table}.${c.column}=${c.text}`)
        .sort();

    await run(payload, ctx);
    const once = await state();
    const auditRows = await t.db.auditEvent.count({ where: { shop: SHOP } });
    await run(payload, ctx);
    // The same data; ciphertexts compare by what they decrypt to (a new nonce each time),
    // Prisma's updatedAt may move, and the audit log, an append-only history, may record
    // that the work ran again.
    expect(await state()).toEqual(once);
    expect(await t.db.auditEvent.count({ where: { shop: SHOP } })).toBeLessThanOrEqual(auditRows + 1);
    await t.db.job.deleteMany({ where: { id: job.id } });
  });
});
