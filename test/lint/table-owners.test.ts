// The table-owner check (scripts/check-table-owners.ts): the real tree passes; a file
// that queries another feature's table, directly or in raw SQL, fails with its
// file:line, in a temp copy of the tree's schema (the real app/ is never written to).
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { checkTableOwners, readModels, scanSource, TABLE_OWNERS } from "../../scripts/check-table-owners";

const root = path.resolve(import.meta.dirname, "..", "..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "table-owners-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "prisma"), { recursive: true });
  copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(dir, "prisma", "schema.prisma"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const models = readModels(readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));

describe("table owners", () => {
  it("every model of the schema has an owner, and the real tree uses each table only there", () => {
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(models.map((m) => m.name).sort());
    const check = checkTableOwners(root);
    expect(check.unowned).toEqual([]);
    expect(check.violations).toEqual([]);
    expect(check.scanned).toBeGreaterThan(100);
  });

  it("fails on a file in app/analytics that queries db.conversation, naming the file and line", async () => {
    const dir = fixture({
      "app/analytics/peek.server.ts": [
        `import type { Database } from "../infra/db/create-database.server";`,
        `// db.conversation in a comment is not a query`,
        `export const peek = (db: Database, shop: string) =>`,
        `  db.conversation.findMany({ where: { shop } });`,
        "",
      ].join("\n"),
      "app/conversations/store/conversation-rows.server.ts": `export const rows = (db: any) => db.conversation.findMany();\n`,
    });
    const check = checkTableOwners(dir);
    expect(check.violations).toEqual([
      expect.objectContaining({ file: "app/analytics/peek.server.ts", line: 4, model: "Conversation", kind: "query" }),
    ]);
    // and the CLI exits 1 listing file:line
    const result = await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["scripts/check-table-owners.ts", "--root", dir],
      { cwd: root },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("app/analytics/peek.server.ts:4: Conversation (query)");
  });

  it("finds raw SQL naming another owner's table, and delegates reached through deps or passed as values", () => {
    const source = [
      `import { Prisma } from "@prisma/client";`,
      "export async function purge(tx: any, deps: any, shop: string) {",
      '  await tx.$executeRaw(Prisma.sql`DELETE FROM "Lead" WHERE "shop" = ${shop}`);',
      '  const inner = Prisma.sql`SELECT "id" FROM "Message" WHERE "shop" = ${shop}`;',
      "  await deps.db.shopEvent.count({ where: { shop } });",
      "  return reencrypt(tx.job);",
      "}",
      "const input = { shop: { shop: 'a' }, conversation: { id: 'b' } };",
      "export const harmless = [input.shop.shop, input.conversation.id, 'db.lead.count() in a string'];",
    ].join("\n");
    const found = scanSource("app/setup/purge.server.ts", source, models).map((v) => [v.line, v.model, v.kind]);
    expect(found).toEqual([
      [3, "Lead", "raw SQL"],
      [4, "Message", "raw SQL"],
      [5, "ShopEvent", "query"],
      [6, "Job", "query"],
    ]);
    // the same file as the owner of everything it touches: nothing to report
    const everyone = Object.fromEntries(models.map((m) => [m.name, ["app/setup/"]]));
    expect(scanSource("app/setup/purge.server.ts", source, models, everyone)).toEqual([]);
  });
});
