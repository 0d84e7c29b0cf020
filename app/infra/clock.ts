// Time as a port, so tests drive the queue, backoff and retention with a fixed clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
