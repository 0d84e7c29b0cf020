import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "locales");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")).assistant as Record<string, string>;
const english = read("en.default.json");

describe("locales", () => {
  it("has English plus at least two more languages", () => {
    expect(files).toContain("en.default.json");
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)("%s stays under Shopify's 15 KB per locale file", (file) => {
    expect(statSync(join(dir, file)).size).toBeLessThan(15 * 1024);
  });

  it.each(files)("%s translates every string with the same placeholders", (file) => {
    const strings = read(file);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(strings)) {
      expect(text.trim(), key).not.toBe("");
      expect(text, key).not.toMatch(/\{\{|\}\}/); // Liquid's t filter would interpolate these.
      expect(text.match(/\{\w+\}/g) ?? [], key).toEqual(english[key]?.match(/\{\w+\}/g) ?? []);
    }
  });
});
