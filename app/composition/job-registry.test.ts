import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { testVault } from "../../test/support/privacy-seed";
import { runDueJobs } from "../infra/jobs/queue.server";
import { ensureRetentionScheduled, jobHandlers, RETENTION_JOB_KIND } from "./job-registry.server";

let t: TestDatabase;
const vault = testVault();
let nowMs = Date.parse("2026-06-01T00:00:00Z");
const clock = { now: () => new Date(nowMs) };

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe("the daily retention purge", () => {
  it("is scheduled once, runs, and schedules itself a day later", async () => {
    await ensureRetentionScheduled(t.db, vault, clock);
    await ensureRetentionScheduled(t.db, vault, clock); // a second worker start adds nothing
    expect(await t.db.job.count({ where: { kind: RETENTION_JOB_KIND, status: "queued" } })).toBe(1);
    expect(await runDueJobs({ db: t.db, vault, clock, handlers: jobHandlers })).toMatchObject({ done: 1 });
    const next = await t.db.job.findFirstOrThrow({ where: { kind: RETENTION_JOB_KIND, status: "queued" } });
    expect(next.runAt.getTime() - nowMs).toBe(86_400_000);
    nowMs += 86_400_000;
    expect(await runDueJobs({ db: t.db, vault, clock, handlers: jobHandlers })).toMatchObject({ done: 1 });
  });
});
