// A minimal Admin GraphQL client for tests of the fake (the app has its own).
import type { AdminApiFake } from "./start-admin-api-fake";

export interface GraphqlAnswer {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[] | string | Record<string, unknown>;
    extensions?: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
    };
  };
}

export function graphqlClient(fake: AdminApiFake, accessToken: string) {
  return async (query: string, variables?: Record<string, unknown>, token: string | null = accessToken): Promise<GraphqlAnswer> => {
    const res = await fetch(fake.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token === null ? {} : { "X-Shopify-Access-Token": token }) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphqlAnswer["body"] };
  };
}

/** The `extensions.code` of each GraphQL error in an answer ([] when none or not an array). */
export const errorCodes = (answer: GraphqlAnswer): string[] =>
  Array.isArray(answer.body.errors) ? answer.body.errors.map((e) => String(e.extensions?.code)) : [];

export const errorMessages = (answer: GraphqlAnswer): string[] =>
  Array.isArray(answer.body.errors) ? answer.body.errors.map((e) => e.message) : [];
