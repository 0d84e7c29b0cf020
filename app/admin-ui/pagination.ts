// IndexTable pagination over the server's keyset cursors: next/previous change the
// URL, so the loader fetches the page (no client-side fetching).
import { useSearchParams } from "@remix-run/react";

export function useCursorPagination(page: { nextCursor: string | null; previousCursor: string | null }) {
  const [params, setParams] = useSearchParams();
  const go = (cursor: string, direction: "next" | "previous") => {
    const next = new URLSearchParams(params);
    next.set("cursor", cursor);
    next.set("direction", direction);
    setParams(next);
  };
  return {
    hasNext: page.nextCursor !== null,
    hasPrevious: page.previousCursor !== null,
    onNext: () => page.nextCursor && go(page.nextCursor, "next"),
    onPrevious: () => page.previousCursor && go(page.previousCursor, "previous"),
  };
}

/** Applies a filter change and starts again at the first page. */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    next.delete("direction");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return { params, set };
}
