// The chat turn's direct SQL (app/infra/db/direct-sql.server.ts): group commit, failure
// isolation, the lock it shares with Prisma on SQLite's one connection, and rows that
// are the same whichever path wrote them. Runs on SQLite and on PostgreSQL (npm test runs
// both phases).
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directSqlOf } from "../app/infra/db/create-database.server";
import { groupCommit, inlinedStatement, postgresLiteral, sql, type SqlDriver, type SqlStatement } from "../app/infra/db/direct-sql.server";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

/** A driver that records each transaction and can be told to fail one. */
function recordingDriver(fail: (statements: SqlStatement[]) => boolean = () => false) {
  const transactions: string[][] = [];
  let release: (() => void) | undefined;
  const driver: SqlDriver = {
    query: async () => [],
    async transaction(statements) {
      transactions.push(statements.map((s) => s.sql));
      // The first transaction waits until the test lets it go, so that others queue behind it.
      if (transactions.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (fail(statements)) throw new Error("constraint failed");
    },
    close: async () => undefined,
  };
  return { driver, transactions, release: () => release?.() };
}

const statement = (name: string): SqlStatement => ({ sql: name, args: [] });

describe("group commit", () => {
  it("commits what arrives while a transaction runs in one next transaction, each caller after its own commit", async () => {
    const { driver, transactions, release } = recordingDriver();
    const direct = groupCommit(driver);
    const settled: string[] = [];
    const first = direct.write([statement("a1"), statement("a2")]).then(() => settled.push("a"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(transactions).toEqual([["a1", "a2"]]);
    // While the first commit runs, three more turns write.
    const rest = ["b", "c", "d"].map((name) => direct.write([statement(`${name}1`)]).then(() => settled.push(name)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]); // nobody is acknowledged before their commit
    release();
    await Promise.all([first, ...rest]);
    expect(transactions).toEqual([
      ["a1", "a2"],
      ["b1", "c1", "d1"],
    ]);
    expect(settled).toEqual(["a", "b", "c", "d"]);
  });

  it("writes issued in the same tick share the first transaction", async () => {
    const { driver, transactions, release } = recordingDriver();
    const direct = groupCommit(driver);
    const writes = [direct.write([statement("x")]), direct.write([statement("y")])];
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all(writes);
    expect(transactions).toEqual([["x", "y"]]);
  });

  it("when a shared transaction fails, retries each caller alone: only the bad one fails", async () => {
    const { driver, transactions, release } = recordingDriver((statements) => statements.some((s) => s.sql === "bad"));
    const direct = groupCommit(driver);
    const blocker = direct.write([statement("first")]);
    await new Promise((resolve) => setImmediate(resolve));
    const good = direct.write([statement("good1"), statement("good2")]);
    const bad = direct.write([statement("bad")]);
    const alsoGood = direct.write([statement("good3")]);
    release();
    await blocker;
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow("constraint failed");
    await expect(alsoGood).resolves.toBeUndefined();
    expect(transactions.slice(1)).toEqual([["good1", "good2", "bad", "good3"], ["good1", "good2"], ["bad"], ["good3"]]);
  });

  it("writes nothing and waits for nothing when a turn has no statements", async () => {
    const { driver, transactions } = recordingDriver();
    await groupCommit(driver).write([]);
    expect(transactions).toEqual([]);
  });
});

/** Strings of quotes, backslashes, comment and statement marks, placeholders, dollar quotes, spaces and non-ASCII. */
function randomHostileStrings(count: number, seed: number): string[] {
  const pieces = [
    "'",
    "''",
    "\\",
    "\\'",
    '"',
    ";",
    "--",
    "/*",
    "*/",
    "?",
    "$1",
    "$$",
    "$tag$",
    "E'",
    "\n",
    "\t",
    " ",
    "a",
    "Z",
    "0",
    "é",
    "😀",
    "\u2028",
  ];
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(""),
  );
}

describe("PostgreSQL literals", () => {
  it("escapes strings with node-postgres' escapeLiteral, parenthesises numbers, and checks the placeholder count", () => {
    expect(postgresLiteral("it's")).toBe("'it''s'");
    expect(postgresLiteral("a\\b")).toBe(" E'a\\\\b'");
    expect(postgresLiteral(-5)).toBe("(-5)");
    expect(postgresLiteral(true)).toBe("TRUE");
    expect(postgresLiteral(null)).toBe("NULL");
    expect(postgresLiteral(new Date("2026-01-02T03:04:05.006Z"))).toBe("'2026-01-02T03:04:05.006Z'");
    expect(() => postgresLiteral(Number.NaN)).toThrow(/finite/);
    expect(inlinedStatement(sql`UPDATE "T" SET "n" = "n" -${-2}, "s" = ${"?"} WHERE "id" = ${"x"}`)).toBe(
      `UPDATE "T" SET "n" = "n" -(-2), "s" = '?' WHERE "id" = 'x'`,
    );
    expect(() => inlinedStatement({ sql: "SELECT ?, ?", args: [1] })).toThrow(/placeholders/);
    expect(() => inlinedStatement({ sql: "SELECT ?", args: [1, 2] })).toThrow(/placeholders/);
  });
});

describe("direct SQL on the real database", () => {
  let database: TestDatabase;
  const SHOP = "direct.myshopify.com";
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.shop.create({ data: { shop: SHOP } });
  });
  afterAll(() => database.cleanup());

  const conversationInsert = (id: string, at: Date) =>
    sql`INSERT INTO "Conversation" ("id", "shop", "tokenHash", "consentState", "outcome", "basicMode", "tokensUsed", "turnCount", "createdAt", "lastMessageAt")
        VALUES (${id}, ${SHOP}, ${"hash"}, ${"accepted"}, ${"open"}, ${true}, ${0}, ${0}, ${at}, ${at})`;

  it("stores dates and booleans exactly as Prisma does, in UTC, and reads them back", async () => {
    const at = new Date("2026-03-29T01:30:00.123Z"); // a DST change in Europe: no local time may creep in
    const previousTz = process.env.TZ;
    process.env.TZ = "Europe/Berlin";
    try {
      await directSqlOf(database.db).write([conversationInsert("direct-1", at)]);
      await database.db.conversation.create({
        data: {
          id: "prisma-1",
          shop: SHOP,
          tokenHash: "hash",
          consentState: "accepted",
          basicMode: true,
          createdAt: at,
          lastMessageAt: at,
        },
      });
      const viaPrisma = await database.db.conversation.findMany({ where: { shop: SHOP }, orderBy: { id: "asc" } });
      expect(viaPrisma.map((row) => [row.id, row.createdAt.toISOString(), row.basicMode])).toEqual([
        ["direct-1", at.toISOString(), true],
        ["prisma-1", at.toISOString(), true],
      ]);
      const viaDirect = await directSqlOf(database.db).query(
        sql`SELECT "id", "createdAt" FROM "Conversation" WHERE "shop" = ${SHOP} AND "createdAt" = ${at} ORDER BY "id"`,
      );
      expect(viaDirect.map((row) => [row.id, new Date(row.createdAt as string).toISOString()])).toEqual([
        ["direct-1", at.toISOString()],
        ["prisma-1", at.toISOString()],
      ]);
    } finally {
      process.env.TZ = previousTz;
    }
  });

  it("never writes inside a Prisma transaction that is open: it waits for its end", async () => {
    const order: string[] = [];
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let wrote!: () => void;
    const prismaWrote = new Promise<void>((resolve) => (wrote = resolve));
    const interactive = database.db.$transaction(async (tx) => {
      await tx.conversation.create({
        data: { id: "tx-1", shop: SHOP, tokenHash: "hash", consentState: "accepted" },
      });
      order.push("prisma wrote");
      wrote();
      await held;
      throw new Error("roll back"); // everything in this transaction goes
    });
    // The direct write starts while the Prisma transaction is open (an event, not a clock).
    await prismaWrote;
    const direct = directSqlOf(database.db)
      .write([conversationInsert("direct-2", new Date())])
      .then(() => order.push("direct committed"));
    // A moment for the write to try (it would land inside the transaction without the lock);
    // on a slow machine it tries later, and the assertions below hold either way.
    await new Promise((resolve) => setTimeout(resolve, 50));
    letGo();
    await expect(interactive).rejects.toThrow("roll back");
    await direct;
    // Had the direct write landed inside the Prisma transaction, the rollback would have taken it too.
    const ids = (await database.db.conversation.findMany({ where: { id: { in: ["tx-1", "direct-2"] } } })).map((r) => r.id);
    expect(ids).toEqual(["direct-2"]);
    expect(order).toEqual(["prisma wrote", "direct committed"]);
  });

  it("stores any text verbatim and negative numbers exactly (PostgreSQL sends a transaction's values as escaped literals)", async () => {
    const hostile = [
      "it's",
      "back\\slash \\' and \\\\",
      '\'); DELETE FROM "Conversation"; --',
      "a ? b $1 :name @x",
      "-- not a comment /* nor this */",
      "semi;colon\nnew line\ttab",
      "üñíçødé 😀 ‘quotes’ \u2028",
      "E'x'",
      "",
      // And 300 random strings over the characters that matter to SQL text (seeded, so a failure repeats).
      ...randomHostileStrings(300, 42),
    ];
    const at = new Date("2026-11-01T00:59:59.999Z");
    await directSqlOf(database.db).write(
      hostile.map(
        (text, i) =>
          sql`INSERT INTO "Conversation" ("id", "shop", "tokenHash", "consentState", "outcome", "basicMode", "tokensUsed", "turnCount", "createdAt", "lastMessageAt")
              VALUES (${`hostile-${i}`}, ${SHOP}, ${text}, ${"accepted"}, ${"open"}, ${i % 2 === 0}, ${-i - 1}, ${-(i + 1) * 1000}, ${at}, ${at})`,
      ),
    );
    const rows = await database.db.conversation.findMany({ where: { id: { startsWith: "hostile-" } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    hostile.forEach((text, i) => {
      const row = byId.get(`hostile-${i}`)!;
      expect(row.tokenHash).toBe(text);
      expect(row.basicMode).toBe(i % 2 === 0);
      expect(row.tokensUsed).toBe(-i - 1);
      expect(row.turnCount).toBe(-(i + 1) * 1000);
      expect(row.createdAt.toISOString()).toBe(at.toISOString());
    });
    expect(await database.db.conversation.count({ where: { shop: SHOP } })).toBeGreaterThanOrEqual(hostile.length);
  });

  it("SQLite: waits for another process's write lock without stopping the event loop, then commits", async (context) => {
    if (database.provider !== "sqlite") return context.skip();
    // Another connection to the file stands for another worker process holding the write lock.
    const other = new Database(new URL(database.url).pathname);
    other.exec("BEGIN IMMEDIATE");
    let settled = false;
    const write = directSqlOf(database.db)
      .write([conversationInsert("after-lock", new Date())])
      .finally(() => (settled = true));
    // Timers keep firing while the write waits (SQLite's busy handler would block the thread).
    let ticks = 0;
    while (ticks < 5) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      ticks++;
    }
    expect(settled).toBe(false);
    other.exec("COMMIT");
    other.close();
    await write;
    expect(await database.db.conversation.count({ where: { id: "after-lock" } })).toBe(1);
  });

  it("rolls back a group whose statement fails and stores the other callers' rows", async () => {
    const direct = directSqlOf(database.db);
    const results = await Promise.allSettled([
      direct.write([conversationInsert("group-ok-1", new Date())]),
      // The same id twice: a primary-key violation.
      direct.write([conversationInsert("group-dup", new Date()), conversationInsert("group-dup", new Date())]),
      direct.write([conversationInsert("group-ok-2", new Date())]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const ids = (await database.db.conversation.findMany({ where: { id: { startsWith: "group-" } }, orderBy: { id: "asc" } })).map(
      (r) => r.id,
    );
    expect(ids).toEqual(["group-ok-1", "group-ok-2"]);
  });
});
