// The widget renders model, product and order text, so no HTML parsing sink may appear in
// its sources or its built assets (a bundler or a hurried edit could bring one in).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = dirname(fileURLToPath(import.meta.url));
const SINKS = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc|\beval\(|new Function\(/;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

describe("widget safety", () => {
  const sources = files(join(dir, "src")).filter((f) => !f.endsWith(".test.ts"));
  const assets = files(join(dir, "assets"));

  it.each([...sources, ...assets].map((f) => [f.slice(dir.length + 1), f]))("%s has no HTML parsing sink", (_name, file) => {
    expect(readFileSync(file, "utf8")).not.toMatch(SINKS);
  });

  it("opens links without giving the new page a handle on the shop", () => {
    for (const file of sources) {
      for (const anchor of readFileSync(file, "utf8").match(/el\("a",[^)]*\)/g) ?? []) expect(anchor).toContain('rel: "noopener"');
    }
  });
});
