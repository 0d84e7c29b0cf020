// The app server (server.ts + build/) as a child process with exactly the demo's
// environment: env() is parsed once per process, and a child keeps the app's
// secrets and database out of the orchestrating process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface AppProcess {
  url: string;
  output(): string;
  close(): Promise<void>;
}

// Only these of the parent's variables reach the app; everything else is explicit.
const PASSED_THROUGH = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"];

export async function startAppProcess(options: {
  root: string;
  port: number;
  env: Record<string, string>;
  log?: (line: string) => void;
  startTimeoutMs?: number;
}): Promise<AppProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const inherited = Object.fromEntries(PASSED_THROUGH.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
  const child: ChildProcess = spawn(process.execPath, [path.join(options.root, "server.ts")], {
    cwd: options.root,
    env: { NODE_ENV: "development", ...inherited, ...options.env, PORT: String(options.port), HOST: "127.0.0.1", SHOPIFY_APP_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    for (const line of text.split("\n")) if (line.trim()) options.log?.(`[app] ${line}`);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the app did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`)),
      options.startTimeoutMs ?? 60_000,
    );
    const check = setInterval(() => {
      if (output.includes(`app server listening on ${url}`)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before listening:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
