import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { themeCheckRun } from "@shopify/theme-check-node";

const extensionDir = dirname(fileURLToPath(import.meta.url));

describe("theme check", () => {
  it("finds no offences in the theme app extension", async () => {
    // Runs offline: theme-check falls back to the Liquid docs bundled in the package.
    const run = await themeCheckRun(extensionDir, join(extensionDir, ".theme-check.yml"), () => {});
    const offences = run.offenses.map((o) => `${o.check} ${o.uri.split("/").slice(-2).join("/")}: ${o.message}`);
    expect(run.theme.length).toBeGreaterThan(0);
    expect(offences).toEqual([]);
  }, 60_000);
});
