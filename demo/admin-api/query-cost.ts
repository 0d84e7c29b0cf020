// A rough version of Shopify's query cost: scalars and enums 0, objects 1, connections
// 2 + (first|last) × the cost of one node, mutations 10. Requested cost uses the
// arguments; actual cost (after execution) uses how many nodes came back. Also refuses a
// connection without first/last, as Shopify does.
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export interface CostResult {
  cost: number;
  errors: GraphQLError[];
}

type Data = Record<string, unknown> | null | undefined;

export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data?: Data,
): CostResult {
  const errors: GraphQLError[] = [];
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const perRootField = operation.operation === "mutation" ? 10 : 1;
  const actual = data !== undefined;

  function costOf(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, value: Data, root: boolean): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) total += costOf(fragment.selectionSet, type, value, root);
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent)) || selection.name.value.startsWith("__")) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field || !selection.selectionSet) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named) || !isCompositeType(named)) continue;
      const raw = value ? value[selection.alias?.value ?? selection.name.value] : undefined;
      const child = (Array.isArray(raw) ? raw[0] : raw) as Data; // one list element stands for all
      const childCost = costOf(selection.selectionSet, named, child, false);
      const base = root ? perRootField : 1;
      if (named.name.endsWith("Connection") && field.args.some((a) => a.name === "first")) {
        const args = getArgumentValues(field, selection, variables) as { first?: number; last?: number };
        if (args.first == null && args.last == null) {
          errors.push(new GraphQLError("you must provide one of first or last", { nodes: selection }));
          continue;
        }
        const returned =
          child && typeof child === "object"
            ? Math.max((child.edges as unknown[] | undefined)?.length ?? 0, (child.nodes as unknown[] | undefined)?.length ?? 0)
            : undefined;
        const count = actual ? (returned ?? 0) : (args.first ?? args.last ?? 0);
        total += base + 1 + count * childCost;
      } else {
        total += base + childCost;
      }
    }
    return total;
  }

  const rootType = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  const cost = rootType ? costOf(operation.selectionSet, rootType, data, true) : 0;
  return { cost, errors };
}
