import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dir = join(root, "locales");
const all = readdirSync(dir).filter((f) => f.endsWith(".json"));
// Shopper-facing strings (<locale>.json) and the theme editor's setting labels (<locale>.schema.json).
const files = all.filter((f) => !f.endsWith(".schema.json"));
const schemaFiles = all.filter((f) => f.endsWith(".schema.json"));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")).assistant as Record<string, string>;
const english = read("en.default.json");

type Tree = { [key: string]: Tree | string };
const flatten = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
const readSchema = (file: string) => flatten(JSON.parse(readFileSync(join(dir, file), "utf8")) as Tree);

describe("locales", () => {
  it("has English plus at least two more languages", () => {
    expect(files).toContain("en.default.json");
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(all)("%s stays under Shopify's 15 KB per locale file", (file) => {
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

  it("every language has a schema file for the theme editor's setting labels", () => {
    expect(schemaFiles.map((f) => f.replace(".schema", "")).sort()).toEqual([...files].sort());
  });

  it.each(schemaFiles)("%s labels every setting the embed block names with t:", (file) => {
    const block = readFileSync(join(root, "blocks", "assistant-embed.liquid"), "utf8");
    const used = [...block.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    const labels = readSchema(file);
    expect(used.length).toBeGreaterThan(10);
    expect(Object.keys(labels).sort()).toEqual([...new Set(used)].sort());
    for (const [key, text] of Object.entries(labels)) expect(text.trim(), key).not.toBe("");
  });
});
