import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { testVault } from "../../../test/support/privacy-seed";
import { redactPersonalData } from "../text/redact-text";
import { backoffMs, enqueue, MAX_ATTEMPTS, runDueJobs, LEASE_MS, type JobHandlers } from "./queue.server";

let t: TestDatabase;
const vault = testVault();
let nowMs = Date.parse("2026-03-01T10:00:00Z");
const clock = { now: () => new Date(nowMs) };
const seen: unknown[] = [];
let failuresLeft = 0;
const handlers: JobHandlers = {
  echo: async (payload) => {
    seen.push(payload);
  },
  flaky: async () => {
    if (failuresLeft-- > 0) throw new Error("temporary failure for jane@example.org");
  },
};
const deps = () => ({ db: t.db, vault, clock, handlers, scrubError: redactPersonalData });

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());
beforeEach(async () => {
  await t.db.job.deleteMany();
  seen.length = 0;
});

describe("job queue", () => {
  it("runs a due job once with its decrypted payload, then erases the payload", async () => {
    const id = await enqueue(t.db, vault, { shop: "a.myshopify.com", kind: "echo", payload: { email: "jane@example.org" } }, clock.now());
    const stored = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(stored.payloadEnc).not.toContain("jane");
    expect(await runDueJobs(deps())).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ email: "jane@example.org" }]);
    expect(await t.db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done", payloadEnc: "", attempts: 1 });
    expect(await runDueJobs(deps())).toMatchObject({ claimed: 0 });
  });

  it("waits for runAt", async () => {
    await enqueue(t.db, vault, { shop: "a", kind: "echo", payload: 1, runAt: new Date(nowMs + 60_000) }, clock.now());
    expect(await runDueJobs(deps())).toMatchObject({ claimed: 0 });
    nowMs += 60_000;
    expect(await runDueJobs(deps())).toMatchObject({ done: 1 });
  });

  it("two workers racing claim each job once", async () => {
    for (let i = 0; i < 10; i++) await enqueue(t.db, vault, { shop: "a", kind: "echo", payload: i }, clock.now());
    const [a, b] = await Promise.all([runDueJobs(deps()), runDueJobs(deps())]);
    expect(a.done + b.done).toBe(10);
    expect(seen.slice().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("retries with growing backoff, keeps no plaintext in the error, then gives up", async () => {
    failuresLeft = 2;
    const id = await enqueue(t.db, vault, { shop: "a", kind: "flaky", payload: null }, clock.now());
    expect(await runDueJobs(deps())).toMatchObject({ retried: 1 });
    let row = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(row.runAt.getTime() - nowMs).toBe(backoffMs(1));
    expect(row.lastError).toContain("[email]");
    expect(row.lastError).not.toContain("jane");
    expect(await runDueJobs(deps())).toMatchObject({ claimed: 0 }); // not yet due
    nowMs += backoffMs(1);
    expect(await runDueJobs(deps())).toMatchObject({ retried: 1 });
    nowMs += backoffMs(2);
    expect(await runDueJobs(deps())).toMatchObject({ done: 1 });
    row = await t.db.job.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "done", attempts: 3 });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    failuresLeft = 100;
    const doomed = await enqueue(t.db, vault, { shop: "a", kind: "flaky", payload: null }, clock.now());
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await runDueJobs(deps());
      nowMs += backoffMs(MAX_ATTEMPTS);
    }
    expect(await t.db.job.findUniqueOrThrow({ where: { id: doomed } })).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("fails a job of an unknown kind at once", async () => {
    await enqueue(t.db, vault, { shop: "a", kind: "nobody-handles-this", payload: null }, clock.now());
    expect(await runDueJobs(deps())).toMatchObject({ failed: 1 });
  });

  it("runs again a job whose worker died mid-way (stale lock)", async () => {
    const id = await enqueue(t.db, vault, { shop: "a", kind: "echo", payload: "again" }, clock.now());
    await t.db.job.update({ where: { id }, data: { status: "running", lockedAt: clock.now(), attempts: 1 } });
    expect(await runDueJobs(deps())).toMatchObject({ claimed: 0 });
    nowMs += LEASE_MS + 1;
    expect(await runDueJobs(deps())).toMatchObject({ done: 1 });
    expect(seen).toEqual(["again"]);
  });
});
