// Builds a Prisma client for a database URL: SQLite through the libSQL driver
// adapter, PostgreSQL (postgres:// URLs) through the pg adapter. Both clients are
// generated from one schema (prisma/generate-clients.ts), so they share one type.
import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl } from "./database-url";
import { SqliteAdapterFactory } from "./sqlite-connection.server";

export type Database = PrismaClient;

export interface DatabaseOptions {
  /** Prints every SQL statement with its duration to stderr (`[query] 0ms SELECT …`): how bench/turn-queries.ts counts them. */
  queryLog?: boolean;
  /** SQLite's synchronous pragma: FULL (an fsync per commit, production) or NORMAL (measuring only). */
  sqliteSynchronous?: "FULL" | "NORMAL";
  /** The stock libSQL client instead of the single connection (docs/decisions/0004); measuring only. */
  sqliteStock?: boolean;
}

const queryLog = (options: DatabaseOptions) => (options.queryLog ? { log: [{ emit: "event" as const, level: "query" as const }] } : {});

function withQueryLog(db: Database, options: DatabaseOptions): Database {
  if (!options.queryLog) return db;
  (db as unknown as { $on(event: "query", fn: (e: { query: string; duration: number }) => void): void }).$on("query", (e) =>
    console.error(`[query] ${e.duration}ms ${e.query.replace(/\s+/g, " ").slice(0, 300)}`),
  );
  return db;
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  if (isPostgresUrl(url)) {
    const require = createRequire(import.meta.url);
    const { PrismaClient: PostgresClient } = require(".prisma/client-postgres") as {
      PrismaClient: new (options: { adapter: PrismaPg; log?: unknown }) => Database;
    };
    return withQueryLog(new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), ...queryLog(options) }), options);
  }
  const Client = PrismaClient as unknown as new (options: { adapter: SqliteAdapterFactory; log?: unknown }) => Database;
  return withQueryLog(new Client({ adapter: new SqliteAdapterFactory({ url }, options), ...queryLog(options) }), options);
}
