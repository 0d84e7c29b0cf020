// Runs one Admin GraphQL operation through the app's one client (admin-graphql.ts) and
// validates the answer with zod. Transport failures, GraphQL errors (including
// ACCESS_DENIED for a scope we do not hold) and unexpected shapes come back as values
// with codes an admin page can explain, never as thrown errors.
import type { z } from "zod";
import { failure, type Failure } from "../admin-ports";
import type { AdminGraphql } from "./admin-graphql";

export type AdminQueryFailure = Failure<"ADMIN_API_UNAVAILABLE" | "ADMIN_API_ACCESS_DENIED" | "ADMIN_API_BAD_RESPONSE">;

export async function runAdminQuery<S extends z.ZodType>(
  admin: AdminGraphql,
  query: string,
  variables: Record<string, unknown> | undefined,
  dataSchema: S,
): Promise<{ ok: true; data: z.infer<S> } | AdminQueryFailure> {
  const result = await admin(query, variables);
  if (!result.ok) {
    switch (result.code) {
      case "ACCESS_DENIED":
        return failure("ADMIN_API_ACCESS_DENIED", "The app does not have access to this data.");
      case "GRAPHQL_ERROR":
        return failure("ADMIN_API_BAD_RESPONSE", "The Shopify Admin API returned an error.");
      case "BAD_RESPONSE":
        return failure("ADMIN_API_BAD_RESPONSE", "The Shopify Admin API answer had an unexpected shape.");
      default:
        return failure("ADMIN_API_UNAVAILABLE", "The Shopify Admin API could not be reached.");
    }
  }
  const parsed = dataSchema.safeParse(result.data);
  if (!parsed.success) return failure("ADMIN_API_BAD_RESPONSE", "The Shopify Admin API answer had an unexpected shape.");
  return { ok: true, data: parsed.data };
}
