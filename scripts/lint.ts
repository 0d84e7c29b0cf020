// `npm run lint`: ESLint, Prettier, the dependency rules (.dependency-cruiser.cjs), the
// folder-cycle check and, when it exists, the table-owner check. Runs them in order and
// stops at the first failure. See docs/decisions/0011-lint-and-dependency-rules.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const cache = (name: string) => path.join(root, "node_modules", ".cache", name);

const steps: { name: string; command: string; args: string[]; when?: boolean }[] = [
  { name: "ESLint", command: bin("eslint"), args: [".", "--max-warnings=0", "--cache", "--cache-location", cache("eslint/")] },
  { name: "Prettier", command: bin("prettier"), args: ["--check", ".", "--cache", "--log-level=warn"] },
  {
    name: "dependency rules",
    command: bin("depcruise"),
    args: ["--config", ".dependency-cruiser.cjs", "--output-type", "err-long", "app", "extensions/shop-assistant/src", "server.ts"],
  },
  { name: "folder cycles", command: bin("tsx"), args: ["scripts/check-folder-cycles.ts"] },
  {
    name: "table owners",
    command: bin("tsx"),
    args: ["scripts/check-table-owners.ts"],
    when: existsSync(path.join(root, "scripts", "check-table-owners.ts")),
  },
];

// node_modules/.bin first on PATH, as under npm scripts (its `node` is the Node 22 that depcruise needs).
const env = { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` };
const done: string[] = [];
for (const step of steps) {
  if (step.when === false) {
    done.push(`  - ${step.name}: skipped (${step.args.at(-1)} does not exist)`);
    continue;
  }
  console.log(`\n== ${step.name}: ${[path.basename(step.command), ...step.args].join(" ")}`);
  const started = Date.now();
  const status = spawnSync(step.command, step.args, { cwd: root, stdio: "inherit", env }).status;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.log(`\nlint summary:\n${[...done, `  ✗ ${step.name}: failed (exit ${status}, ${seconds}s)`].join("\n")}`);
    console.log(`lint FAILED at ${step.name}; later steps did not run.`);
    process.exit(1);
  }
  done.push(`  ✓ ${step.name} (${seconds}s)`);
}
console.log(`\nlint summary:\n${done.join("\n")}\nlint passed.`);
