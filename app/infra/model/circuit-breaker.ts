// A circuit breaker around the model provider. After `failureThreshold` consecutive
// failures (timeouts, 429, 5xx, broken streams, malformed tool calls) it opens: turns go
// straight to basic mode without waiting on a failing provider. After `coolDownMs` it
// lets one trial turn through (half-open); success closes it, failure opens it again.

export type BreakerState = "closed" | "open" | "half_open";

export interface CircuitBreaker {
  /** May a model call start now? In half-open state only one trial at a time. */
  allowRequest(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  state(): BreakerState;
}

export interface BreakerOptions {
  failureThreshold?: number;
  coolDownMs?: number;
  now?: () => number;
}

export function createCircuitBreaker({ failureThreshold = 3, coolDownMs = 30_000, now = Date.now }: BreakerOptions = {}): CircuitBreaker {
  let failures = 0;
  let openedAt: number | null = null;
  // When the half-open trial started; a trial that never reports back expires after a cool-down.
  let trialStartedAt: number | null = null;

  const state = (): BreakerState => {
    if (openedAt === null) return "closed";
    return now() - openedAt >= coolDownMs ? "half_open" : "open";
  };

  return {
    state,
    allowRequest() {
      const current = state();
      if (current === "closed") return true;
      if (current === "open") return false;
      if (trialStartedAt !== null && now() - trialStartedAt < coolDownMs) return false;
      trialStartedAt = now();
      return true;
    },
    recordSuccess() {
      failures = 0;
      openedAt = null;
      trialStartedAt = null;
    },
    recordFailure() {
      trialStartedAt = null;
      failures += 1;
      if (state() === "half_open" || failures >= failureThreshold) openedAt = now();
    },
  };
}
