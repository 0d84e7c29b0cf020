import { describe, expect, it } from "vitest";
import { contrastRatio, luminance, textOn } from "./contrast";

describe("text on the merchant's accent colour", () => {
  it.each([
    // light accents get black text
    ["#ffffff", "#000000"],
    ["#ffd60a", "#000000"],
    ["#7fffd4", "#000000"],
    ["#f4a6c0", "#000000"],
    ["#18a558", "#000000"],
    // dark accents get white text
    ["#000000", "#ffffff"],
    ["#1f5f99", "#ffffff"],
    ["#5b2a86", "#ffffff"],
    ["#b00020", "#ffffff"],
    ["#0b3d2e", "#ffffff"],
  ])("%s gets %s with at least AA contrast (4.5:1)", (accent, expected) => {
    expect(textOn(accent)).toBe(expected);
    expect(contrastRatio(accent, textOn(accent))).toBeGreaterThanOrEqual(4.5);
  });

  it("meets 4.5:1 for every grey and every mid-luminance colour, the hardest cases", () => {
    const hex = (n: number) => n.toString(16).padStart(2, "0");
    for (let v = 0; v < 256; v++) {
      const grey = `#${hex(v)}${hex(v)}${hex(v)}`;
      expect(contrastRatio(grey, textOn(grey)), grey).toBeGreaterThanOrEqual(4.5);
    }
    for (let r = 0; r < 256; r += 15) {
      for (let g = 0; g < 256; g += 15) {
        for (let b = 0; b < 256; b += 15) {
          const colour = `#${hex(r)}${hex(g)}${hex(b)}`;
          expect(contrastRatio(colour, textOn(colour)), colour).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it("computes WCAG luminance and ratios", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});
