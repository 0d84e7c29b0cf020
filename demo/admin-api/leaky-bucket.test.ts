import { describe, expect, it } from "vitest";
import { createLeakyBucket } from "./leaky-bucket";

describe("leaky bucket", () => {
  it("takes requested points, refuses what it can't cover, and refills at the restore rate", () => {
    let t = 0;
    const bucket = createLeakyBucket({ maximumAvailable: 1000, restoreRate: 100, now: () => t });
    expect(bucket.take(900)).toBe(true);
    expect(bucket.take(200)).toBe(false);
    expect(bucket.status().currentlyAvailable).toBe(100);
    t += 1500;
    expect(bucket.status().currentlyAvailable).toBe(250);
    bucket.refund(10_000);
    expect(bucket.status()).toEqual({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 100 });
  });
});
