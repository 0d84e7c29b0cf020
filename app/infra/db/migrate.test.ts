import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { applyMigrations } from "./migrate.server";
import { postgresSchemaText, schemaSnapshot } from "../../../prisma/generate-clients";

const prismaDir = path.resolve(import.meta.dirname, "..", "..", "..", "prisma");
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratch(migrations: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "psa-migrate-"));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, "migrations", name), { recursive: true });
    writeFileSync(path.join(dir, "migrations", name, "migration.sql"), sql);
  }
  return { dir, url: `file:${path.join(dir, "db.sqlite")}` };
}

describe("migrations", () => {
  it("applies pending migrations once, in order", async () => {
    const { dir, url } = scratch({
      "0001_a": `CREATE TABLE "A" ("id" TEXT PRIMARY KEY);`,
      "0002_b": `CREATE TABLE "B" ("id" TEXT PRIMARY KEY);`,
    });
    expect(await applyMigrations(url, dir)).toEqual(["0001_a", "0002_b"]);
    expect(await applyMigrations(url, dir)).toEqual([]);
  });

  it("leaves nothing half-applied when a migration fails", async () => {
    const { dir, url } = scratch({
      "0001_bad": `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nCREATE TABLE broken syntax here;`,
    });
    await expect(applyMigrations(url, dir)).rejects.toThrow();
    const client = createClient({ url });
    const tables = await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    client.close();
    expect(tables.rows.map((row) => String(row.name))).not.toContain("Half");
    expect(await applyMigrations(url, scratch({}).dir).catch(() => "no dir")).toBe("no dir");
  });

  it("has a migration for every schema change, and the PostgreSQL schema is current", () => {
    const schema = readFileSync(path.join(prismaDir, "schema.prisma"), "utf8");
    // A schema edit without `tsx prisma/generate-clients.ts --migration <name>` fails here.
    expect(readFileSync(schemaSnapshot, "utf8")).toBe(schema);
    expect(readFileSync(path.join(prismaDir, "postgres", "schema.prisma"), "utf8")).toBe(postgresSchemaText(schema));
  });
});
