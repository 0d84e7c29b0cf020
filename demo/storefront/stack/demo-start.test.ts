// `npm run demo` refuses production and keeps its generated keys across starts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../../app/infra/env.server";
import { loadOrCreateDemoKeys } from "./demo-keys";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const dir = mkdtempSync(path.join(tmpdir(), "psa-demo-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("demo start", () => {
  it("refuses NODE_ENV=production before doing anything", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "demo", "start.ts")],
      {
        cwd: root,
        env: { PATH: process.env.PATH, NODE_ENV: "production" },
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/NODE_ENV=production/);
  });

  it("generates keys the app's env schema accepts, once, private to the user", () => {
    const first = loadOrCreateDemoKeys(dir);
    expect(first.created).toBe(true);
    expect(statSync(path.join(dir, "keys.env")).mode & 0o077).toBe(0);
    const second = loadOrCreateDemoKeys(dir);
    expect(second.created).toBe(false);
    expect(second.keys).toEqual(first.keys);
    expect(readFileSync(path.join(dir, "keys.env"), "utf8")).toContain("Never use them for a real shop");
    const env = parseEnv({ ...first.keys, SHOPIFY_APP_URL: "http://127.0.0.1:3000" });
    expect(env.ENCRYPTION_KEYS[0]?.id).toBe("demo1");
  });
});
