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
import { createClient, type Client, type Config, type InStatement, type Transaction, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

const BEGIN: Record<TransactionMode, string> = { write: "BEGIN IMMEDIATE", read: "BEGIN DEFERRED", deferred: "BEGIN DEFERRED" };

/** A transaction on the shared connection; the adapter's lock keeps everything else out meanwhile. */
async function sharedConnectionTransaction(client: Client, mode: TransactionMode): Promise<Transaction> {
  await client.execute(BEGIN[mode]);
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

/** A libSQL client for a local file whose transactions stay on its one connection. */
export function singleConnectionClient(config: Config, synchronous: "FULL" | "NORMAL" = "FULL"): Client {
  const client = createClient(config);
  // Runs synchronously on the local connection before Prisma sends anything.
  client.execute("PRAGMA journal_mode = WAL").catch((error: unknown) => {
    console.error(`[db] could not switch SQLite to WAL (${error instanceof Error ? error.message : String(error)})`);
  });
  client.execute("PRAGMA busy_timeout = 5000").catch(() => undefined);
  if (synchronous === "NORMAL") client.execute("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "transaction") return (mode: TransactionMode = "write") => sharedConnectionTransaction(target, mode);
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const isLocalFile = (url: string) => url.startsWith("file:") && !url.includes(":memory:");

/**
 * Prisma's libSQL adapter factory; local files get the single-connection client.
 * `sqliteStock` (DATABASE_SQLITE_STOCK=1) falls back to the stock client (A/B in bench/chat-overhead.ts).
 */
export class SqliteAdapterFactory extends PrismaLibSQL {
  constructor(
    config: Config,
    private readonly options: { sqliteStock?: boolean; sqliteSynchronous?: "FULL" | "NORMAL" } = {},
  ) {
    super(config);
  }

  override createClient(config: Config): Client {
    const stock = this.options.sqliteStock || !isLocalFile(config.url);
    return stock ? super.createClient(config) : singleConnectionClient(config, this.options.sqliteSynchronous);
  }
}
