// The other services the demo plays, started in this process: the Admin GraphQL
// fake (demo/admin-api) and the OpenAI-compatible fake (demo/openai-fake).
import { startAdminApiFake as startAdminFake, type AdminApiFake } from "../../admin-api/server";
import { startOpenAiFake as startModelFake, type OpenAiFake } from "../../openai-fake/server";
import type { DemoStore } from "../../store/store-types";

export type { AdminApiFake, OpenAiFake };

export function startAdminApiFake(options: {
  store: DemoStore;
  accessToken: string;
  apiKey: string;
  apiSecret: string;
  port: number;
  /** Where product images are served (the storefront), so Admin API image URLs resolve. */
  imageOrigin?: string;
}): Promise<AdminApiFake> {
  return startAdminFake({ ...options, host: "127.0.0.1" });
}

export function startOpenAiFake(options: { port: number }): Promise<OpenAiFake> {
  return startModelFake({ port: options.port, host: "127.0.0.1" });
}

/** The app-data metafield shop_assistant.widget_config as Liquid sees it (parsed JSON); null when never set. */
export function widgetConfigMetafield(fake: AdminApiFake): unknown {
  const field = fake.appMetafields().shop_assistant?.widget_config;
  if (!field) return null;
  if (field.jsonValue !== undefined) return field.jsonValue;
  try {
    return JSON.parse(field.value) as unknown;
  } catch {
    return null;
  }
}
