// The AdminGraphql port over Shopify's Admin GraphQL API. Parses every answer with zod,
// reads extensions.cost to back off on THROTTLED, retries 429/5xx a few times, and turns
// everything else into a typed failure so a tool can say "I can't look that up right now"
// instead of the shopper seeing a 5xx or waiting forever.
import { z } from "zod";
import type { AdminGraphql, AdminResult } from "./admin-graphql";
import type { SleepingClock as Clock } from "../clock";
import { systemClock } from "../clock";

import { ADMIN_API_VERSION } from "../../contracts/admin-api";

export { ADMIN_API_VERSION };

export interface RawGraphqlResponse {
  status: number;
  body: unknown;
  retryAfterMs?: number;
}

export type SendGraphql = (
  operation: string,
  variables: Record<string, unknown> | undefined,
  signal: AbortSignal,
) => Promise<RawGraphqlResponse>;

const costSchema = z.object({
  requestedQueryCost: z.number().optional(),
  throttleStatus: z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() }).optional(),
});

const responseSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).loose().optional() }).loose())
    .optional(),
  extensions: z.object({ cost: costSchema.optional() }).loose().optional(),
});

export interface AdminGraphqlOptions {
  send: SendGraphql;
  clock?: Clock;
  maxAttempts?: number;
  timeoutMs?: number;
}

/** How long to wait before retrying a THROTTLED query: until the bucket holds the cost again. */
export function throttleDelayMs(cost: z.infer<typeof costSchema> | undefined, attempt: number): number {
  const status = cost?.throttleStatus;
  const fallback = 250 * 2 ** attempt;
  if (!status || status.restoreRate <= 0) return fallback;
  const missing = (cost?.requestedQueryCost ?? 50) - status.currentlyAvailable;
  return Math.min(5_000, Math.max(100, Math.ceil((missing / status.restoreRate) * 1000)));
}

export function createAdminGraphql({ send, clock = systemClock, maxAttempts = 3, timeoutMs = 5_000 }: AdminGraphqlOptions): AdminGraphql {
  return async (operation, variables) => {
    let last: AdminResult = { ok: false, code: "UNAVAILABLE", message: "no attempt made" };
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const outcome = await attemptOnce(send, operation, variables, timeoutMs);
      if (outcome.result.ok || outcome.retryAfterMs === undefined) return outcome.result;
      last = outcome.result;
      if (attempt < maxAttempts - 1) await clock.sleep(outcome.retryAfterMs);
    }
    return last;
  };
}

async function attemptOnce(
  send: SendGraphql,
  operation: string,
  variables: Record<string, unknown> | undefined,
  timeoutMs: number,
): Promise<{ result: AdminResult; retryAfterMs?: number }> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve("timeout");
    }, timeoutMs);
  });
  try {
    const raw = await Promise.race([send(operation, variables, controller.signal), timeout]);
    if (raw === "timeout") return { result: { ok: false, code: "TIMEOUT", message: "the Admin API did not answer in time" } };
    return classify(raw);
  } catch (error) {
    return {
      result: { ok: false, code: "UNAVAILABLE", message: error instanceof Error ? error.message : "request failed" },
      retryAfterMs: 500,
    };
  } finally {
    clearTimeout(timer);
  }
}

function classify(raw: RawGraphqlResponse): { result: AdminResult; retryAfterMs?: number } {
  if (raw.status === 429) {
    return { result: { ok: false, code: "THROTTLED", message: "rate limited" }, retryAfterMs: raw.retryAfterMs ?? 1_000 };
  }
  if (raw.status >= 500) {
    return { result: { ok: false, code: "UNAVAILABLE", message: `Admin API answered ${raw.status}` }, retryAfterMs: 500 };
  }
  const parsed = responseSchema.safeParse(raw.body);
  if (!parsed.success) return { result: { ok: false, code: "BAD_RESPONSE", message: "unexpected Admin API answer" } };
  const { data, errors, extensions } = parsed.data;
  if (errors?.some((e) => e.extensions?.code === "THROTTLED")) {
    return { result: { ok: false, code: "THROTTLED", message: "throttled" }, retryAfterMs: throttleDelayMs(extensions?.cost, 0) };
  }
  if (errors?.some((e) => e.extensions?.code === "ACCESS_DENIED" || /access denied|required access/i.test(e.message))) {
    return { result: { ok: false, code: "ACCESS_DENIED", message: errors.map((e) => e.message).join("; ") } };
  }
  if (raw.status >= 400 || (errors && errors.length > 0) || data === undefined || data === null) {
    const message = errors?.map((e) => e.message).join("; ") ?? `Admin API answered ${raw.status}`;
    return { result: { ok: false, code: "GRAPHQL_ERROR", message } };
  }
  return { result: { ok: true, data } };
}

/** The `admin` object that authenticate.public.appProxy / authenticate.admin return. */
export interface RemixAdminClient {
  graphql(query: string, options?: { variables?: Record<string, unknown>; signal?: AbortSignal }): Promise<Response>;
}

/** The app's Admin GraphQL interface over the `admin` of authenticate.admin / appProxy. */
export function adminGraphqlOf(admin: RemixAdminClient, options: Omit<AdminGraphqlOptions, "send"> = {}): AdminGraphql {
  return createAdminGraphql({ ...options, send: sendViaRemixAdmin(admin) });
}

/** Adapts shopify-app-remix's admin.graphql, which throws on GraphQL and HTTP errors. */
export function sendViaRemixAdmin(admin: RemixAdminClient): SendGraphql {
  return async (operation, variables, signal) => {
    try {
      const response = await admin.graphql(operation, { variables, signal });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      const e = error as {
        body?: { data?: unknown; errors?: { graphQLErrors?: unknown[] }; extensions?: unknown };
        response?: { code?: number; retryAfter?: number };
      };
      // GraphqlQueryError: the client's body keeps GraphQL errors under errors.graphQLErrors.
      if (e.body && typeof e.body === "object") {
        return {
          status: 200,
          body: {
            data: e.body.data,
            errors: e.body.errors?.graphQLErrors ?? [{ message: "GraphQL operation failed" }],
            extensions: e.body.extensions,
          },
        };
      }
      if (typeof e.response?.code === "number") {
        const retryAfterMs = e.response.retryAfter ? e.response.retryAfter * 1000 : undefined;
        return { status: e.response.code, body: null, retryAfterMs };
      }
      throw error;
    }
  };
}

/** Plain fetch to /admin/api/<version>/graphql.json (offline demo and integration tests). */
export function sendViaFetch(options: { shopOrigin: string; accessToken: string; fetch?: typeof fetch }): SendGraphql {
  const doFetch = options.fetch ?? fetch;
  return async (operation, variables, signal) => {
    const response = await doFetch(`${options.shopOrigin}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": options.accessToken },
      body: JSON.stringify({ query: operation, variables }),
      signal,
    });
    const retryAfter = Number(response.headers.get("retry-after"));
    const body = await response.json().catch(() => null);
    return { status: response.status, body, retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : undefined };
  };
}
