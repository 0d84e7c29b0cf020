// Every table has one owner: the one module (a file, or a store/ folder of a feature)
// that reads and writes it. Everyone else calls the owner's functions. This check scans
// every non-test .ts/.tsx file under app/ (and server.ts) for
//   - Prisma model access: `<receiver>.<delegate>.<method>` where <delegate> is a model
//     of prisma/schema.prisma in camelCase (`db.conversation.findMany`, `tx.lead.count`),
//     and any `<db|tx|prisma|client|database>.<delegate>` (a delegate passed around);
//   - raw SQL naming a model's table: in $queryRaw/$executeRaw(/Unsafe) and Prisma.sql
//     / Prisma.raw templates, and in any SQL-looking literal of a file that runs raw SQL;
// and fails, listing file:line, when a file outside the model's owner path does it.
//
//   npx tsx scripts/check-table-owners.ts     # exit 1 on a violation
//
// Run by `npm run lint` (scripts/lint.ts); tested by test/lint/table-owners.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The owners, one line per model of prisma/schema.prisma: the paths (relative to the
 * repository root) allowed to touch its table. A path ending in "/" is a folder.
 */
export const TABLE_OWNERS: Record<string, string[]> = {
  Session: ["app/infra/shopify/sessions.server.ts"],
  Shop: ["app/settings/shop-settings.server.ts"],
  Conversation: ["app/conversations/store/"],
  Message: ["app/conversations/store/"],
  Lead: ["app/leads/lead-store.server.ts"],
  OrderVerification: ["app/order-verification/order-verification-store.server.ts"],
  KnowledgeEntry: ["app/knowledge/knowledge-store.server.ts"],
  AuditEvent: ["app/audit/audit-store.server.ts"],
  DataRequest: ["app/privacy/store/"],
  WebhookDelivery: ["app/privacy/store/"],
  Job: ["app/infra/jobs/queue.server.ts"],
  ShopEvent: ["app/analytics/event-store.server.ts"],
};

/** Prisma client delegate methods (a `<receiver>.<model>.<one of these>` is a query). */
const DELEGATE_METHODS = new Set([
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "findUnique",
  "findUniqueOrThrow",
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "count",
  "aggregate",
  "groupBy",
  "fields",
]);
/** Receivers that are a database client whatever follows the delegate. */
const CLIENT_RECEIVER = /^(db|tx|trx|prisma|client|database)$/i;
const RAW_MARKER = /\$queryRaw(?:Unsafe)?\b|\$executeRaw(?:Unsafe)?\b|\bPrisma\s*\.\s*(?:sql|raw)\b/g;

export interface Model {
  name: string;
  /** The client's property: the model name in camelCase. */
  delegate: string;
  /** The SQL table (the model name, or its @@map). */
  table: string;
}

export interface Violation {
  /** Relative to the root, with "/" separators. */
  file: string;
  line: number;
  model: string;
  kind: "query" | "raw SQL";
  /** The line of source, trimmed. */
  source: string;
}

export function readModels(schema: string): Model[] {
  const models: Model[] = [];
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const name = match[1]!;
    const mapped = /@@map\(\s*"([^"]+)"\s*\)/.exec(match[2]!);
    models.push({ name, delegate: name[0]!.toLowerCase() + name.slice(1), table: mapped ? mapped[1]! : name });
  }
  return models;
}

const isOwner = (file: string, owners: string[]) => owners.some((owner) => (owner.endsWith("/") ? file.startsWith(owner) : file === owner));

interface Literal {
  start: number;
  end: number;
  /** A template literal (its ${…} parts are code), or a quoted string. */
  template: boolean;
}

/**
 * The source with comments blanked out (newlines kept, so offsets and lines stay), and
 * the spans of its string and template literals. A small lexer: strings, templates with
 * nested ${…}, regular-expression literals, line and block comments.
 */
export function lex(text: string): { code: string; literals: Literal[] } {
  const out = text.split("");
  const literals: Literal[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  // Stack of open template literals' brace depth (for `${ … }` nesting).
  const templates: { depth: number; start: number }[] = [];
  let depth = 0;
  let lastSignificant = "";
  let i = 0;
  const n = text.length;
  const readTemplateBody = (): void => {
    // i is just after "`" or "}" that closed a ${…}: read until "`" or "${".
    while (i < n) {
      const c = text[i]!;
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "`") {
        const open = templates.pop()!;
        literals.push({ start: open.start, end: i + 1, template: true });
        i++;
        lastSignificant = "`";
        return;
      }
      if (c === "$" && text[i + 1] === "{") {
        templates[templates.length - 1]!.depth = depth;
        depth++;
        i += 2;
        lastSignificant = "{";
        return;
      }
      i++;
    }
  };
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      i++;
      while (i < n && text[i] !== c && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
      literals.push({ start, end: i, template: false });
      lastSignificant = c;
      continue;
    }
    if (c === "`") {
      templates.push({ depth, start: i });
      i++;
      readTemplateBody();
      continue;
    }
    if (
      c === "/" &&
      (lastSignificant === "" ||
        /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) ||
        /\breturn$/.test(text.slice(Math.max(0, i - 8), i).trimEnd()))
    ) {
      // A regular-expression literal.
      let inClass = false;
      i++;
      while (i < n && text[i] !== "\n") {
        const r = text[i]!;
        if (r === "\\") {
          i += 2;
          continue;
        }
        if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        else if (r === "/" && !inClass) break;
        i++;
      }
      i++;
      lastSignificant = "/";
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") {
      depth--;
      const open = templates[templates.length - 1];
      if (open && open.depth === depth) {
        i++;
        readTemplateBody();
        continue;
      }
    }
    if (!/\s/.test(c)) lastSignificant = /[\w$]/.test(c) ? "a" : c;
    i++;
  }
  return { code: out.join(""), literals };
}

/** From a raw-SQL marker, the end of what it applies to: its template literal or its call's parentheses. */
function extentOf(code: string, from: number, literals: Literal[]): number {
  let i = from;
  while (i < code.length && /\s/.test(code[i]!)) i++;
  if (code[i] === "`") return literals.find((l) => l.start === i)?.end ?? i;
  if (code[i] === "<") {
    // a type argument: $queryRaw<…>`…` or (…)
    let angle = 0;
    for (; i < code.length; i++) {
      if (code[i] === "<") angle++;
      else if (code[i] === ">" && --angle === 0) break;
    }
    return extentOf(code, i + 1, literals);
  }
  if (code[i] !== "(") return i;
  let parens = 0;
  for (; i < code.length; i++) {
    const inside = literals.find((l) => l.start === i);
    if (inside) {
      i = inside.end - 1;
      continue;
    }
    if (code[i] === "(") parens++;
    else if (code[i] === ")" && --parens === 0) return i + 1;
  }
  return i;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The violations of one file (`file` relative to the root, "/" separators). */
export function scanSource(file: string, text: string, models: Model[], owners: Record<string, string[]> = TABLE_OWNERS): Violation[] {
  const { code, literals } = lex(text);
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === "\n") lineStarts.push(k + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const found = new Map<string, Violation>();
  const report = (offset: number, model: Model, kind: Violation["kind"]) => {
    if (isOwner(file, owners[model.name] ?? [])) return;
    const line = lineOf(offset);
    const key = `${line}:${model.name}:${kind}`;
    if (!found.has(key)) found.set(key, { file, line, model: model.name, kind, source: text.split("\n")[line - 1]!.trim() });
  };

  const byDelegate = new Map(models.map((m) => [m.delegate, m]));
  const delegates = models.map((m) => escape(m.delegate)).join("|");
  const access = new RegExp(`([A-Za-z_$][\\w$]*)\\s*\\??\\.\\s*(${delegates})\\b(?:\\s*\\??\\.\\s*([A-Za-z_$][\\w$]*))?`, "g");
  const bracket = new RegExp(`([A-Za-z_$][\\w$]*)\\s*\\??\\.?\\[\\s*["'\`](${delegates})["'\`]\\s*\\]`, "g");
  for (const pattern of [access, bracket]) {
    for (const match of code.matchAll(pattern)) {
      const [, receiver, delegate, method] = match;
      // Inside a string literal it is text, not code (the raw-SQL rule below looks at those).
      const at = match.index! + match[0].indexOf(delegate!, receiver!.length);
      if (pattern === access && literals.some((l) => !l.template && l.start <= match.index! && match.index! < l.end)) continue;
      const isQuery = (method !== undefined && DELEGATE_METHODS.has(method)) || CLIENT_RECEIVER.test(receiver!) || /Db$/.test(receiver!);
      if (isQuery) report(at, byDelegate.get(delegate!)!, "query");
    }
  }

  // Raw SQL: the text a marker applies to, and (in a file that runs raw SQL) any SQL-looking literal.
  const spans: Literal[] = [];
  for (const match of code.matchAll(RAW_MARKER)) {
    const start = match.index! + match[0].length;
    spans.push({ start, end: extentOf(code, start, literals), template: true });
  }
  if (spans.length > 0)
    spans.push(...literals.filter((l) => /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|INTO|TABLE)\b/.test(text.slice(l.start, l.end))));
  for (const model of models) {
    const table = escape(model.table);
    const mention = new RegExp(`"${table}"|\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+${table}\\b`, "g");
    for (const span of spans) {
      // The span's own text, with literals kept (that is where SQL is) and comments blanked.
      const slice = code.slice(span.start, span.end);
      for (const m of slice.matchAll(mention)) report(span.start + m.index!, model, "raw SQL");
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) files.push(full);
    }
  };
  walk(path.join(root, "app"));
  const server = path.join(root, "server.ts");
  try {
    if (statSync(server).isFile()) files.push(server);
  } catch {
    // no server.ts in this tree
  }
  return files;
}

export interface OwnerCheck {
  violations: Violation[];
  /** Models of the schema with no line in TABLE_OWNERS (a violation too). */
  unowned: string[];
  scanned: number;
}

/** Scans the tree under `root` (the repository by default). */
export function checkTableOwners(
  root = path.resolve(import.meta.dirname, ".."),
  owners: Record<string, string[]> = TABLE_OWNERS,
): OwnerCheck {
  const models = readModels(readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
  const files = sourceFiles(root);
  const violations = files.flatMap((full) =>
    scanSource(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "utf8"), models, owners),
  );
  return { violations, unowned: models.map((m) => m.name).filter((name) => !owners[name]?.length), scanned: files.length };
}

export function formatViolations(check: OwnerCheck, owners: Record<string, string[]> = TABLE_OWNERS): string[] {
  return [
    ...check.unowned.map((model) => `prisma/schema.prisma: model ${model} has no owner in TABLE_OWNERS (scripts/check-table-owners.ts)`),
    ...check.violations.map(
      (v) =>
        `${v.file}:${v.line}: ${v.model} (${v.kind}) outside its owner ${owners[v.model]?.join(", ") ?? "(none)"}: call the owner's functions\n    ${v.source}`,
    ),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const rootArg = process.argv.indexOf("--root");
  const check = checkTableOwners(rootArg > 0 ? path.resolve(process.argv[rootArg + 1]!) : undefined);
  const lines = formatViolations(check);
  if (lines.length > 0) {
    console.error(lines.join("\n"));
    console.error(`table owners: ${lines.length} violation(s) in ${check.scanned} files`);
    process.exit(1);
  }
  console.log(`table owners: every table is used only by its owner (${check.scanned} files scanned)`);
}
