// The whole offline demo in one call: keys, database, the Admin API fake, the
// OpenAI fake (when asked), the built app as a child process, the storefront and
// the admin host. Used by `npm run demo` (demo/start.ts) and the browser tests.
import path from "node:path";
import { scopesFromAppToml } from "../../admin-api/granted-scopes";
import { loadDemoStore } from "../../store/load-store";
import { startAdminHost } from "../../app-bridge/server";
import { startStorefront } from "../server";
import { buildIfStale } from "./app-build";
import { startAppProcess, type AppProcess } from "./app-process";
import { loadOrCreateDemoKeys, type DemoKeys } from "./demo-keys";
import { startAdminApiFake, startOpenAiFake, widgetConfigMetafield, type AdminApiFake, type OpenAiFake } from "./fakes";
import { choosePort } from "./ports";
import { publishDemoWidgetConfig, widgetConfigFromDatabase } from "./widget-config-source";
import { seedDemoDatabase } from "./seed-demo-database";

export const DEMO_SHOP = "demo-shop.myshopify.com";
/** The scopes shopify.app.toml requests: what the seeded session holds and the Admin fake grants. */
export const DEMO_SCOPES = scopesFromAppToml().join(",");

/** The app's kept-alive connections outlive the storefront proxy's (APP_IDLE_TIMEOUT_MS), as behind any balancer. */
export const DEMO_APP_KEEP_ALIVE_MS = 65_000;

export type ModelChoice = { kind: "basic" } | { kind: "fake" } | { kind: "openai"; apiKey: string; baseUrl?: string; model?: string };

export interface DemoStackOptions {
  root: string;
  /** Holds keys.env and demo.db (.demo/ for `npm run demo`, a temp dir in tests). */
  dataDir: string;
  ports?: Partial<Record<"storefront" | "app" | "adminApi" | "admin" | "openai", number>>;
  model: ModelChoice;
  /** Build the app when build/ is missing or stale (default true). */
  build?: boolean;
  nodeEnv?: "development" | "test";
  /** Extra variables for the app process (e.g. rate limits in tests). */
  appEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface DemoStack {
  storefrontUrl: string;
  adminUrl: string;
  appUrl: string;
  adminApiUrl: string;
  adminApiFake: AdminApiFake;
  /** The scriptable model fake when the stack runs with { kind: "fake" }. */
  openAiFake: OpenAiFake | null;
  keys: DemoKeys;
  databaseUrl: string;
  app: AppProcess;
  close(): Promise<void>;
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { root } = options;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
  };
  try {
    const { keys, created } = loadOrCreateDemoKeys(options.dataDir);
    if (created) log(`demo keys written to ${path.join(options.dataDir, "keys.env")}`);
    const store = loadDemoStore();
    const databaseUrl = `file:${path.join(options.dataDir, "demo.db")}`;
    const { db } = await seedDemoDatabase({
      databaseUrl,
      root,
      store,
      shop: DEMO_SHOP,
      scopes: DEMO_SCOPES,
      accessToken: keys.DEMO_ACCESS_TOKEN,
      encryptionKeys: keys.ENCRYPTION_KEYS,
      hashKey: keys.HASH_KEY,
    });
    closers.push(() => db.$disconnect());

    if (options.build ?? true) await buildIfStale(root, log);

    const port = async (name: keyof NonNullable<DemoStackOptions["ports"]>, fallback: number) =>
      choosePort(options.ports?.[name] ?? fallback);
    const adminApi = await startAdminApiFake({
      store,
      accessToken: keys.DEMO_ACCESS_TOKEN,
      apiKey: keys.SHOPIFY_API_KEY,
      apiSecret: keys.SHOPIFY_API_SECRET,
      port: await port("adminApi", 3100),
    });
    closers.push(() => adminApi.close());

    let openAiFake: OpenAiFake | null = null;
    const modelEnv: Record<string, string> = {};
    if (options.model.kind === "fake") {
      openAiFake = await startOpenAiFake({ port: await port("openai", 3200) });
      closers.push(() => openAiFake!.close());
      Object.assign(modelEnv, { OPENAI_API_KEY: "demo-fake-key", OPENAI_BASE_URL: openAiFake.baseUrl, OPENAI_MODEL: "demo-fake-model" });
    } else if (options.model.kind === "openai") {
      modelEnv.OPENAI_API_KEY = options.model.apiKey;
      if (options.model.baseUrl) modelEnv.OPENAI_BASE_URL = options.model.baseUrl;
      if (options.model.model) modelEnv.OPENAI_MODEL = options.model.model;
    }

    // The app and the admin host each need the other's URL: fix both ports first.
    const appPort = await port("app", 3000);
    const adminPort = await port("admin", 8090);
    const storefrontPort = await port("storefront", 8080);
    const appUrl = `http://127.0.0.1:${appPort}`;
    const storefrontUrl = `http://127.0.0.1:${storefrontPort}`;
    const adminHost = await startAdminHost({
      appUrl,
      apiKey: keys.SHOPIFY_API_KEY,
      apiSecret: keys.SHOPIFY_API_SECRET,
      shop: DEMO_SHOP,
      storefrontUrl,
      port: adminPort,
    });
    closers.push(() => adminHost.close());

    const app = await startAppProcess({
      root,
      port: appPort,
      log,
      env: {
        NODE_ENV: options.nodeEnv ?? "development",
        DEMO_MODE: "1",
        DEMO_ADMIN_API_ORIGIN: adminApi.origin,
        APP_BRIDGE_URL: adminHost.appBridgeUrl,
        DATABASE_URL: databaseUrl,
        SHOPIFY_API_KEY: keys.SHOPIFY_API_KEY,
        SHOPIFY_API_SECRET: keys.SHOPIFY_API_SECRET,
        SCOPES: DEMO_SCOPES,
        ENCRYPTION_KEYS: keys.ENCRYPTION_KEYS,
        HASH_KEY: keys.HASH_KEY,
        SERVER_KEEP_ALIVE_TIMEOUT_MS: String(DEMO_APP_KEEP_ALIVE_MS),
        ...modelEnv,
        ...options.appEnv,
      },
    });
    closers.push(() => app.close());

    // What the app's afterAuth does on install: publish the widget configuration.
    await publishDemoWidgetConfig({ db, shop: DEMO_SHOP, adminApiUrl: adminApi.origin, accessToken: keys.DEMO_ACCESS_TOKEN, log });

    const storefront = await startStorefront({
      store,
      extensionDir: path.join(root, "extensions", "shop-assistant"),
      publicDir: path.join(root, "public"),
      appUrl,
      apiSecret: keys.SHOPIFY_API_SECRET,
      port: storefrontPort,
      log,
      // Liquid reads the app-data metafield; if the fake cannot answer, the shop's saved settings stand in.
      widgetConfig: async () => widgetConfigMetafield(adminApi) ?? widgetConfigFromDatabase(db, DEMO_SHOP),
    });
    closers.push(() => storefront.close());

    return {
      storefrontUrl: storefront.url,
      adminUrl: adminHost.adminUrl,
      appUrl,
      adminApiUrl: adminApi.origin,
      adminApiFake: adminApi,
      openAiFake,
      keys,
      databaseUrl,
      app,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
