// The in-process worker (docs/decisions/0005): runs due jobs every few seconds and at
// once when a webhook route enqueues something (kick). The composition root creates
// one per process and starts it with the server; jobs are claimed safely, so several
// processes may each run one.
import { runDueJobs, type QueueDeps } from "./queue.server";

export interface JobWorker {
  /** Starts the timer (idempotent). */
  start(): void;
  /** Runs due jobs now (queued behind a run in progress); does nothing before start(). */
  kick(): Promise<void>;
  stop(): void;
}

export interface JobWorkerDeps extends QueueDeps {
  /** Runs before each pass (e.g. making sure the daily purge is queued). */
  beforeRun?: () => Promise<void>;
}

export function createJobWorker(deps: JobWorkerDeps, intervalMs = 5_000): JobWorker {
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped || !timer) return;
      try {
        await deps.beforeRun?.();
        while ((await runDueJobs(deps)).claimed > 0 && !stopped) {
          // keep going while there is work
        }
      } catch (error) {
        console.error("job worker:", error instanceof Error ? error.name : "error");
      }
    });
    return running;
  };
  return {
    start() {
      if (timer || stopped) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    kick: tick,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
