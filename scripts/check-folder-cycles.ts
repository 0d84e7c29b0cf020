// Folder-level cycle check (docs/decisions/0011-lint-and-dependency-rules.md, rule 2).
// dependency-cruiser's `circular` finds file cycles only; here every module is collapsed
// to its folder (app/<folder>; under app/infra to app/infra/<sub>, the next path segment,
// so app/infra/env.server.ts is a unit of its own) and cycles between folders are reported.
// Test files and test/ are left out (tests may import anything).
//   tsx scripts/check-folder-cycles.ts                  runs depcruise in the current directory
//   tsx scripts/check-folder-cycles.ts --input x.json   reads `depcruise --output-type json` output
// Exits 1 when a cycle is found.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

type Cruise = { modules: { source: string; dependencies: { resolved: string }[] }[] };

const root = path.resolve(import.meta.dirname, "..");
const ROOTS = ["app", "extensions/shop-assistant/src", "server.ts"];

function cruise(): Cruise {
  const inputAt = process.argv.indexOf("--input");
  if (inputAt >= 0) return JSON.parse(readFileSync(process.argv[inputAt + 1]!, "utf8")) as Cruise;
  const roots = ROOTS.filter((r) => existsSync(r));
  const result = spawnSync(
    path.join(root, "node_modules", ".bin", "depcruise"),
    ["--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "json", ...roots],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
    },
  );
  // depcruise exits non-zero when a rule is violated; the JSON is still complete.
  if (!result.stdout) throw new Error(`depcruise produced no output: ${result.stderr}`);
  return JSON.parse(result.stdout) as Cruise;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith("test/");

/** The folder a module belongs to, or undefined for modules outside app/. */
function folderOf(file: string): string | undefined {
  const parts = file.split("/");
  if (parts[0] !== "app" || parts.length < 3) return undefined; // app/root.tsx etc. are entry files
  if (parts[1] === "infra") return `app/infra/${parts[2]}`;
  return `app/${parts[1]}`;
}

const edges = new Map<string, Map<string, string>>(); // from folder → to folder → example "a → b"
for (const module of cruise().modules) {
  const from = folderOf(module.source);
  if (!from || isTest(module.source)) continue;
  for (const dependency of module.dependencies) {
    const to = folderOf(dependency.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${module.source} → ${dependency.resolved}`);
  }
}

// Tarjan's strongly connected components: every component with more than one folder is a cycle.
const folders = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const components: string[][] = [];
function visit(folder: string) {
  index.set(folder, index.size);
  low.set(folder, index.get(folder)!);
  stack.push(folder);
  onStack.add(folder);
  for (const next of [...(edges.get(folder)?.keys() ?? [])].sort()) {
    if (!index.has(next)) {
      visit(next);
      low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
    } else if (onStack.has(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
  }
  if (low.get(folder) === index.get(folder)) {
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) components.push(component.sort());
  }
}
for (const folder of folders) if (!index.has(folder)) visit(folder);

if (components.length === 0) {
  console.log(`No folder cycles (${folders.length} folders).`);
} else {
  for (const component of components) {
    console.log(`\nFolder cycle between ${component.join(", ")}:`);
    for (const from of component)
      for (const [to, example] of edges.get(from) ?? []) if (component.includes(to)) console.log(`  ${from} → ${to}   e.g. ${example}`);
  }
  console.log(`\n${components.length} folder cycle(s).`);
  process.exitCode = 1;
}
