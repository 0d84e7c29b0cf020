// `npm test`: build the widget and the app, run every test on SQLite, then again on
// PostgreSQL when one answers (TEST_POSTGRES_URL or 127.0.0.1:5432); tests that need
// PostgreSQL themselves (POSTGRES_ONLY, e.g. test/multi-instance) run in that phase only. Extra
// arguments go to vitest (e.g. a file filter). TEST_REQUIRE_POSTGRES=1 (CI) makes a
// missing PostgreSQL a failure. Ends with "N passed, N failed".
// `npm run lint` runs first, always (also with a file filter); a lint failure counts
// as one failed test and fails the run, but the tests still run. SKIP_LINT=1 skips it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { postgresAnswers } from "./support/services";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n$ ${[path.basename(command), ...args].join(" ")}`);
  return spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

// Tests that need PostgreSQL itself, whatever TEST_DATABASE_PROVIDER says (they create a
// PostgreSQL database of their own): run in the PostgreSQL phase only, not twice.
const POSTGRES_ONLY = ["test/multi-instance/**"];

function vitest(provider: "sqlite" | "postgres"): { passed: number; failed: number; ok: boolean } {
  const report = path.join(root, "test-output", `vitest-${provider}.json`);
  const exclude = provider === "sqlite" ? POSTGRES_ONLY.flatMap((glob) => ["--exclude", glob]) : [];
  const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...exclude, ...process.argv.slice(2)];
  const ok = run(bin("vitest"), args, {
    TEST_DATABASE_PROVIDER: provider,
    ...(provider === "postgres" ? { TEST_POSTGRES_URL: postgresUrl } : {}),
  });
  if (!existsSync(report)) return { passed: 0, failed: 1, ok: false };
  const result = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: result.numPassedTests, failed: result.numFailedTests, ok };
}

mkdirSync(path.join(root, "test-output"), { recursive: true });
const lint = process.env.SKIP_LINT === "1" ? "skipped (SKIP_LINT=1)" : run("npm", ["run", "lint"]) ? "passed" : "FAILED";
// The build as package.json defines it: the widget, the app, the bundles' compressed copies.
if (!run("npm", ["run", "build"])) process.exit(1);

type Run = { provider: "sqlite" | "postgres"; passed: number; failed: number; ok: boolean };
const runs: Run[] = [{ provider: "sqlite", ...vitest("sqlite") }];
if (await postgresAnswers(postgresUrl)) runs.push({ provider: "postgres", ...vitest("postgres") });
else if (process.env.TEST_REQUIRE_POSTGRES === "1") runs.push({ provider: "postgres", passed: 0, failed: 1, ok: false });
else console.log(`\nPostgreSQL does not answer at ${postgresUrl}: skipping the PostgreSQL run.`);

console.log(`\nlint: ${lint}`);
for (const r of runs) console.log(`${r.provider}: ${r.passed} passed, ${r.failed} failed${r.ok ? "" : " (run failed)"}`);
const passed = runs.reduce((sum, r) => sum + r.passed, 0);
const failed = runs.reduce((sum, r) => sum + r.failed, 0) + (lint === "FAILED" ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(runs.every((r) => r.ok) && lint !== "FAILED" ? 0 : 1);
