// `npm run bench`: runs every bench/*.ts script (not this one, not tests) one after
// another, so they do not compete for the CPU, and prints their "name value" lines
// under a header per script. Extra arguments filter scripts by name
// (`npm run bench -- lighthouse`). Exit code 1 if any script failed.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const benchDir = import.meta.dirname;
const tsx = path.resolve(benchDir, "..", "node_modules", ".bin", "tsx");
const filters = process.argv.slice(2);

const scripts = readdirSync(benchDir)
  .filter((file) => file.endsWith(".ts") && file !== "run-all.ts" && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

function runScript(file: string): Promise<{ code: number | null; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(tsx, [path.join(benchDir, file)], {
      cwd: path.dirname(benchDir),
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => {
      if (code !== 0)
        process.stdout.write(
          `${stderr
            .trim()
            .split("\n")
            .slice(-15)
            .map((l) => `#   ${l}`)
            .join("\n")}\n`,
        );
      resolve({ code, seconds: (Date.now() - started) / 1000 });
    });
  });
}

console.log(
  `# npm run bench, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
const failed: string[] = [];
for (const file of scripts) {
  const name = file.replace(/\.ts$/, "");
  console.log(`# bench/${file}`);
  const { code, seconds } = await runScript(file);
  if (code !== 0) {
    failed.push(name);
    console.log(`${name.replace(/-/g, "_")}_failed 1`);
  }
  console.log(`# bench/${file} took ${seconds.toFixed(1)} s${code === 0 ? "" : ` and FAILED (exit ${code})`}`);
}
if (failed.length) {
  console.log(`# failed: ${failed.join(", ")}`);
  process.exit(1);
}
