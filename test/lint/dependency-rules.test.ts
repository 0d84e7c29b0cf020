// The dependency rules (.dependency-cruiser.cjs and scripts/check-folder-cycles.ts) catch
// what they are meant to catch: each case adds one bad import to a small clean tree in a
// temp directory and runs the project's config on it.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// node_modules/.bin first: its `node` is the Node 22 that dependency-cruiser needs.
const env = { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` };
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const clean: Record<string, string> = {
  "app/routes/app.catalog.tsx": `import { products } from "../composition/deps.server";\nexport const loader = () => products();\n`,
  "app/composition/deps.server.ts": `import { listProducts } from "../catalog/catalog";\nexport const products = () => listProducts();\n`,
  "app/catalog/catalog.ts": `import { db } from "../infra/db/db.server";\nimport type { Card } from "../contracts/cards";\nexport const listProducts = (): Card[] => (db ? [] : []);\n`,
  "app/catalog/catalog.test.ts": `import { loader } from "../routes/app.catalog";\nexport const t = loader;\n`, // tests may import anything
  "app/orders/orders.ts": `import { listProducts } from "../catalog/catalog";\nexport const orders = () => listProducts();\n`,
  "app/infra/db/db.server.ts": `export const db = 1;\n`,
  "app/contracts/cards.ts": `export type Card = { title: string };\n`,
  "extensions/shop-assistant/src/index.ts": `import type { Card } from "../../../app/contracts/cards";\nimport { el } from "./dom";\nexport const show = (card: Card) => el(card.title);\n`,
  "extensions/shop-assistant/src/dom.ts": `export const el = (text: string) => text;\n`,
};

function fixture(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dependency-rules-"));
  dirs.push(dir);
  for (const [file, text] of Object.entries({ ...clean, ...extra })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? "" };
  }
}

/** Names of the dependency-cruiser rules violated in the tree, and the folder-cycle check's result. */
async function check(extra: Record<string, string>) {
  const dir = fixture(extra);
  const [cruise, cycles] = await Promise.all([
    // The output type `npm run lint` uses: it also sets the exit code.
    run(
      bin("depcruise"),
      ["--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "err", "app", "extensions/shop-assistant/src"],
      dir,
    ),
    run(bin("tsx"), [path.join(root, "scripts", "check-folder-cycles.ts")], dir),
  ]);
  const rules = [...new Set([...cruise.stdout.matchAll(/^\s*error ([\w-]+):/gm)].map((m) => m[1]))].sort();
  return { rules, cruiseCode: cruise.code, cycles };
}

describe.concurrent("dependency rules", { timeout: 60_000 }, () => {
  it("pass on a clean tree (routes → composition → features → infra, widget → contracts type-only)", async () => {
    const result = await check({});
    expect(result.rules).toEqual([]);
    expect(result.cruiseCode).toBe(0);
    expect(result.cycles.code, result.cycles.stdout).toBe(0);
  });

  it("catch a feature importing a route", async () => {
    const result = await check({ "app/catalog/link.ts": `import { loader } from "../routes/app.catalog";\nexport const l = loader;\n` });
    expect(result.rules).toEqual(["no-import-of-routes"]);
    expect(result.cruiseCode).not.toBe(0);
  });

  it("catch a cycle between two feature folders (no file cycle)", async () => {
    const result = await check({
      "app/catalog/order-count.ts": `import { orders } from "../orders/orders";\nexport const count = () => orders().length;\n`,
    });
    expect(result.rules).toEqual([]); // no file-level cycle: only the folder check sees it
    expect(result.cycles.code).not.toBe(0);
    expect(result.cycles.stdout).toContain("Folder cycle between app/catalog, app/orders");
  });

  it("catch infra importing a feature or composition", async () => {
    const result = await check({
      "app/infra/http/products.ts": `import { listProducts } from "../../catalog/catalog";\nexport const p = listProducts;\n`,
      "app/infra/jobs/worker.ts": `import { products } from "../../composition/deps.server";\nexport const w = products;\n`,
    });
    expect(result.rules).toEqual(["infra-not-to-features"]);
    expect(result.cruiseCode).not.toBe(0);
  });

  it("catch the widget importing a server file, and a value import of app/contracts", async () => {
    const result = await check({
      "extensions/shop-assistant/src/bad.ts": `import { db } from "../../../app/infra/db/db.server";\nexport const b = db;\n`,
      "app/contracts/limits.ts": `export const MAX = 1;\n`,
      "extensions/shop-assistant/src/limits.ts": `import { MAX } from "../../../app/contracts/limits";\nexport const m = MAX;\n`,
    });
    expect(result.rules).toEqual(["client-not-to-server", "widget-contracts-type-only", "widget-self-contained"]);
    expect(result.cruiseCode).not.toBe(0);
  });

  it("catch a feature importing composition, the UI kit importing a feature and contracts importing app code", async () => {
    const result = await check({
      "app/orders/order-products.ts": `import { products } from "../composition/deps.server";\nexport const p = products;\n`,
      "app/admin-ui/product-list.tsx": `import { listProducts } from "../catalog/catalog";\nexport const P = () => listProducts().length;\n`,
      "app/contracts/orders.ts": `import type { orders } from "../orders/orders";\nexport type Orders = ReturnType<typeof orders>;\n`,
    });
    expect(result.rules).toEqual(["admin-ui-only-infra-and-contracts", "contracts-import-nothing", "features-not-to-composition"]);
  });
});
