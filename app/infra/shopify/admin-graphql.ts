// The one Shopify Admin GraphQL interface of the app: run a named operation (from a
// feature's operations.ts) for the current shop; failures come back as values.
// app/infra/shopify/admin-graphql.server.ts is the client (retries, throttling, timeouts).
export type AdminFailureCode = "THROTTLED" | "UNAVAILABLE" | "TIMEOUT" | "ACCESS_DENIED" | "GRAPHQL_ERROR" | "BAD_RESPONSE";

export type AdminResult = { ok: true; data: unknown } | { ok: false; code: AdminFailureCode; message: string };

/** Runs one named operation (from an operations.ts) for the current shop. */
export type AdminGraphql = (operation: string, variables?: Record<string, unknown>) => Promise<AdminResult>;
