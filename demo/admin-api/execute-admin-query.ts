// One Admin GraphQL request, as Shopify handles it: parse, validate against the real
// schema, price it, take the cost from the bucket (THROTTLED when it can't), execute,
// refund the unused points, answer with extensions.cost. Errors are Shopify-shaped:
// HTTP 200 with an `errors` array.
import { GraphQLError, execute, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { createFieldResolver } from "./default-field-resolver";
import type { FakeContext } from "./fake-context";
import type { LeakyBucket, ThrottleStatus } from "./leaky-bucket";
import { operationOf, queryCost } from "./query-cost";
import { mutationRoot, queryRoot } from "./root-resolvers";

export const MAX_QUERY_COST = 1000;

export interface AdminGraphqlBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: ThrottleStatus } };
}

export interface AdminGraphqlRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

// graphql-js wording → Shopify's wording and error codes, for the refusals apps hit most.
const SHOPIFY_WORDING: [RegExp, string, (m: RegExpMatchArray) => string][] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, "undefinedField", (m) => `Field '${m[1]}' doesn't exist on type '${m[2]}'`],
  [/^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./, "argumentNotAccepted", (m) => `Field '${m[2]}' doesn't accept argument '${m[1]}'`],
  [
    /^Field "(\w+)" argument "(\w+)" of type "(.+)" is required/,
    "missingRequiredArguments",
    (m) => `Field '${m[1]}' is missing required arguments: ${m[2]}`,
  ],
  [/^Unknown type "(\w+)"\./, "undefinedType", (m) => `No such type ${m[1]}, so it can't be a fragment condition`],
  [
    /^Variable "\$(\w+)" of type "(.+)" used in position expecting type "(.+)"\./,
    "variableMismatch",
    (m) => `Type mismatch on variable $${m[1]} and argument (${m[2]} / ${m[3]})`,
  ],
];

function shopifyError(error: GraphQLError, code = "GRAPHQL_VALIDATION_FAILED"): GraphQLFormattedError {
  const formatted = error.toJSON();
  for (const [pattern, shopifyCode, message] of SHOPIFY_WORDING) {
    const match = error.message.match(pattern);
    if (match) return { ...formatted, message: message(match), extensions: { code: shopifyCode } };
  }
  return { ...formatted, extensions: { code, ...formatted.extensions } };
}

export function createAdminQueryExecutor(schema: GraphQLSchema) {
  const fieldResolver = createFieldResolver(schema);

  return async function run(request: AdminGraphqlRequest, ctx: FakeContext, bucket: LeakyBucket): Promise<AdminGraphqlBody> {
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      return { errors: [shopifyError(error as GraphQLError, "PARSE_ERROR")] };
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return { errors: invalid.map((e) => shopifyError(e)) };
    const operation = operationOf(document, request.operationName);
    if (!operation) return { errors: [{ message: "An operation name is required when the document holds several operations" }] };
    const variables = request.variables ?? {};
    const requested = queryCost(schema, document, operation, variables);
    if (requested.errors.length > 0) return { errors: requested.errors.map((e) => shopifyError(e, "FIRST_OR_LAST_REQUIRED")) };
    const cost = (actualQueryCost: number | null) => ({
      cost: { requestedQueryCost: requested.cost, actualQueryCost, throttleStatus: bucket.status() },
    });
    if (requested.cost > MAX_QUERY_COST) {
      return {
        errors: [
          {
            message: `Query cost is ${requested.cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested.cost, maxCost: MAX_QUERY_COST },
          },
        ],
        extensions: cost(null),
      };
    }
    if (!bucket.take(requested.cost)) return throttledBody(requested.cost, bucket);
    const result = await execute({
      schema,
      document,
      operationName: request.operationName,
      variableValues: variables,
      contextValue: ctx,
      rootValue: operation.operation === "mutation" ? mutationRoot(ctx) : queryRoot(ctx),
      fieldResolver,
    });
    const actual = queryCost(schema, document, operation, variables, (result.data ?? null) as Record<string, unknown> | null).cost;
    bucket.refund(requested.cost - actual);
    return {
      ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: cost(actual),
    };
  };
}

export function throttledBody(requestedQueryCost: number, bucket: LeakyBucket): AdminGraphqlBody {
  return {
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
    extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: bucket.status() } },
  };
}
