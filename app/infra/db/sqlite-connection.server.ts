// The SQLite side of createDatabase: Prisma's libSQL adapter with one lasting
// connection per process, in WAL mode.
//
// Why not the stock adapter as is: @libsql/client (0.8) hands its connection to every
// transaction and opens a NEW connection for whatever comes next, never closing the old
// one (it waits for the garbage collector). Every chat turn writes in a transaction, so
// every turn paid for opening the file, re-reading the schema and re-preparing every
// statement, and left an open connection behind (bench/turn-queries.ts, README "Performance").
// The adapter already runs one statement at a time and holds its lock from BEGIN to
// COMMIT/ROLLBACK, so a transaction can run on the one shared connection safely.
//
// WAL: the migration runner sets it (app/db/migrate.server.ts); it is set here again for
// a database file that did not come through it. The mode is stored in the file.
// synchronous stays at SQLite's default (FULL): an acknowledged message survives a power cut.
// DATABASE_SQLITE_SYNCHRONOUS=NORMAL exists to measure what that costs (bench/chat-overhead.ts,
// README "Performance"); production keeps FULL.
//
// The connection's lock: a Prisma transaction holds it from BEGIN to COMMIT/ROLLBACK, a
// statement outside one holds it while it runs, and the chat turn's direct SQL
// (direct-sql.server.ts) takes it too, so nothing ever lands inside another's transaction.
import type { Client, Config, InStatement, Transaction, TransactionMode } from "@libsql/client";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import { expandConfig } from "@libsql/core/config";
import Database from "libsql";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { SQLITE_WRITE_WAIT_MS, type SharedSqliteConnection, type SqliteStatement, type SqliteStatements } from "./direct-sql.server";

const BEGIN: Record<TransactionMode, string> = { write: "BEGIN IMMEDIATE", read: "BEGIN DEFERRED", deferred: "BEGIN DEFERRED" };

/** First come, first served; acquire() resolves to the release function. */
class ConnectionLock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return ready;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** A transaction on the shared connection, holding its lock until it ends. */
async function sharedConnectionTransaction(client: Client, mode: TransactionMode, release: () => void): Promise<Transaction> {
  try {
    await client.execute(BEGIN[mode]);
  } catch (error) {
    release();
    throw error;
  }
  let open = true;
  const ensureOpen = () => {
    if (!open) throw new Error("The transaction is closed");
  };
  const end = async (sql: "COMMIT" | "ROLLBACK") => {
    if (!open) return;
    open = false;
    try {
      await client.execute(sql);
    } catch (error) {
      // A COMMIT that failed (e.g. SQLITE_BUSY) must not leave the shared connection
      // inside a transaction: roll back, then report the failure.
      await client.execute("ROLLBACK").catch(() => undefined);
      if (sql === "COMMIT") throw error;
    } finally {
      release();
    }
  };
  return {
    execute: (stmt: InStatement) => (ensureOpen(), client.execute(stmt)),
    batch: async (stmts: InStatement[]) => {
      ensureOpen();
      const results = [];
      for (const stmt of stmts) results.push(await client.execute(stmt));
      return results;
    },
    executeMultiple: (sql: string) => (ensureOpen(), client.executeMultiple(sql)),
    commit: () => end("COMMIT"),
    rollback: () => end("ROLLBACK"),
    close: () => void end("ROLLBACK"),
    get closed() {
      return !open;
    },
  } as Transaction;
}

/** Prepared statements kept per connection: the direct SQL's texts are a fixed set, the bound only guards against a mistake. */
const MAX_PREPARED = 256;

interface SingleConnection {
  /** The client for the lock's holder. */
  raw: Client;
  /** The client for Prisma: every call takes the lock. */
  locked: Client;
  /** The same connection for the direct SQL, with its prepared statements. */
  statements: SqliteStatements;
}

/**
 * @libsql/client's own local client around a libsql connection this module opened (as its
 * createClient would), so the direct SQL can use the very same connection with statements
 * prepared once.
 */
function openSingleConnection(config: Config, synchronous: "FULL" | "NORMAL", lock: ConnectionLock): SingleConnection {
  const expanded = expandConfig(config, true);
  if (expanded.scheme !== "file") throw new Error("the single SQLite connection needs a file: URL");
  // A local file: none of @libsql/client's remote options (auth token, sync URL) apply.
  const options = {};
  const db = new Database(expanded.path, options);
  const client: Client = new Sqlite3Client(expanded.path, options, db, expanded.intMode);
  const prepared = new Map<string, SqliteStatement>();
  const statements: SqliteStatements = {
    prepared(sql) {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = db.prepare(sql) as unknown as SqliteStatement;
        if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
        prepared.set(sql, statement);
      }
      return statement;
    },
    exec: (sql) => void db.exec(sql),
    tryBeginImmediate() {
      // PRAGMA busy_timeout answers with a row: a statement, not exec.
      statements.prepared("PRAGMA busy_timeout = 0").all([]);
      try {
        db.exec("BEGIN IMMEDIATE");
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === "SQLITE_BUSY") return false;
        throw error;
      } finally {
        statements.prepared(`PRAGMA busy_timeout = ${SQLITE_WRITE_WAIT_MS}`).all([]);
      }
    },
    get inTransaction() {
      return db.inTransaction;
    },
  };
  // Runs synchronously on the local connection before Prisma sends anything.
  client.execute("PRAGMA journal_mode = WAL").catch((error: unknown) => {
    console.error(`[db] could not switch SQLite to WAL (${error instanceof Error ? error.message : String(error)})`);
  });
  client.execute(`PRAGMA busy_timeout = ${SQLITE_WRITE_WAIT_MS}`).catch(() => undefined);
  if (synchronous === "NORMAL") client.execute("PRAGMA synchronous = NORMAL").catch(() => undefined);
  const lockedMethods = new Set<PropertyKey>(["execute", "batch", "executeMultiple"]);
  const locked = new Proxy(client, {
    get(target, property, receiver) {
      if (property === "transaction")
        return async (mode: TransactionMode = "write") => sharedConnectionTransaction(target, mode, await lock.acquire());
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const bound = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      return lockedMethods.has(property) ? (...args: unknown[]) => lock.run(() => bound(...args)) : bound;
    },
  });
  return { raw: client, locked, statements };
}

/**
 * The one connection of a local SQLite file and its lock, whose transactions stay on it;
 * reopened after Prisma closed it.
 */
export function sharedSqliteConnection(config: Config, synchronous: "FULL" | "NORMAL" = "FULL"): SharedSqliteConnection {
  const lock = new ConnectionLock();
  let current: SingleConnection | undefined;
  const open = () => {
    if (!current || current.raw.closed) current = openSingleConnection(config, synchronous, lock);
    return current;
  };
  return {
    client: () => open().locked,
    exclusive: async (fn) => {
      const { statements } = open();
      return lock.run(async () => fn(statements));
    },
  };
}

const isLocalFile = (url: string) => url.startsWith("file:") && !url.includes(":memory:");

/**
 * Prisma's libSQL adapter factory; local files get the single-connection client.
 * `sqliteStock` (DATABASE_SQLITE_STOCK=1) falls back to the stock client (A/B in bench/chat-overhead.ts).
 */
export class SqliteAdapterFactory extends PrismaLibSQL {
  /** The shared connection, for the chat turn's direct SQL; undefined in stock mode or for a non-file URL. */
  readonly shared: SharedSqliteConnection | undefined;

  constructor(config: Config, options: { sqliteStock?: boolean; sqliteSynchronous?: "FULL" | "NORMAL" } = {}) {
    super(config);
    const stock = options.sqliteStock || !isLocalFile(config.url);
    this.shared = stock ? undefined : sharedSqliteConnection(config, options.sqliteSynchronous);
  }

  override createClient(config: Config): Client {
    return this.shared ? this.shared.client() : super.createClient(config);
  }
}
