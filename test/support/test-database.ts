// A fresh, migrated database of the test's own: a temporary SQLite file by default,
// or a new PostgreSQL database when TEST_DATABASE_PROVIDER=postgres (the server
// named by TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
// Dropped again by cleanup().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "../../app/infra/db/create-database.server";
import { applyMigrations } from "../../app/infra/db/migrate.server";

export interface TestDatabase {
  url: string;
  db: Database;
  provider: "sqlite" | "postgres";
  /** Path of the SQLite file (for raw-file scans); undefined on PostgreSQL. */
  file?: string;
  cleanup(): Promise<void>;
}

const prismaDir = path.resolve(import.meta.dirname, "..", "..", "prisma");

export function testDatabaseProvider(): "sqlite" | "postgres" {
  return process.env.TEST_DATABASE_PROVIDER === "postgres" ? "postgres" : "sqlite";
}

async function withPostgresAdmin<T>(fn: (client: import("pg").Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({
    connectionString: process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseProvider() === "postgres") {
    const name = `psa_test_${randomBytes(6).toString("hex")}`;
    await withPostgresAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
    const adminUrl = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    adminUrl.pathname = `/${name}`;
    const url = adminUrl.toString();
    await applyMigrations(url, prismaDir);
    const db = createDatabase(url);
    return {
      url,
      db,
      provider: "postgres",
      async cleanup() {
        await db.$disconnect();
        await withPostgresAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "psa-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  await applyMigrations(url, prismaDir);
  const db = createDatabase(url);
  return {
    url,
    db,
    provider: "sqlite",
    file,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
