// Every environment variable the server reads, parsed once with zod. A missing or
// bad variable stops the process with a message that names it.
import { z } from "zod";
import { rateLimitConfigSchema } from "./ratelimit/rate-limit-config";

const base64Key = z.string().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

// "id:base64key,id:base64key": the first key encrypts; every key decrypts (rotation).
const encryptionKeys = z.string().transform((raw, ctx) => {
  const keys = raw
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [id, key] = pair.split(":");
      return { id: id ?? "", key: key ?? "" };
    });
  for (const { id, key } of keys) {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id) || Buffer.from(key, "base64").length !== 32) {
      ctx.addIssue({ code: "custom", message: `key "${id}" must look like id:<32 bytes base64>` });
      return z.NEVER;
    }
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: "custom", message: "needs at least one id:key pair" });
    return z.NEVER;
  }
  return keys;
});

const cacheMs = z.coerce.number().int().min(0).max(600_000);

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    SHOPIFY_API_KEY: z.string().min(1),
    SHOPIFY_API_SECRET: z.string().min(1),
    SHOPIFY_APP_URL: z.url(),
    SCOPES: z.string().default("read_products,read_orders,read_legal_policies,read_translations,read_locales"),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    DATABASE_URL: z.string().default("file:./prisma/dev.db"),
    ENCRYPTION_KEYS: encryptionKeys,
    HASH_KEY: base64Key,
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().default("gpt-4o-mini"),
    OPENAI_PROVIDER_NAME: z.string().default("OpenAI"),
    REDIS_URL: z.url().optional(),
    // Prefix of the rate limiters' Redis keys: apps (or test runs) sharing a Redis keep apart.
    RATE_LIMIT_REDIS_PREFIX: z
      .string()
      .regex(/^[\w.-]{1,40}$/, "letters, digits, _ . - (at most 40)")
      .default("psa"),
    // The offline demo: Admin API calls go to the local fake. Never in production.
    DEMO_MODE: flag,
    DEMO_ADMIN_API_ORIGIN: z.url().optional(),
    // The demo's App Bridge stand-in (a local script); only read in demo mode.
    APP_BRIDGE_URL: z.url().optional(),
    // Cache lifetimes in milliseconds, 0 turns a cache off (docs/decisions/0006). Shop
    // state: the staleness bound of a change written by another process. Catalog and
    // policy reads: the delay before a product edit reaches the assistant; the demo
    // serves its Admin API fake uncached by default (its faults are what it shows).
    SHOP_STATE_CACHE_MS: cacheMs.default(5_000),
    ADMIN_READ_CACHE_MS: cacheMs.optional(),
    // How many proxies in front of the app append to X-Forwarded-For and are trusted to
    // tell the client's address (docs/architecture.md "Client address"). server.ts appends
    // the socket's peer as the last entry, so 0 = the socket address, 1 = the entry the
    // nearest proxy wrote, and so on from the right. Never the leftmost entry: the client
    // writes that one. Behind Shopify's app proxy and one load balancer: 2.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Node's HTTP server against slow clients (server.ts): the request head must arrive
    // within SERVER_HEADERS_TIMEOUT_MS and the whole request (head and body) within
    // SERVER_REQUEST_TIMEOUT_MS, or the connection is closed; an idle kept-alive
    // connection is closed after SERVER_KEEP_ALIVE_TIMEOUT_MS. Answers (SSE) are not bound.
    SERVER_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    SERVER_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    SERVER_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
    // The lease of a running background job (app/infra/jobs/queue.server.ts): renewed every
    // third of it while the job runs; a job whose process died is taken over by another
    // process once it has run out (within the lease plus one worker interval, 5 s). The
    // multi-instance test shortens it.
    JOB_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    // The SSE heartbeat interval of POST /chat; tests and the stream benchmark shorten it.
    SSE_HEARTBEAT_MS: z.coerce.number().int().min(10).max(60_000).default(15_000),
    // Measuring knobs (bench/): FULL is production's fsync per commit; NORMAL measures its
    // cost. STOCK runs the stock libSQL client instead of the single connection (0004).
    DATABASE_SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
    DATABASE_SQLITE_STOCK: flag,
    // 1: POST /proxy/chat goes through Remix's request handler like every other route,
    // instead of server.ts calling its handler directly (app/composition/direct-routes.server.ts);
    // for comparisons (bench, the equivalence test) only.
    SERVER_DIRECT_ROUTES_OFF: flag,
    // Prints every SQL statement with its duration to stderr (bench/turn-queries.ts).
    DATABASE_QUERY_LOG: flag,
  })
  .extend(rateLimitConfigSchema.shape)
  .superRefine((value, ctx) => {
    if (value.SERVER_REQUEST_TIMEOUT_MS < value.SERVER_HEADERS_TIMEOUT_MS) {
      ctx.addIssue({ code: "custom", path: ["SERVER_REQUEST_TIMEOUT_MS"], message: "must be at least SERVER_HEADERS_TIMEOUT_MS" });
    }
    if (value.DEMO_MODE && value.NODE_ENV === "production") {
      ctx.addIssue({ code: "custom", path: ["DEMO_MODE"], message: "the demo cannot run with NODE_ENV=production" });
    }
    if (value.DEMO_MODE && !value.DEMO_ADMIN_API_ORIGIN) {
      ctx.addIssue({ code: "custom", path: ["DEMO_ADMIN_API_ORIGIN"], message: "is required when DEMO_MODE is on" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (`X=`) means "not set": its default applies.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(set);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed environment of this process (parsed at start-up by the composition root, app/composition/root.server.ts). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
