// Which function runs each job kind, and the daily purge that keeps itself scheduled.
import type { Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import { runWebhookJob } from "../privacy/compliance/webhook-job.server";
import { WEBHOOK_JOB_KIND } from "../privacy/compliance/receive-webhook.server";
import { purgeExpired } from "../privacy/retention/retention.server";
import type { Clock } from "../infra/clock";
import { countPendingJobs, enqueue, type JobHandlers } from "../infra/jobs/queue.server";
import { vacuumDatabase } from "../infra/db/vacuum.server";

export const RETENTION_JOB_KIND = "retention.purge";
/** Job.shop of jobs that span every shop. */
export const ALL_SHOPS = "*";
const DAY_MS = 86_400_000;

export const jobHandlers: JobHandlers = {
  [WEBHOOK_JOB_KIND]: runWebhookJob,
  [RETENTION_JOB_KIND]: async (_payload, { db, vault, clock }) => {
    const counts = await purgeExpired(db, clock);
    console.info(
      `retention purge: ${Object.entries(counts)
        .map(([k, n]) => `${k}=${n}`)
        .join(" ")}`,
    );
    // SQLite keeps the bytes of deleted rows (redactions included) in free pages until
    // VACUUM rewrites the file. Best effort: tomorrow's run tries again.
    await vacuumDatabase(db).catch((error: unknown) => {
      console.warn(`retention purge: VACUUM skipped (${error instanceof Error ? error.name : "error"})`);
    });
    // The next run, a day later. Two workers may both schedule one; the purge is idempotent.
    await enqueue(
      db,
      vault,
      { shop: ALL_SHOPS, kind: RETENTION_JOB_KIND, payload: {}, runAt: new Date(clock.now().getTime() + DAY_MS) },
      clock.now(),
    );
  },
};

/** Makes sure one purge is queued (first start of a fresh database, or after a failure). */
export async function ensureRetentionScheduled(db: Database, vault: Vault, clock: Clock): Promise<void> {
  const pending = await countPendingJobs(db, RETENTION_JOB_KIND);
  if (pending === 0) await enqueue(db, vault, { shop: ALL_SHOPS, kind: RETENTION_JOB_KIND, payload: {} }, clock.now());
}
