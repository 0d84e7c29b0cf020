// Opaque keyset-pagination cursors over (createdAt, id), newest first. Keyset
// pagination keeps a page query as fast on page 400 as on page 1 (no OFFSET scan).
import { z } from "zod";

export interface CursorPosition {
  createdAt: Date;
  id: string;
}

const positionSchema = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(200) });

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ t: position.createdAt.toISOString(), i: position.id })).toString("base64url");
}

/** A broken or foreign cursor means "first page", never an error page. */
export function decodeCursor(cursor: string | null | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { createdAt: new Date(parsed.data.t), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

export type PageDirection = "next" | "previous";

/** Prisma `where` fragment for rows after (older than) or before (newer than) a position. */
export function keysetWhere(position: CursorPosition | null, direction: PageDirection) {
  if (!position) return {};
  const cmp = direction === "next" ? "lt" : "gt";
  return {
    OR: [{ createdAt: { [cmp]: position.createdAt } }, { createdAt: position.createdAt, id: { [cmp]: position.id } }],
  };
}

export function keysetOrder(direction: PageDirection) {
  const dir = direction === "next" ? ("desc" as const) : ("asc" as const);
  return [{ createdAt: dir }, { id: dir }];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  previousCursor: string | null;
}

/**
 * Turns `take: size + 1` rows fetched in `direction` into a newest-first page with
 * cursors for both neighbours. `hadCursor` says whether we came from another page.
 */
export function toPage<T extends CursorPosition>(rows: T[], size: number, direction: PageDirection, hadCursor: boolean): Page<T> {
  const hasMore = rows.length > size;
  const slice = rows.slice(0, size);
  const items = direction === "next" ? slice : slice.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  const hasNext = direction === "next" ? hasMore : hadCursor;
  const hasPrevious = direction === "next" ? hadCursor : hasMore;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    previousCursor: hasPrevious && first ? encodeCursor(first) : null,
  };
}

export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  direction: z.enum(["next", "previous"]).default("next"),
});
