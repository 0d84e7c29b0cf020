// The subset of Shopify's search syntax (the `query:` argument of products, orders,
// customers, collections) that the app uses:
//   free text           merino socks         (every word must match a default field)
//   field:value         tag:hiking  vendor:Stride  status:active  name:#1001  email:a@b.c
//                       customer_id:7001  available_for_sale:true  handle:x  sku:x  id:1001
//   comparisons         price:>50  price:<=20  created_at:>2026-01-01  inventory_total:>0
//   quoted values       title:"rain shell"
//   prefix              title:merino*
//   negation            -tag:sale   NOT tag:sale
//   OR                  tag:hiking OR tag:winter    (AND binds tighter; AND is implicit)
// Free text matches at the start of a word. Not supported: parentheses (ignored), fuzzy
// matching, relevance ranking.
// Unknown fields are ignored, as Shopify ignores invalid search fields (with a warning).

export type Comparator = ":" | ":>" | ":>=" | ":<" | ":<=";

export interface SearchTerm {
  field: string | null; // null = free text
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** OR of AND-groups. An empty array means "no filter". */
export type SearchQuery = SearchTerm[][];

export type FieldKind = "text" | "exact" | "number" | "date" | "boolean";
export interface SearchField<T> {
  kind: FieldKind;
  values(item: T): (string | number | boolean | null | undefined)[];
}
export interface SearchFields<T> {
  defaultText(item: T): string[];
  fields: Record<string, SearchField<T>>;
}

const TOKEN = /(-?)([A-Za-z_]+)(:>=|:<=|:>|:<|:)("[^"]*"|\S*)|"([^"]*)"|(\S+)/g;

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const m of (query ?? "").replace(/[()]/g, " ").matchAll(TOKEN)) {
    const [, minus, field, comparator, rawValue, quoted, bare] = m;
    if (bare === "OR") {
      groups.push([]);
      continue;
    }
    if (bare === "AND") continue;
    if (bare === "NOT") {
      negateNext = true;
      continue;
    }
    let term: SearchTerm;
    if (field !== undefined) {
      term = {
        field: field.toLowerCase(),
        comparator: comparator as Comparator,
        value: (rawValue ?? "").replace(/^"|"$/g, ""),
        negated: minus === "-",
      };
    } else {
      const text = quoted ?? bare ?? "";
      const negated = !quoted && text.startsWith("-") && text.length > 1;
      term = { field: null, comparator: ":", value: negated ? text.slice(1) : text, negated };
    }
    if (negateNext) {
      term.negated = !term.negated;
      negateNext = false;
    }
    if (term.value !== "" || term.field !== null) groups.at(-1)!.push(term);
  }
  return groups.filter((g) => g.length > 0);
}

function compare(kind: FieldKind, actual: string | number | boolean, term: SearchTerm): boolean {
  const wanted = term.value.toLowerCase();
  if (kind === "number" || kind === "date") {
    const a = kind === "date" ? Date.parse(String(actual)) : Number(actual);
    const b = kind === "date" ? Date.parse(term.value) : Number(term.value);
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    switch (term.comparator) {
      case ":>":
        return a > b;
      case ":>=":
        return a >= b;
      case ":<":
        return a < b;
      case ":<=":
        return a <= b;
      default:
        return kind === "date" ? String(actual).startsWith(term.value) : a === b;
    }
  }
  const text = String(actual).toLowerCase();
  if (kind === "boolean") return text === wanted;
  if (wanted.endsWith("*")) {
    const prefix = wanted.slice(0, -1);
    return text.startsWith(prefix) || text.split(/\s+/).some((w) => w.startsWith(prefix));
  }
  return kind === "text" ? text.includes(wanted) : text === wanted;
}

function termMatches<T>(item: T, term: SearchTerm, fields: SearchFields<T>): boolean {
  let hit: boolean;
  if (term.field === null) {
    // Shopify matches free text against the start of words ("hat" finds "Hat" and "hats",
    // not "that"); diacritics are not folded (a shop's own language is searched as written).
    const wanted = term.value.toLowerCase();
    const atWordStart = new RegExp(`(^|[^\\p{L}\\p{N}])${wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u");
    hit = fields.defaultText(item).some((t) => atWordStart.test(t.toLowerCase()));
  } else {
    const field = fields.fields[term.field];
    if (!field) return true; // unknown search field: ignored, as Shopify does
    hit = field.values(item).some((v) => v !== null && v !== undefined && compare(field.kind, v, term));
  }
  return term.negated ? !hit : hit;
}

export function matchesSearch<T>(item: T, query: SearchQuery, fields: SearchFields<T>): boolean {
  if (query.length === 0) return true;
  return query.some((group) => group.every((term) => termMatches(item, term, fields)));
}

export function filterBySearch<T>(items: T[], query: string | null | undefined, fields: SearchFields<T>): T[] {
  const parsed = parseSearchQuery(query);
  return items.filter((item) => matchesSearch(item, parsed, fields));
}
