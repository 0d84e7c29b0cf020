// A small migration runner: the same code path for SQLite and PostgreSQL, because
// Prisma's `migrate deploy` cannot run on PostgreSQL offline through a driver
// adapter (prisma/orm#27403). See docs/decisions/0001-persistence.md.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "./database-url";

interface SqlRunner {
  exec(sql: string): Promise<void>;
  appliedNames(): Promise<Set<string>>;
  record(name: string): Promise<void>;
  close(): Promise<void>;
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;

async function postgresRunner(url: string): Promise<SqlRunner> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(LEDGER);
  return {
    exec: async (sql) => void (await client.query(sql)),
    appliedNames: async () =>
      new Set((await client.query(`SELECT "name" FROM "_app_migrations"`)).rows.map((r) => String(r.name))),
    record: async (name) =>
      void (await client.query(`INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES ($1, $2)`, [
        name,
        new Date().toISOString(),
      ])),
    close: () => client.end(),
  };
}

async function sqliteRunner(url: string): Promise<SqlRunner> {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url });
  await client.execute(LEDGER);
  return {
    exec: (sql) => client.executeMultiple(sql),
    appliedNames: async () =>
      new Set((await client.execute(`SELECT "name" FROM "_app_migrations"`)).rows.map((r) => String(r.name))),
    record: async (name) =>
      void (await client.execute({
        sql: `INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES (?, ?)`,
        args: [name, new Date().toISOString()],
      })),
    close: async () => client.close(),
  };
}

/** Applies, in name order, every migration not yet recorded; returns the names applied. */
export async function applyMigrations(databaseUrl: string, prismaDir: string): Promise<string[]> {
  const postgres = isPostgresUrl(databaseUrl);
  const dir = postgres ? path.join(prismaDir, "postgres", "migrations") : path.join(prismaDir, "migrations");
  const runner = postgres ? await postgresRunner(databaseUrl) : await sqliteRunner(databaseUrl);
  try {
    const done = await runner.appliedNames();
    const pending = readdirSync(dir)
      .filter((name) => existsSync(path.join(dir, name, "migration.sql")) && !done.has(name))
      .sort();
    for (const name of pending) {
      await runner.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
      await runner.record(name);
    }
    return pending;
  } finally {
    await runner.close();
  }
}
