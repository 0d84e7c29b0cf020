// Runs one Admin GraphQL operation and validates the answer with zod. Transport
// failures, GraphQL errors (including ACCESS_DENIED for a scope we do not hold)
// and unexpected shapes come back as values, never as thrown errors.
import type { z } from "zod";
import { failure, type AdminGraphql, type Failure } from "../admin-ports";

export type AdminQueryFailure = Failure<"ADMIN_API_UNAVAILABLE" | "ADMIN_API_ACCESS_DENIED" | "ADMIN_API_BAD_RESPONSE">;

export async function runAdminQuery<S extends z.ZodType>(
  admin: AdminGraphql,
  query: string,
  variables: Record<string, unknown> | undefined,
  dataSchema: S,
): Promise<{ ok: true; data: z.infer<S> } | AdminQueryFailure> {
  let body: unknown;
  try {
    const response = await admin.graphql(query, variables ? { variables } : undefined);
    body = await response.json();
  } catch (error) {
    // shopify-app-remix throws GraphqlQueryError with the response body attached.
    const attached = (error as { body?: unknown }).body;
    if (attached && typeof attached === "object") body = attached;
    else return failure("ADMIN_API_UNAVAILABLE", "The Shopify Admin API could not be reached.");
  }
  const errors = (body as { errors?: unknown })?.errors;
  if (errors) {
    const text = JSON.stringify(errors);
    if (/ACCESS_DENIED|access denied|required access/i.test(text)) {
      return failure("ADMIN_API_ACCESS_DENIED", "The app does not have access to this data.");
    }
    return failure("ADMIN_API_BAD_RESPONSE", "The Shopify Admin API returned an error.");
  }
  const parsed = dataSchema.safeParse((body as { data?: unknown })?.data);
  if (!parsed.success) return failure("ADMIN_API_BAD_RESPONSE", "The Shopify Admin API answer had an unexpected shape.");
  return { ok: true, data: parsed.data };
}
