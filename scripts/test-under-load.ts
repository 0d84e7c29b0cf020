// Runs the tests on a busy machine: N CPU burners (busy loops in child processes) next
// to `npm test`, so time-dependent tests show whether they hold (docs/operations.md
// "Tests under load").
//
//   npx tsx scripts/test-under-load.ts                      4 burners, then `npm test`
//   npx tsx scripts/test-under-load.ts --burners=8 test/assistant
//                                                            8 burners, `npm test -- test/assistant`
//   npx tsx scripts/test-under-load.ts --vitest test/assistant/hostile-model.test.ts
//                                                            `npx vitest run <files>` instead of npm test
//
// Other arguments go to the test command as they are. Each burner is a bounded busy loop:
// it ends when the tests end (it is killed), when this script dies (its parent changes),
// or after --max-seconds (default 3600) whatever happens. Prints the elapsed time and
// exits with the test command's exit code.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
let burners = Number(process.env.TEST_LOAD_BURNERS ?? 4);
let maxSeconds = 3600;
let useVitest = false;
const passThrough: string[] = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith("--burners=")) burners = Number(arg.slice("--burners=".length));
  else if (arg.startsWith("--max-seconds=")) maxSeconds = Number(arg.slice("--max-seconds=".length));
  else if (arg === "--vitest") useVitest = true;
  else passThrough.push(arg);
}
if (!Number.isInteger(burners) || burners < 0 || burners > 256)
  throw new Error(`--burners must be a whole number from 0 to 256 (got ${burners})`);
if (!(maxSeconds > 0)) throw new Error(`--max-seconds must be positive (got ${maxSeconds})`);

// The loop checks the clock and its parent every few million iterations (a few ms).
const BURNER = `
const deadline = Date.now() + ${Math.round(maxSeconds * 1000)};
const parent = process.ppid;
let x = 0;
while (Date.now() < deadline && process.ppid === parent) {
  for (let i = 0; i < 2e6; i++) x = (x + Math.sqrt(i)) % 1e9;
}
`;

const children: ChildProcess[] = [];
for (let i = 0; i < burners; i++) children.push(spawn(process.execPath, ["-e", BURNER], { stdio: "ignore" }));
const stopBurners = () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
};
process.once("exit", stopBurners);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopBurners();
    process.exit(130);
  });
}

const [command, args] = useVitest
  ? [path.join(root, "node_modules", ".bin", "vitest"), ["run", ...passThrough]]
  : ["npm", ["test", ...(passThrough.length > 0 ? ["--", ...passThrough] : [])]];
console.log(
  `[test-under-load] ${burners} CPU burner(s) on ${os.cpus().length} core(s), load average ${os.loadavg()[0]!.toFixed(1)}; running: ${path.basename(command)} ${args.join(" ")}`,
);
const started = performance.now();
const tests = spawn(command, args, { cwd: root, stdio: "inherit" });
const code = await new Promise<number>((resolve) => tests.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
stopBurners();
const seconds = (performance.now() - started) / 1000;
console.log(
  `[test-under-load] ${burners} burner(s): tests exited ${code} after ${seconds.toFixed(1)} s (load average now ${os.loadavg()[0]!.toFixed(1)})`,
);
process.exit(code);
