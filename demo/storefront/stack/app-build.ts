// The demo serves the BUILT app (server.ts + build/). Build first when build/ is
// missing or older than the sources, so `npm run demo` after a pull just works.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", path.join("extensions", "shop-assistant", "src")];
const SOURCE_FILES = ["remix.config.js", "package.json"];

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the build must run, or null when build/ is current. */
export function buildStaleness(root: string): string | null {
  const output = path.join(root, "build", "index.js");
  if (!existsSync(output)) return "build/ is missing";
  const built = statSync(output).mtimeMs;
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))),
    ...SOURCE_FILES.map((f) => (existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0)),
  );
  return sources > built ? "sources changed since the last build" : null;
}

export function runBuild(root: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let output = "";
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) {
        log("build finished");
        resolve();
      } else reject(new Error(`npm run build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

// Browser test files start stacks in parallel: one build at a time (mkdir is atomic),
// and whoever waited checks again, because the build it waited for may be enough.
async function withBuildLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(root, ".cache", "demo-build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function buildIfStale(root: string, log: (line: string) => void): Promise<void> {
  if (!buildStaleness(root)) return;
  await withBuildLock(root, async () => {
    const reason = buildStaleness(root);
    if (!reason) return;
    log(`building the app (${reason}): npm run build …`);
    await runBuild(root, log);
  });
}
