// The real Shopify Admin GraphQL schema (2026-01), vendored from @shopify/dev-mcp@1.16.0
// (see schema/LICENSE). Loaded once per process: building it takes ~0.5 s.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

import { ADMIN_API_VERSION } from "../../app/contracts/admin-api";

export { ADMIN_API_VERSION };
const SCHEMA_FILE = path.join(import.meta.dirname, "schema", `admin_${ADMIN_API_VERSION}.json.gz`);

/** Which access scopes a type or field needs, as the schema file records it. */
export interface ScopeRequirement {
  typeName: string;
  fieldName?: string;
  requiredAccess: string;
  offlineScopes: string[];
}

interface SchemaFile {
  data: IntrospectionQuery;
  offline_scopes: { items: (ScopeRequirement & { type: "type" | "field" })[] };
}

let cached: { schema: GraphQLSchema; scopes: Map<string, ScopeRequirement> } | undefined;

function load() {
  if (!cached) {
    const file = JSON.parse(gunzipSync(readFileSync(SCHEMA_FILE)).toString("utf8")) as SchemaFile;
    const scopes = new Map<string, ScopeRequirement>();
    for (const item of file.offline_scopes.items) {
      if (item.offlineScopes.length === 0) continue;
      scopes.set(item.type === "type" ? item.typeName : `${item.typeName}.${item.fieldName}`, item);
    }
    cached = { schema: buildClientSchema(file.data), scopes };
  }
  return cached;
}

export function loadAdminSchema(): GraphQLSchema {
  return load().schema;
}

/** Scope requirement for a type ("Customer") or a field ("Order.risks"); undefined when none. */
export function scopeRequirement(key: string): ScopeRequirement | undefined {
  return load().scopes.get(key);
}
