// A small job queue on the Job table. Payloads are encrypted (a compliance job may
// carry a customer's email) and erased once the job is done. Claiming is a guarded
// updateMany (status and lock unchanged since we read them), which is atomic on both
// SQLite and PostgreSQL, so two workers never run the same job at once.
//
// Leases: a claimed job holds a lease (lockedAt) of LEASE_MS, renewed every third of
// it while the handler runs. A job whose worker died (kill -9, a lost machine) stops
// being renewed and is claimed again by any worker once the lease has run out, so it
// is taken again within LEASE_MS plus one worker interval (5 s). Handlers are written
// to be run twice (idempotent), which this makes possible.
import type { Database } from "../db/create-database.server";
import type { Vault } from "../crypto/crypto.server";
import { randomId } from "../random-id";
import type { Clock } from "../clock";
import { reencryptTable, type RotationReport } from "../crypto/reencrypt.server";
import type { DbClient, PendingWrite } from "../db/sql";

export const MAX_ATTEMPTS = 8;
/** A running job whose lease has not been renewed for this long is considered crashed and is run again. */
export const LEASE_MS = 30_000;

export interface JobContext {
  db: Database;
  vault: Vault;
  clock: Clock;
  job: { id: string; shop: string; kind: string; attempts: number };
  /** Drops what this process caches about a shop (uninstall, shop redact). */
  forgetShop(shop: string): void;
}

/** Does the work; throws to ask for a retry. Must be idempotent: a job may run twice after a crash. */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface QueueDeps {
  db: Database;
  vault: Vault;
  clock: Clock;
  handlers: JobHandlers;
  log?: (line: string) => void;
  /**
   * Error text can quote values from a query: this removes personal data before the text
   * is stored or logged (the composition root passes the privacy redaction). Without it
   * only the error's name is kept.
   */
  scrubError?: (text: string) => string;
  /** See JobContext.forgetShop; the composition root passes its caches' forget. */
  forgetShop?: (shop: string) => void;
  /** The lease of a claimed job (default LEASE_MS); tests shorten it. */
  leaseMs?: number;
}

export interface NewJob {
  shop: string;
  kind: string;
  payload: unknown;
  runAt?: Date;
}

/** The row for a new job, for callers that insert it inside their own transaction. */
export function jobRow(vault: Vault, job: NewJob, now: Date) {
  return {
    id: randomId(),
    shop: job.shop,
    kind: job.kind,
    payloadEnc: vault.encrypt(JSON.stringify(job.payload ?? null)),
    keyId: vault.currentKeyId,
    status: "queued",
    runAt: job.runAt ?? now,
    createdAt: now,
  };
}

export async function enqueue(db: Database, vault: Vault, job: NewJob, now: Date = new Date()): Promise<string> {
  const row = jobRow(vault, job, now);
  await db.job.create({ data: row });
  return row.id;
}

/** 30 s, 1 min, 2 min … capped at 1 h: Shopify's own retries span 4 hours, ours similar. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

// Error text can quote values from a query; keep it out of the table in plain form.
function safeError(error: unknown, scrub: QueueDeps["scrubError"]): string {
  if (!scrub) return error instanceof Error ? error.name : "error";
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return scrub(text).slice(0, 300);
}

export interface RunSummary {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

/** Claims and runs the jobs that are due now (oldest first), one after another. */
export async function runDueJobs(deps: QueueDeps, limit = 20): Promise<RunSummary> {
  const { db, clock } = deps;
  const now = clock.now();
  const staleBefore = new Date(now.getTime() - (deps.leaseMs ?? LEASE_MS));
  const due = await db.job.findMany({
    where: {
      OR: [
        { status: "queued", runAt: { lte: now } },
        { status: "running", lockedAt: { lt: staleBefore } },
      ],
    },
    orderBy: { runAt: "asc" },
    take: limit,
  });
  const summary: RunSummary = { claimed: 0, done: 0, retried: 0, failed: 0 };
  for (const job of due) {
    const lockedAt = clock.now();
    const claim = await db.job.updateMany({
      where: { id: job.id, status: job.status, lockedAt: job.lockedAt },
      data: { status: "running", lockedAt, attempts: { increment: 1 } },
    });
    if (claim.count !== 1) continue; // another worker got it first
    summary.claimed++;
    summary[await runClaimedJob(deps, { ...job, attempts: job.attempts + 1 }, lockedAt)]++;
  }
  return summary;
}

/** Renews a claimed job's lease until stopped; `current` is the lease this worker holds. */
function holdLease(deps: QueueDeps, jobId: string, lockedAt: Date) {
  const { db, clock } = deps;
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const lease = { current: lockedAt, lost: false };
  let renewing: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = renewing.then(async () => {
        if (lease.lost) return;
        // Strictly later than the lease it replaces, so the guard below can tell them apart.
        const next = new Date(Math.max(clock.now().getTime(), lease.current.getTime() + 1));
        const renewed = await db.job
          .updateMany({ where: { id: jobId, status: "running", lockedAt: lease.current }, data: { lockedAt: next } })
          .catch(() => ({ count: -1 })); // the database is away for a moment: try again next time
        if (renewed.count === 1) lease.current = next;
        else if (renewed.count === 0) lease.lost = true; // another worker took the job over
      });
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return {
    lease,
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

async function runClaimedJob(
  deps: QueueDeps,
  job: { id: string; shop: string; kind: string; attempts: number; payloadEnc: string },
  lockedAt: Date,
): Promise<"done" | "retried" | "failed"> {
  const { db, vault, clock, handlers } = deps;
  const handler = handlers[job.kind];
  const held = holdLease(deps, job.id, lockedAt);
  try {
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    const payload: unknown = job.payloadEnc ? JSON.parse(vault.decrypt(job.payloadEnc)) : null;
    const forgetShop = deps.forgetShop ?? (() => undefined);
    await handler(payload, { db, vault, clock, forgetShop, job: { id: job.id, shop: job.shop, kind: job.kind, attempts: job.attempts } });
    await held.stop();
    // The payload is no longer needed: erase it (minimisation). updateMany, because a
    // shop/redact job deletes its own row. Guarded by this worker's lease: a worker
    // whose lease ran out leaves the job to the one that took it over.
    await db.job.updateMany({
      where: { id: job.id, status: "running", lockedAt: held.lease.current },
      data: { status: "done", finishedAt: clock.now(), payloadEnc: "", lastError: null, lockedAt: null },
    });
    return "done";
  } catch (error) {
    await held.stop();
    const final = !handler || job.attempts >= MAX_ATTEMPTS;
    deps.log?.(`job ${job.id} (${job.kind}) attempt ${job.attempts} failed: ${safeError(error, deps.scrubError)}`);
    await db.job.updateMany({
      where: { id: job.id, status: "running", lockedAt: held.lease.current },
      data: final
        ? { status: "failed", finishedAt: clock.now(), lastError: safeError(error, deps.scrubError), lockedAt: null }
        : {
            status: "queued",
            runAt: new Date(clock.now().getTime() + backoffMs(job.attempts)),
            lastError: safeError(error, deps.scrubError),
            lockedAt: null,
          },
    });
    return final ? "failed" : "retried";
  }
}

// ---------------------------------------------------------------------------------
// The Job table's owner: every read and write of a job row goes through this module
// (scripts/check-table-owners.ts).

/** A new job's insert, not yet sent: for a caller that enqueues inside its own db.$transaction([...]). */
export function enqueueWrite(db: DbClient, vault: Vault, job: NewJob, now: Date): PendingWrite {
  return db.job.create({ data: jobRow(vault, job, now) });
}

/** Jobs of this kind waiting or running. */
export function countPendingJobs(db: DbClient, kind: string): Promise<number> {
  return db.job.count({ where: { kind, status: { in: ["queued", "running"] } } });
}

/** Retention of our own bookkeeping: jobs that finished (done or failed) before `cutoff`. */
export async function deleteFinishedJobsBefore(db: DbClient, cutoff: Date): Promise<number> {
  return (await db.job.deleteMany({ where: { status: { in: ["done", "failed"] }, finishedAt: { lt: cutoff } } })).count;
}

/** shop/redact: every job of the shop (the running shop/redact job's own row included). */
export async function deleteShopJobs(tx: DbClient, shop: string): Promise<number> {
  return (await tx.job.deleteMany({ where: { shop } })).count;
}

export function reencryptJobs(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("Job", db.job, vault, report, batchSize);
}
