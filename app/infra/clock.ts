// Time as a port, so tests drive the queue, backoff, retries and retention with a
// fixed clock. The one clock of the app.
export interface Clock {
  now(): Date;
}

/** A clock that can also wait (retries and backoff of outgoing calls). */
export interface SleepingClock extends Clock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: SleepingClock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    }),
};
