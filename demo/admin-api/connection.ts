// Relay-style connections as Shopify returns them: edges{cursor,node}, nodes, pageInfo.
// Cursors are opaque base64 strings naming the item's id, so `after:` survives re-sorting.

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const idOf = (item: unknown, index: number): string =>
  item && typeof item === "object" && "id" in item && typeof item.id === "string" ? item.id : `index:${index}`;

export const cursorFor = (item: unknown, index: number): string =>
  Buffer.from(JSON.stringify({ id: idOf(item, index) })).toString("base64url");

function positionOf(items: unknown[], cursor: string): number {
  try {
    const { id } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { id: string };
    return items.findIndex((item, i) => idOf(item, i) === id);
  } catch {
    return -1;
  }
}

export function connectionOf<T>(all: T[], args: PageArgs): Connection<T> {
  const ordered = args.reverse ? [...all].reverse() : all;
  let start = 0;
  let end = ordered.length;
  if (args.after) start = positionOf(ordered, args.after) + 1;
  if (args.before) {
    const at = positionOf(ordered, args.before);
    if (at >= 0) end = at;
  }
  let slice = ordered.slice(start, Math.max(start, end));
  let hasNextPage = end < ordered.length;
  let hasPreviousPage = start > 0;
  if (typeof args.first === "number" && slice.length > args.first) {
    slice = slice.slice(0, args.first);
    hasNextPage = true;
  }
  if (typeof args.last === "number" && slice.length > args.last) {
    slice = slice.slice(slice.length - args.last);
    hasPreviousPage = true;
  }
  const edges = slice.map((node) => ({ node, cursor: cursorFor(node, ordered.indexOf(node)) }));
  return {
    edges,
    nodes: slice,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
