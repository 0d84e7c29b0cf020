// Basic mode: a shopper's product question, in any of the vocabulary's languages, turned
// into a catalog search: constraints (price, size, colour, stock) and concept groups.
import type { ProductSearch } from "./catalog";
import { constraintsIn } from "./constraints";
import { conceptsIn, isStopword, searchWordsOf } from "./vocabulary";

export interface ProductQuestion {
  search: ProductSearch;
  /** What the shopper asked for, in their words (for "Here is what I found for …"). */
  label: string;
  /** True when the question names a product, a constraint or anything to search for. */
  asksForProducts: boolean;
}

export function productQuestion(message: string, limit = 4): ProductQuestion {
  const { constraints, rest } = constraintsIn(message);
  const { concepts, unknown } = conceptsIn(rest);
  const groups = [...concepts.map(searchWordsOf), ...unknown.map((w) => [w])];
  const typeGroups = concepts.flatMap((c, i) => (c.kind === "type" ? [i] : []));
  const hasConstraint =
    constraints.minPrice !== undefined || constraints.maxPrice !== undefined || !!constraints.size || !!constraints.color;
  const labelWords = [constraints.colorName, ...rest.split(" ").filter((w) => w.length >= 2 && !isStopword(w) && !/^\d+$/.test(w))];
  return {
    search: {
      query: groups.flat().join(" "),
      groups,
      typeGroups,
      minPrice: constraints.minPrice,
      maxPrice: constraints.maxPrice,
      size: constraints.size,
      color: constraints.color,
      availableOnly: constraints.inStock,
      limit,
    },
    label: labelWords.filter(Boolean).join(" ") || rest,
    asksForProducts: groups.length > 0 || hasConstraint,
  };
}
