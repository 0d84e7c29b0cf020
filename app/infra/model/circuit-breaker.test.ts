import { describe, expect, it } from "vitest";
import { createCircuitBreaker } from "./circuit-breaker";

describe("createCircuitBreaker", () => {
  function setup() {
    let t = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, now: () => t });
    return { breaker, advance: (ms: number) => (t += ms) };
  }

  it("opens after N consecutive failures and refuses calls while open", () => {
    const { breaker } = setup();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.allowRequest()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state()).toBe("open");
    expect(breaker.allowRequest()).toBe(false);
  });

  it("a success resets the count", () => {
    const { breaker } = setup();
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state()).toBe("closed");
  });

  it("half-opens after the cool-down, lets one trial through, closes on success", () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    advance(10_000);
    expect(breaker.state()).toBe("half_open");
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(false); // one trial at a time
    breaker.recordSuccess();
    expect(breaker.state()).toBe("closed");
    expect(breaker.allowRequest()).toBe(true);
  });

  it("a failed trial opens it again for a full cool-down", () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    advance(10_000);
    expect(breaker.allowRequest()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state()).toBe("open");
    advance(9_999);
    expect(breaker.allowRequest()).toBe(false);
    advance(1);
    expect(breaker.allowRequest()).toBe(true);
  });
});
