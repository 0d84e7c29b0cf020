// The vendored Admin API schema (2026-01) for tests: validate documents against it and
// find every GraphQL document the app declares in its operations files.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  GraphQLError,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  getNamedType,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { loadAdminSchema, scopeRequirement } from "../../demo/admin-api/admin-schema";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

export function adminSchema(): GraphQLSchema {
  return loadAdminSchema();
}

const toDocument = (doc: string | DocumentNode): DocumentNode => (typeof doc === "string" ? parse(doc) : doc);

/**
 * Validation errors of `doc` against the Admin schema (a parse error comes back as the
 * only error). A document holding only fragments is checked without the unused-fragment rule.
 */
export function validateOperation(doc: string | DocumentNode): readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = toDocument(doc);
  } catch (error) {
    return [error as GraphQLError];
  }
  const onlyFragments = document.definitions.every((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const rules = onlyFragments ? specifiedRules.filter((r) => r !== NoUnusedFragmentsRule) : specifiedRules;
  return validate(adminSchema(), document, rules);
}

export interface CollectedOperation {
  /** Repo-relative path, e.g. "app/orders/operations.ts". */
  file: string;
  /** The export's name, e.g. "CUSTOMER_ORDERS". */
  exportName: string;
  document: string;
}

const LOOKS_LIKE_GRAPHQL = /^\s*(#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\b|^\s*\{/;
const OPERATIONS_FILE = /(^|\/)operations\.ts$/;

export function operationsFiles(root = REPO_ROOT): string[] {
  return (readdirSync(path.join(root, "app"), { recursive: true }) as string[])
    .map((f) => path.join("app", f).split(path.sep).join("/"))
    .filter((f) => OPERATIONS_FILE.test(f))
    .sort();
}

/**
 * Imports every app/**\/operations.ts and returns each exported string that is a GraphQL
 * document, and each such string in an exported record of documents (a read's variants by
 * shape, app/catalog/operations.ts: `SEARCH_PRODUCTS_BY_SHAPE.Translated`). A document
 * exported twice (a record's entry and a plain name for it) is one operation.
 */
export async function collectOperations(root = REPO_ROOT): Promise<CollectedOperation[]> {
  const found: CollectedOperation[] = [];
  const seen = new Set<string>();
  const add = (file: string, exportName: string, value: unknown) => {
    if (typeof value !== "string" || !LOOKS_LIKE_GRAPHQL.test(value) || seen.has(value)) return;
    seen.add(value);
    found.push({ file, exportName, document: value });
  };
  for (const file of operationsFiles(root)) {
    const module = (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      if (value && typeof value === "object" && !Array.isArray(value))
        for (const [key, entry] of Object.entries(value)) add(file, `${exportName}.${key}`, entry);
      else add(file, exportName, value);
    }
  }
  return found;
}

/** Access scopes a document needs, from the scope data shipped in the schema file: each entry is "any one of". */
export function requiredScopes(doc: string | DocumentNode): { where: string; anyOf: string[] }[] {
  const schema = adminSchema();
  const typeInfo = new TypeInfo(schema);
  const needs = new Map<string, string[]>();
  visit(
    toDocument(doc),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const type = typeInfo.getType();
        if (!parent || !type) return;
        for (const key of [`${parent.name}.${node.name.value}`, getNamedType(type).name]) {
          const requirement = scopeRequirement(key);
          if (requirement) needs.set(key, requirement.offlineScopes);
        }
      },
    }),
  );
  return [...needs].map(([where, anyOf]) => ({ where, anyOf }));
}
