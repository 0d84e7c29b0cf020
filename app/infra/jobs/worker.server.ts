// The in-process worker: runs due jobs every few seconds and at once when a webhook
// route enqueues something (kickJobWorker). One per process; jobs are claimed safely,
// so several processes may each run one.
import prisma from "../db/prisma.server";
import { appVault } from "../crypto/vault.server";
import { systemClock, type Clock } from "../clock";
import { runDueJobs, type QueueDeps } from "./queue.server";
import { ensureRetentionScheduled, jobHandlers } from "../../composition/job-registry.server";

export interface JobWorker {
  /** Runs due jobs now (queued behind a run in progress). */
  kick(): Promise<void>;
  stop(): void;
}

declare global {
  // eslint-disable-next-line no-var
  var __jobWorker: JobWorker | undefined;
}

export function createJobWorker(deps: QueueDeps, intervalMs = 5_000): JobWorker {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await ensureRetentionScheduled(deps.db, deps.vault, deps.clock);
        while ((await runDueJobs(deps)).claimed > 0 && !stopped) {
          // keep going while there is work
        }
      } catch (error) {
        console.error("job worker:", error instanceof Error ? error.name : "error");
      }
    });
    return running;
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    kick: tick,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Starts the process's worker once (server start, demo start). */
export function startJobWorker(options: { clock?: Clock; intervalMs?: number } = {}): JobWorker {
  globalThis.__jobWorker ??= createJobWorker(
    { db: prisma, vault: appVault(), clock: options.clock ?? systemClock, handlers: jobHandlers, log: (l) => console.warn(l) },
    options.intervalMs,
  );
  return globalThis.__jobWorker;
}

/** Vitest runs jobs itself (runDueJobs with its own clock); a built server under test still runs its worker. */
const insideVitest = () => Boolean(process.env.VITEST);

/** Starts the worker with the server (see webhook-route-deps.server.ts); idempotent. */
export function startJobWorkerWithServer(): void {
  if (!insideVitest()) startJobWorker();
}

/** Called by webhook routes after enqueueing: runs the job now, in the background. */
export function kickJobWorker(): void {
  if (!insideVitest()) void startJobWorker().kick();
}
