// Builds a Prisma client for a database URL: SQLite through the libSQL driver
// adapter, PostgreSQL (postgres:// URLs) through the pg adapter. Both clients are
// generated from one schema (prisma/generate-clients.ts), so they share one type.
import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl } from "./database-url";
import { SqliteAdapterFactory } from "./sqlite-connection.server";
import { groupCommit, postgresDriver, prismaRawDriver, sqliteDriver, type DirectSql } from "./direct-sql.server";

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

/** Connections of the chat turn's direct SQL pool on PostgreSQL (Prisma's own pool has 10 by default). */
const DIRECT_SQL_POOL_SIZE = 8;

const directSql = new WeakMap<object, DirectSql>();

/**
 * The chat turn's direct SQL with group commit (direct-sql.server.ts) for a database
 * from createDatabase; for any other client (a test's own), its raw queries.
 */
export function directSqlOf(db: Database): DirectSql {
  let direct = directSql.get(db);
  if (!direct) {
    const postgres = (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
    direct = groupCommit(prismaRawDriver(db, postgres));
    directSql.set(db, direct);
  }
  return direct;
}

/** The direct SQL for a client that createDatabase did not open (an extended client, a test's recording one). */
export function registerDirectSql(db: Database, direct: DirectSql): void {
  directSql.set(db, direct);
}

/** Closes the direct SQL pool with the client. */
function withDirectSql(db: Database, direct: DirectSql): Database {
  directSql.set(db, direct);
  const disconnect = db.$disconnect.bind(db);
  Object.defineProperty(db, "$disconnect", {
    value: async () => {
      await direct.close();
      await disconnect();
    },
  });
  return db;
}

const logLine = (options: DatabaseOptions) => (options.queryLog ? (line: string) => console.error(line) : undefined);

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  if (isPostgresUrl(url)) {
    const require = createRequire(import.meta.url);
    const { PrismaClient: PostgresClient } = require(".prisma/client-postgres") as {
      PrismaClient: new (options: { adapter: PrismaPg; log?: unknown }) => Database;
    };
    const db = withQueryLog(new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), ...queryLog(options) }), options);
    return withDirectSql(db, groupCommit(postgresDriver(url, DIRECT_SQL_POOL_SIZE, logLine(options))));
  }
  const Client = PrismaClient as unknown as new (options: { adapter: SqliteAdapterFactory; log?: unknown }) => Database;
  const adapter = new SqliteAdapterFactory({ url }, options);
  const db = withQueryLog(new Client({ adapter, ...queryLog(options) }), options);
  const driver = adapter.shared ? sqliteDriver(adapter.shared, logLine(options)) : prismaRawDriver(db, false);
  return withDirectSql(db, groupCommit(driver));
}
