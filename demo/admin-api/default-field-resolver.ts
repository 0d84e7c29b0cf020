// The one field resolver of the fake. A view object's key answers its field (a function is
// called with the field's arguments); arrays answering *Connection fields are paginated;
// anything the views don't know gets a neutral default for its type (null when nullable,
// [] for lists, an empty connection, "" / 0 / false / the first enum value), so every valid
// document executes. It also refuses fields the granted access scopes don't cover, with
// Shopify's ACCESS_DENIED error, using the scope data shipped inside the schema file.
import {
  GraphQLError,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { scopeRequirement } from "./admin-schema";
import { connectionOf, type PageArgs } from "./connection";
import type { FakeContext } from "./fake-context";

const SCALAR_DEFAULTS: Record<string, unknown> = {
  String: "",
  ID: "gid://shopify/Fake/0",
  Int: 0,
  Float: 0,
  Boolean: false,
  Decimal: "0.0",
  Money: "0.00",
  URL: "https://demo-shop.myshopify.com/",
  HTML: "",
  JSON: {},
  UnsignedInt64: "0",
  FormattedString: "",
  DateTime: "1970-01-01T00:00:00Z",
  Date: "1970-01-01",
  Color: "#000000",
  ARN: "",
  BigInt: "0",
};

export const isConnectionType = (type: GraphQLOutputType) => getNamedType(type).name.endsWith("Connection");

function defaultFor(type: GraphQLOutputType, schema: GraphQLSchema): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) return SCALAR_DEFAULTS[inner.name] ?? "";
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  if (isAbstractType(inner)) return { __typename: schema.getPossibleTypes(inner)[0]?.name };
  if (isObjectType(inner) && inner.name.endsWith("Connection")) return connectionOf([], {});
  return {};
}

function denied(field: string, requiredAccess: string) {
  return new GraphQLError(`Access denied for ${field} field. Required access: ${requiredAccess}`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess },
  });
}

// Reading a resource's translations needs read_translations on Shopify, which the schema
// file does not record on the `translations` fields: the fake enforces it here.
const TRANSLATIONS_ACCESS = "`read_translations` access scope.";

function checkScopes(parentType: string, field: string, returnType: GraphQLOutputType, ctx: FakeContext) {
  const named = getNamedType(returnType);
  if (named.name === "Translation" && !ctx.scopes.has("read_translations") && !ctx.scopes.has("write_translations")) {
    throw denied(field, TRANSLATIONS_ACCESS);
  }
  for (const key of [`${parentType}.${field}`, isObjectType(named) ? named.name : ""]) {
    const requirement = key ? scopeRequirement(key) : undefined;
    if (requirement && !requirement.offlineScopes.some((scope) => ctx.scopes.has(scope))) {
      throw denied(field, requirement.requiredAccess);
    }
  }
}

export function createFieldResolver(schema: GraphQLSchema): GraphQLFieldResolver<unknown, FakeContext> {
  return (source, args, ctx, info) => {
    checkScopes(info.parentType.name, info.fieldName, info.returnType, ctx);
    const raw = source && typeof source === "object" ? (source as Record<string, unknown>)[info.fieldName] : undefined;
    const value = typeof raw === "function" ? raw.call(source, args, ctx, info) : raw;
    if (value === undefined) return defaultFor(info.returnType, schema);
    if (Array.isArray(value) && isConnectionType(info.returnType)) return connectionOf(value, args as PageArgs);
    return value;
  };
}
