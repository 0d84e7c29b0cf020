import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "./random-pool";

describe("pooledRandomBytes", () => {
  it("hands out the requested number of bytes, never the same bytes twice, across pool refills", () => {
    const seen = new Set<string>();
    const views: Buffer[] = [];
    // 3 pools' worth of 12-byte nonces.
    for (let i = 0; i < 1100; i++) {
      const bytes = pooledRandomBytes(12);
      expect(bytes.length).toBe(12);
      const hex = bytes.toString("hex");
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
      views.push(bytes);
    }
    // A view handed out earlier keeps its bytes after the pool was replaced.
    expect(views.map((v) => v.toString("hex"))).toEqual([...seen]);
    // No two views share memory.
    const ranges = views.map((v) => [v.buffer, v.byteOffset, v.byteOffset + v.length] as const);
    for (let i = 1; i < ranges.length; i++) {
      const [buffer, start] = ranges[i]!;
      const [prevBuffer, , prevEnd] = ranges[i - 1]!;
      if (buffer === prevBuffer) expect(start).toBeGreaterThanOrEqual(prevEnd);
    }
  });

  it("gives large requests their own buffer", () => {
    const big = pooledRandomBytes(4096);
    expect(big.length).toBe(4096);
    const small = pooledRandomBytes(16);
    expect(small.buffer).not.toBe(big.buffer);
    expect(new Set(big).size).toBeGreaterThan(200);
  });

  it("looks random: bytes spread over all values", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4000; i++) for (const b of pooledRandomBytes(16)) counts[b]!++;
    // 64,000 bytes: 250 per value expected; every value present and none wildly over.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(360);
  });
});
