// Builds a Prisma client for a database URL: SQLite through the libSQL driver
// adapter, PostgreSQL (postgres:// URLs) through the pg adapter. Both clients are
// generated from one schema (prisma/generate-clients.ts), so they share one type.
import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl } from "./database-url";
import { SqliteAdapterFactory } from "./sqlite-connection.server";

export type Database = PrismaClient;

// DATABASE_QUERY_LOG=1 prints every SQL statement with its duration to stderr
// (`[query] 0ms SELECT …`): how bench/turn-queries.ts counts the statements of a turn.
const queryLog = () => (process.env.DATABASE_QUERY_LOG === "1" ? { log: [{ emit: "event" as const, level: "query" as const }] } : {});

function withQueryLog(db: Database): Database {
  if (process.env.DATABASE_QUERY_LOG !== "1") return db;
  (db as unknown as { $on(event: "query", fn: (e: { query: string; duration: number }) => void): void }).$on("query", (e) =>
    console.error(`[query] ${e.duration}ms ${e.query.replace(/\s+/g, " ").slice(0, 300)}`),
  );
  return db;
}

export function createDatabase(url: string): Database {
  if (isPostgresUrl(url)) {
    const require = createRequire(import.meta.url);
    const { PrismaClient: PostgresClient } = require(".prisma/client-postgres") as {
      PrismaClient: new (options: { adapter: PrismaPg; log?: unknown }) => Database;
    };
    return withQueryLog(new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), ...queryLog() }));
  }
  const Client = PrismaClient as unknown as new (options: { adapter: SqliteAdapterFactory; log?: unknown }) => Database;
  return withQueryLog(new Client({ adapter: new SqliteAdapterFactory({ url }), ...queryLog() }));
}
