// The demo's own secrets: generated on first start into .demo/keys.env (gitignored)
// and reused after, so the demo database stays readable across restarts. These are
// demo keys only; a real installation gets its secrets from its own environment.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DemoKeys {
  SHOPIFY_API_KEY: string;
  SHOPIFY_API_SECRET: string;
  ENCRYPTION_KEYS: string;
  HASH_KEY: string;
  /** The offline session's Admin API token, accepted by the Admin API fake. */
  DEMO_ACCESS_TOKEN: string;
}

const KEY_NAMES: (keyof DemoKeys)[] = ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "ENCRYPTION_KEYS", "HASH_KEY", "DEMO_ACCESS_TOKEN"];

export function generateDemoKeys(): DemoKeys {
  return {
    SHOPIFY_API_KEY: `demo${randomBytes(14).toString("hex")}`,
    SHOPIFY_API_SECRET: randomBytes(32).toString("hex"),
    ENCRYPTION_KEYS: `demo1:${randomBytes(32).toString("base64")}`,
    HASH_KEY: randomBytes(32).toString("base64"),
    DEMO_ACCESS_TOKEN: `shpat_demo_${randomBytes(16).toString("hex")}`,
  };
}

function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) out[match[1]!] = match[2]!.replace(/^"(.*)"$/, "$1");
  }
  return out;
}

/** Reads dir/keys.env, filling in (and writing back) any key that is missing. */
export function loadOrCreateDemoKeys(dir: string): { keys: DemoKeys; created: boolean } {
  const file = path.join(dir, "keys.env");
  const existing = existsSync(file) ? parseEnvFile(readFileSync(file, "utf8")) : {};
  const fresh = generateDemoKeys();
  const keys = Object.fromEntries(KEY_NAMES.map((name) => [name, existing[name] || fresh[name]])) as unknown as DemoKeys;
  const created = KEY_NAMES.some((name) => !existing[name]);
  if (created) {
    mkdirSync(dir, { recursive: true });
    const lines = [
      "# Demo-only secrets for `npm run demo`, generated on first start. Never use them for a real shop.",
      ...KEY_NAMES.map((name) => `${name}=${keys[name]}`),
      "",
    ];
    writeFileSync(file, lines.join("\n"), { mode: 0o600 });
  }
  return { keys, created };
}
