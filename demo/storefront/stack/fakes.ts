// Starting the other helpers' fakes (the Admin GraphQL fake, the OpenAI-compatible
// fake) and reading the app-data metafield back from the Admin fake. Kept in one
// place so the stack does not depend on their internals.
import type { DemoStore } from "../../store/store-types";

export interface RunningFake {
  url: string;
  close(): Promise<void>;
  /** The fake's own handle (e.g. the OpenAI fake's script queue), for tests. */
  handle: unknown;
}

type AnyFn = (options: Record<string, unknown>) => Promise<Record<string, unknown>>;

function pickStarter(module: Record<string, unknown>, names: string[], file: string): AnyFn {
  for (const name of names) if (typeof module[name] === "function") return module[name] as AnyFn;
  throw new Error(`${file} exports none of ${names.join(", ")}`);
}

function asRunning(started: Record<string, unknown>): RunningFake {
  const url = String(started.url ?? started.origin ?? "");
  if (!url) throw new Error("the fake did not report its url");
  const close = started.close as (() => Promise<void>) | undefined;
  return { url: url.replace(/\/$/, ""), close: close ? () => close.call(started) : async () => {}, handle: started };
}

export async function startAdminApiFake(options: {
  store: DemoStore;
  accessToken: string;
  apiKey: string;
  apiSecret: string;
  shop: string;
  port: number;
}): Promise<RunningFake> {
  const file = "../../admin-api/server";
  const module = (await import(file)) as Record<string, unknown>;
  const start = pickStarter(module, ["startAdminApiFake", "startAdminFake", "startFakeAdminApi", "startServer"], "demo/admin-api/server.ts");
  return asRunning(
    await start({ ...options, data: options.store, shopDomain: options.shop, host: "127.0.0.1" }),
  );
}

export async function startOpenAiFake(options: { port: number }): Promise<RunningFake> {
  const file = "../../openai-fake/server";
  const module = (await import(file)) as Record<string, unknown>;
  const start = pickStarter(module, ["startOpenAiFake", "startOpenAIFake", "startFakeOpenAi", "startServer"], "demo/openai-fake/server.ts");
  return asRunning(await start({ ...options, host: "127.0.0.1" }));
}

/**
 * The app-data metafield shop_assistant.widget_config as Liquid sees it (parsed JSON),
 * read from the Admin fake (GET /__fake/app-metafields); null when it was never set.
 */
export async function readWidgetConfigMetafield(adminApiUrl: string): Promise<unknown> {
  const response = await fetch(`${adminApiUrl}/__fake/app-metafields`);
  if (!response.ok) throw new Error(`app metafields: HTTP ${response.status}`);
  const body = (await response.json()) as unknown;
  const list: unknown[] = Array.isArray(body)
    ? body
    : Array.isArray((body as { metafields?: unknown }).metafields)
      ? ((body as { metafields: unknown[] }).metafields)
      : [];
  for (const entry of list) {
    const m = entry as { namespace?: string; key?: string; value?: unknown; jsonValue?: unknown };
    if (m.namespace === "shop_assistant" && m.key === "widget_config") {
      if (m.jsonValue !== undefined) return m.jsonValue;
      return typeof m.value === "string" ? (JSON.parse(m.value) as unknown) : (m.value ?? null);
    }
  }
  // Shape { shop_assistant: { widget_config: { value } } }
  const nested = (body as Record<string, Record<string, { value?: unknown }>>)?.shop_assistant?.widget_config;
  if (nested) return typeof nested.value === "string" ? (JSON.parse(nested.value) as unknown) : (nested.value ?? null);
  return null;
}
