// A small migration runner: the same code path for SQLite and PostgreSQL, because
// Prisma's `migrate deploy` cannot run on PostgreSQL offline through a driver
// adapter (prisma/orm#27403). See docs/decisions/0001-persistence.md.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "./database-url";

interface SqlRunner {
  appliedNames(): Promise<Set<string>>;
  /** Runs one migration's SQL and records it, in one transaction: all or nothing. */
  apply(name: string, sql: string): Promise<void>;
  close(): Promise<void>;
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;

async function postgresRunner(url: string): Promise<SqlRunner> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(LEDGER);
  return {
    appliedNames: async () => new Set((await client.query(`SELECT "name" FROM "_app_migrations"`)).rows.map((r) => String(r.name))),
    async apply(name, sql) {
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES ($1, $2)`, [name, new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    close: () => client.end(),
  };
}

async function sqliteRunner(url: string): Promise<SqlRunner> {
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url });
  // WAL (a setting kept in the file): readers and the writer no longer block each other,
  // so a second process (the job worker, a CLI, a test) never meets SQLITE_BUSY on reads.
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute(LEDGER);
  return {
    appliedNames: async () => new Set((await client.execute(`SELECT "name" FROM "_app_migrations"`)).rows.map((r) => String(r.name))),
    async apply(name, sql) {
      const tx = await client.transaction("write");
      try {
        await tx.executeMultiple(sql);
        await tx.execute({
          sql: `INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES (?, ?)`,
          args: [name, new Date().toISOString()],
        });
        await tx.commit();
      } finally {
        tx.close();
      }
    },
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
      await runner.apply(name, readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    }
    return pending;
  } finally {
    await runner.close();
  }
}
