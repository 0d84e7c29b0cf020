// Starts the BUILT app (build/ from `remix build`, served by server.ts) in a child
// process with an environment of the test's own. A child process because env() is
// parsed once per process: every server gets exactly the env it is given.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { choosePort } from "../../demo/storefront/stack/ports";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Keys of the test servers, as the vault takes them (seed data with these). */
export const TEST_ENCRYPTION_KEYS = [{ id: "k1", key: Buffer.alloc(32, 1).toString("base64") }];
export const TEST_HASH_KEY = Buffer.alloc(32, 2).toString("base64");

/** The secrets every test server gets unless a test overrides them. */
export const TEST_APP_ENV = {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret",
  SCOPES: "read_products,read_orders,read_legal_policies,read_translations,read_locales",
  ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS.map(({ id, key }) => `${id}:${key}`).join(","),
  HASH_KEY: TEST_HASH_KEY,
} as const;

/** Shopify's library answers 410 to anything that looks like a bot, as Node's fetch does. */
export const BROWSER_HEADERS = {
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
} as const;

export interface AppServer {
  url: string;
  /** The server's process (the primary when WEB_CONCURRENCY runs workers). */
  pid: number;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  close(): Promise<void>;
}

/** env: at least DATABASE_URL (from createTestDatabase); anything else overrides TEST_APP_ENV. */
/** options.port: listen there (e.g. to restart an instance at its old address); default a free port. */
export async function startAppServer(
  env: Record<string, string | undefined> & { DATABASE_URL: string },
  options: { port?: number } = {},
): Promise<AppServer> {
  if (!existsSync(path.join(root, "build", "index.js"))) {
    throw new Error("build/index.js is missing: run `npm run build` (npm test does) before server tests");
  }
  const port = options.port ?? (await choosePort(0));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, "server.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH, SHOPIFY_APP_URL: url, ...TEST_APP_ENV, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`app server listening on ${url}`)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => reject(new Error(`app server exited (${code}) before listening:\n${output}`)));
  });

  return {
    url,
    pid: child.pid!,
    output: () => output,
    async close() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
