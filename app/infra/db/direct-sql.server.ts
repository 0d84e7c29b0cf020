// The chat turn's hot path to the database: parameterised SQL straight through the
// driver, with group commit. Everything else in the app goes through Prisma.
//
// Why (docs/decisions/0012-direct-sql-and-group-commit.md): every Prisma operation costs
// 0.4–1 ms of CPU in the client (query compilation, the request pipeline) before the
// driver runs a statement that takes tens of microseconds, and a turn runs six or seven
// of them; and each turn's commit was an fsync of its own. Here:
// - SQLite: the statements run on Prisma's own single connection (sqlite-connection.server.ts),
//   under the connection's lock, so they never land inside a Prisma transaction;
// - PostgreSQL: a small pg pool of its own (DirectSqlOptions.poolSize).
// - write(): the statements of every turn waiting while a commit is running go into the
//   next transaction together (group commit): one commit, one fsync for all of them.
//   Each caller's promise settles only after the commit that holds its statements.
//   If that transaction fails, each caller's statements are retried in a transaction of
//   their own, so one bad turn (its conversation deleted meanwhile, say) fails alone.
//
// SQL is written with `?` placeholders in the syntax SQLite and PostgreSQL share; values
// are strings, numbers, booleans, Dates or null. Dates are stored exactly as Prisma
// stores them (SQLite: ISO text with "+00:00"; PostgreSQL: timestamp(3) in UTC), so the
// rows are the same whichever path wrote them. Reads return plain rows: callers turn date
// columns into Dates with `new Date(value)` and booleans with `Boolean(value)`.
import type { Client } from "@libsql/client";
import pg from "pg";

export type SqlValue = string | number | boolean | Date | null;
export interface SqlStatement {
  sql: string;
  args: SqlValue[];
}
export type SqlRow = Record<string, unknown>;

export interface DirectSql {
  query(statement: SqlStatement): Promise<SqlRow[]>;
  /** Runs the statements in one transaction (shared with concurrent callers); settles after the commit. */
  write(statements: SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}

/** The driver side: one read, and one transaction over a list of statements. */
export interface SqlDriver {
  query(statement: SqlStatement): Promise<SqlRow[]>;
  transaction(statements: SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}

export const sql = (strings: TemplateStringsArray, ...args: SqlValue[]): SqlStatement => ({ sql: strings.join("?"), args });

/** Group commit over a driver: what arrives while a transaction runs goes into the next one. */
export function groupCommit(driver: SqlDriver): DirectSql {
  interface Waiting {
    statements: SqlStatement[];
    resolve(): void;
    reject(error: unknown): void;
  }
  let queue: Waiting[] = [];
  let running = false;

  // One transaction per flush. The next flush waits for the next turn of the event loop,
  // so that turns whose I/O (a model's answer, a request body) arrived during the commit
  // add their writes to it: on SQLite a commit blocks the thread, so without that pause
  // the next transaction would hold only what was queued before the commit.
  async function flush(): Promise<void> {
    const group = queue;
    queue = [];
    try {
      await driver.transaction(group.flatMap((w) => w.statements));
      for (const w of group) w.resolve();
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      // One caller's statement may be what failed: each alone, so only that one fails.
      else for (const w of group) await driver.transaction(w.statements).then(w.resolve, w.reject);
    }
    if (queue.length > 0) setImmediate(() => void flush());
    else running = false;
  }

  return {
    query: (statement) => driver.query(statement),
    write(statements) {
      if (statements.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ statements, resolve, reject });
        // Started on the next turn of the event loop, so that writes issued meanwhile share it.
        if (!running) {
          running = true;
          setImmediate(() => void flush());
        }
      });
    },
    close: () => driver.close(),
  };
}

/** Calls `seen` with every statement before it runs (tests check invariants over every statement). */
export function observedDirectSql(inner: DirectSql, seen: (statement: SqlStatement) => void): DirectSql {
  return {
    query: (statement) => (seen(statement), inner.query(statement)),
    write: (statements) => (statements.forEach(seen), inner.write(statements)),
    close: () => inner.close(),
  };
}

/** A transaction that ran as one call: its statements are listed, its time goes on the COMMIT line. */
function logTransaction(log: ((line: string) => void) | undefined, statements: SqlStatement[], started: number) {
  if (!log) return;
  log(`[query] 0ms BEGIN`);
  for (const s of statements) log(`[query] 0ms ${s.sql}`);
  log(`[query] ${performance.now() - started}ms COMMIT`);
}

// ---- SQLite: Prisma's shared connection, under its lock ----

/** Prisma's "+00:00" form of a UTC timestamp in SQLite. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");
const sqliteArgs = (args: SqlValue[]) => args.map((v) => (v instanceof Date ? sqliteDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : v));

/** A statement of the shared connection, prepared once (libsql's better-sqlite3-style API). */
export interface SqliteStatement {
  readonly reader: boolean;
  all(args: unknown[]): unknown[];
  run(args: unknown[]): unknown;
}

/** The shared connection as the direct SQL uses it while it holds the lock. */
export interface SqliteStatements {
  /** The statement for `sql`, prepared on its first use on this connection and kept. */
  prepared(sql: string): SqliteStatement;
  exec(sql: string): void;
  /** BEGIN IMMEDIATE without waiting: false when another process holds the write lock (SQLITE_BUSY). */
  tryBeginImmediate(): boolean;
  readonly inTransaction: boolean;
}

/** How long a write waits for another process's write lock, as the connection's busy_timeout does for Prisma. */
export const SQLITE_WRITE_WAIT_MS = 5_000;

export interface SharedSqliteConnection {
  client(): Client;
  /** Runs fn while nothing else uses the connection (no Prisma transaction is open on it). */
  exclusive<T>(fn: (connection: SqliteStatements) => T): Promise<T>;
}

/**
 * Straight on the connection, with statements prepared once: through @libsql/client each
 * statement was prepared again on every call (and a statement returning no rows raised and
 * caught an exception), about 5 % of the app's CPU per chat turn on SQLite.
 */
export function sqliteDriver(connection: SharedSqliteConnection, log?: (line: string) => void): SqlDriver {
  const logged = (s: SqlStatement, started: number) => log?.(`[query] ${performance.now() - started}ms ${s.sql}`);
  const run = (c: SqliteStatements, s: SqlStatement) => {
    const statement = c.prepared(s.sql);
    const args = sqliteArgs(s.args);
    return statement.reader ? (statement.all(args) as SqlRow[]) : (statement.run(args), []);
  };
  return {
    query: (statement) =>
      connection.exclusive((c) => {
        const started = performance.now();
        const rows = run(c, statement);
        logged(statement, started);
        return rows;
      }),
    // Another process (a second worker) may hold SQLite's write lock. Waiting for it in
    // SQLite's busy handler would stop this process's event loop for as long (every other
    // request waits behind the sleeping thread), so the write lock is asked for without
    // waiting and, while it is taken, asked again a millisecond later from a timer, the
    // event loop serving other requests meanwhile (and more turns joining the next group).
    async transaction(statements) {
      const deadline = performance.now() + SQLITE_WRITE_WAIT_MS;
      for (;;) {
        const done = await connection.exclusive((c) => {
          const started = performance.now();
          if (!c.tryBeginImmediate()) return false;
          // One synchronous run underneath: the statements, COMMIT.
          try {
            for (const s of statements) run(c, s);
            c.exec("COMMIT");
          } finally {
            if (c.inTransaction) c.exec("ROLLBACK");
          }
          logTransaction(log, statements, started);
          return true;
        });
        if (done) return;
        if (performance.now() > deadline) throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
    close: async () => undefined,
  };
}

// ---- PostgreSQL: a pg pool of its own ----

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

const postgresArgs = (args: SqlValue[]) => args.map((v) => (v instanceof Date ? v.toISOString() : v));
/** `?` → `$1, $2…` (our SQL has no `?` inside string literals). */
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

/**
 * A value as a SQL literal, for a transaction sent as one simple-protocol query. Strings go
 * through node-postgres' own escapeLiteral (quotes doubled; with a backslash, an E'' string
 * with it doubled, right whether or not standard_conforming_strings is on); numbers are
 * parenthesised so a negative one never meets a minus sign as `--`.
 */
export function postgresLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("a SQL number must be finite");
    return `(${value})`;
  }
  return pg.escapeLiteral(value instanceof Date ? value.toISOString() : value);
}

/** The statement with each `?` replaced by its argument's literal (our SQL has no `?` inside string literals). */
export function inlinedStatement(s: SqlStatement): string {
  let n = 0;
  const text = s.sql.replace(/\?/g, () => {
    if (n >= s.args.length) throw new Error("more placeholders than arguments");
    return postgresLiteral(s.args[n++]!);
  });
  if (n !== s.args.length) throw new Error("more arguments than placeholders");
  return text;
}

export function postgresDriver(url: string, poolSize: number, log?: (line: string) => void): SqlDriver {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Prisma keeps DateTime as timestamp(3) in UTC; pg would read it as local time.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
          ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that the server ends (restart, DROP DATABASE … FORCE) must not crash the process.
  pool.on("error", (error) => console.error(`[db] direct SQL pool: ${error.message}`));
  const run = async (client: pg.Pool, s: SqlStatement) => {
    const started = performance.now();
    const result = await client.query(numbered(s.sql), postgresArgs(s.args));
    log?.(`[query] ${performance.now() - started}ms ${s.sql}`);
    return result.rows as SqlRow[];
  };
  return {
    query: (statement) => run(pool, statement),
    // One message and one round trip for the whole transaction: several statements in one
    // simple-protocol query run as one implicit transaction (all or none; PostgreSQL docs,
    // "Multiple Statements in a Simple Query"). node-postgres sends one query at a time and
    // waits for its answer, so BEGIN, each statement and COMMIT as parameterised queries
    // cost a round trip each, and those socket writes were about 10 % of the app's CPU with
    // two workers. The values are inlined as escaped literals (postgresLiteral).
    async transaction(statements) {
      const started = performance.now();
      await pool.query(statements.map(inlinedStatement).join(";\n"));
      logTransaction(log, statements, started);
    },
    close: () => pool.end(),
  };
}

// ---- Any Prisma client: its raw queries (a database not opened by createDatabase) ----

interface RawQueries {
  $queryRawUnsafe(query: string, ...values: unknown[]): Promise<unknown>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $transaction(queries: unknown[]): Promise<unknown>;
}

export function prismaRawDriver(db: RawQueries, postgres: boolean): SqlDriver {
  const text = (s: SqlStatement) => (postgres ? numbered(s.sql) : s.sql);
  return {
    query: async (s) => (await db.$queryRawUnsafe(text(s), ...s.args)) as SqlRow[],
    transaction: async (statements) => void (await db.$transaction(statements.map((s) => db.$executeRawUnsafe(text(s), ...s.args)))),
    close: async () => undefined,
  };
}
