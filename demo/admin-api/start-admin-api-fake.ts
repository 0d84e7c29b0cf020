// The Admin GraphQL fake over real HTTP. Shopify's endpoints:
//   POST /admin/api/2026-01/graphql.json   (X-Shopify-Access-Token)
//   POST /admin/oauth/access_token         (token exchange, refresh, client credentials)
// and a control API for tests and the demo under /__fake/ (control-api.ts).
// Run alone: tsx demo/admin-api/start-admin-api-fake.ts [--port 4010] [--token shpat_demo]
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { loadDemoStore } from "../store/load-store";
import type { DemoStore } from "../store/store-types";
import { ADMIN_API_VERSION, loadAdminSchema } from "./admin-schema";
import { createAdminQueryExecutor, throttledBody } from "./execute-admin-query";
import { indexStore, type FakeContext } from "./fake-context";
import { handleControl } from "./control-api";
import { createFaultQueue, type FaultInput } from "./faults";
import { scopesFromAppToml } from "./granted-scopes";
import { parseJsonObject, readBody, sendJson } from "./http-helpers";
import { createBucketsByKey } from "./leaky-bucket";
import { createMetafieldStore } from "./metafield-store";
import { createTokenEndpoint } from "./token-exchange";

export interface AdminApiFakeOptions {
  accessToken: string;
  port?: number;
  host?: string;
  store?: DemoStore;
  /** Granted scopes; default: shopify.app.toml's `scopes` (read_products,read_orders if absent). */
  scopes?: string[];
  apiKey?: string;
  apiSecret?: string;
  imageOrigin?: string;
  now?: () => Date;
  bucket?: { maximumAvailable?: number; restoreRate?: number };
}

export interface RecordedRequest {
  at: string;
  path: string;
  status: number;
  operationName: string | null;
  query: string | null;
  variables: Record<string, unknown> | null;
  fault: string | null;
}

export type AppMetafields = Record<string, Record<string, { type: string; value: string; jsonValue: unknown }>>;

export interface AdminApiFake {
  origin: string;
  graphqlUrl: string;
  store: DemoStore;
  requests(): RecordedRequest[];
  clearRequests(): void;
  injectFault(fault: FaultInput): void;
  setBucketAvailable(points: number): void;
  appMetafields(): AppMetafields;
  reset(): void;
  close(): Promise<void>;
}

const GRAPHQL_PATH = `/admin/api/${ADMIN_API_VERSION}/graphql.json`;
const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
const withImpliedReads = (scopes: string[]) => [
  ...new Set([...scopes, ...scopes.filter((s) => s.startsWith("write_")).map((s) => s.replace("write_", "read_"))]),
];

export async function startAdminApiFake(options: AdminApiFakeOptions): Promise<AdminApiFake> {
  const store = options.store ?? loadDemoStore();
  const now = options.now ?? (() => new Date());
  const scopes = withImpliedReads(options.scopes ?? scopesFromAppToml());
  const appInstallationId = "gid://shopify/AppInstallation/424242";
  const indexed = indexStore(store);
  const metafields = createMetafieldStore({
    now,
    reservedNamespace: "app--4242",
    knownOwner: (id) => id === appInstallationId || id === store.shop.id || indexed.products.has(id),
  });
  const ctx: FakeContext = {
    store: indexed,
    metafields,
    scopes: new Set(scopes),
    now,
    appInstallationId,
    imageOrigin: options.imageOrigin ?? "",
  };
  const run = createAdminQueryExecutor(loadAdminSchema());
  const buckets = createBucketsByKey(options.bucket);
  const faults = createFaultQueue();
  const tokenEndpoint = createTokenEndpoint({
    accessToken: options.accessToken,
    scopes,
    shopDomain: store.shop.myshopifyDomain,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
  });
  let recorded: RecordedRequest[] = [];

  const appMetafields = (): AppMetafields => {
    const out: AppMetafields = {};
    for (const m of metafields.list(appInstallationId)) {
      (out[m.namespace] ??= {})[m.key] = { type: m.type, value: m.value, jsonValue: m.type === "json" ? JSON.parse(m.value) : m.value };
    }
    return out;
  };

  async function graphql(req: IncomingMessage, res: ServerResponse) {
    const record = (status: number, body: Record<string, unknown> | null, fault: string | null = null) =>
      recorded.push({
        at: now().toISOString(),
        path: req.url ?? "",
        status,
        fault,
        operationName: (body?.operationName as string) ?? null,
        query: typeof body?.query === "string" ? body.query : null,
        variables: (body?.variables as Record<string, unknown>) ?? null,
      });
    const text = await readBody(req);
    const isGraphqlText = (req.headers["content-type"] ?? "").startsWith("application/graphql");
    const body = text === null ? null : isGraphqlText ? { query: text } : parseJsonObject(text);
    if (req.headers["x-shopify-access-token"] !== options.accessToken) {
      record(401, body);
      return sendJson(res, 401, INVALID_TOKEN);
    }
    if (!body || typeof body.query !== "string") {
      record(400, body);
      return sendJson(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    }
    const bucket = buckets.for(options.accessToken);
    const fault = faults.next();
    record(
      fault?.kind === "slow" || !fault ? 200 : fault.kind === "throttled" ? 200 : fault.kind === "error502" ? 502 : 500,
      body,
      fault?.kind ?? null,
    );
    if (fault?.kind === "disconnect") return req.socket.destroy();
    if (fault?.kind === "error500") return sendJson(res, 500, { errors: "Internal Server Error" });
    if (fault?.kind === "error502") return sendJson(res, 502, { errors: "Bad Gateway" });
    if (fault?.kind === "throttled") return sendJson(res, 200, throttledBody(1, bucket));
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const answer = await run(
      {
        query: body.query,
        variables: body.variables as Record<string, unknown> | null,
        operationName: body.operationName as string | null,
      },
      ctx,
      bucket,
    );
    sendJson(res, 200, answer, { "X-Shopify-API-Version": ADMIN_API_VERSION });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const route = `${req.method} ${url.pathname}`;
    const done = (error: unknown) => {
      console.error("admin-api fake:", error);
      if (!res.headersSent) sendJson(res, 500, { errors: "Internal Server Error" });
    };
    if (route === `POST ${GRAPHQL_PATH}`) return void graphql(req, res).catch(done);
    if (route === "POST /admin/oauth/access_token") {
      return void readBody(req)
        .then((text) => {
          const body = parseJsonObject(text ?? "") ?? Object.fromEntries(new URLSearchParams(text ?? ""));
          const answer = tokenEndpoint(body);
          sendJson(res, answer.status, answer.body);
        })
        .catch(done);
    }
    if (url.pathname.startsWith("/__fake/")) {
      return void handleControl(req, res, route, {
        requests: () => recorded,
        clearRequests: handle.clearRequests,
        faults,
        appMetafields,
        reset: () => handle.reset(),
        setBucketAvailable: (points) => {
          buckets.for(options.accessToken).setAvailable(points);
          return buckets.for(options.accessToken).status();
        },
      }).catch(done);
    }
    sendJson(res, 404, { errors: "Not Found" });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const handle: AdminApiFake = {
    origin,
    graphqlUrl: `${origin}${GRAPHQL_PATH}`,
    store,
    requests: () => recorded.map((r) => ({ ...r })),
    clearRequests: () => {
      recorded = [];
    },
    injectFault: (fault) => {
      faults.add(fault);
    },
    setBucketAvailable: (points) => buckets.for(options.accessToken).setAvailable(points),
    appMetafields,
    reset() {
      recorded = [];
      faults.clear();
      buckets.reset();
      metafields.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return handle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const fake = await startAdminApiFake({ port: Number(arg("--port") ?? 4010), accessToken: arg("--token") ?? "shpat_demo_token" });
  console.log(`Admin API fake (${ADMIN_API_VERSION}) on ${fake.graphqlUrl}`);
}
