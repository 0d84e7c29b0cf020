// How long customers/redact and shop/redact take on a shop with 1,000,000 messages,
// through our code, against hand-written SQL deleting the same rows on an identical
// copy of the database. Goal: ratio ≤ 2 (our path is set-based: indexed deleteMany).
//
//   npx tsx bench/redact.ts                    # 1,000,000 messages (a few minutes)
//   npx tsx bench/redact.ts --messages 50000   # quick run
//
// Prints `customers_redact_ms N`, `customers_redact_raw_ms N`, `customers_redact_ratio R`
// and the same for shop_redact. customers/redact is the median over several customers.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createClient, type Client, type InStatement } from "@libsql/client";
import { applyMigrations } from "../app/infra/db/migrate.server";
import { createDatabase } from "../app/infra/db/create-database.server";
import { createVault } from "../app/infra/crypto/crypto.server";
import { redactCustomer } from "../app/privacy/compliance/customers-redact.server";
import { redactShop } from "../app/privacy/compliance/shop-redact.server";

const { values } = parseArgs({
  options: { messages: { type: "string", default: "1000000" }, customers: { type: "string", default: "5" } },
});
const MESSAGES = Number(values.messages);
const SAMPLES = Number(values.customers);
const SHOP = "bench-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const PER_CONVERSATION = 50;
const CONVERSATIONS_PER_CUSTOMER = 4;
const customersIn = (messages: number) => Math.max(SAMPLES + 1, Math.ceil(messages / (PER_CONVERSATION * CONVERSATIONS_PER_CUSTOMER)));

const vault = createVault([{ id: "k1", key: randomBytes(32).toString("base64") }], randomBytes(32).toString("base64"));
const fakeCiphertexts = Array.from(
  { length: 512 },
  () => `v1.k1.${randomBytes(12).toString("base64url")}.${randomBytes(90).toString("base64url")}`,
);
const customer = (n: number) => ({
  id: String(7_000_000_000 + n),
  email: `customer${n}@example.org`,
  phone: `+1415555${String(n).padStart(4, "0")}`,
  order: String(9_000_000 + n),
});

/** Multi-row INSERTs, as many rows per statement as keeps under SQLite's parameter limit. */
async function insertRows(client: Client, table: string, columns: string[], rows: unknown[][]) {
  const perStatement = Math.floor(30_000 / columns.length);
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    statements.push({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${chunk.map(() => `(${columns.map(() => "?").join(",")})`).join(",")}`,
      args: chunk.flat() as never,
    });
  }
  await client.batch(statements, "write");
}

async function seedShop(client: Client, shop: string, messages: number, at: string) {
  const customers = customersIn(messages);
  let messageCount = 0;
  await client.execute({ sql: `INSERT INTO "Shop" ("shop","settingsJson","updatedAt") VALUES (?, '{}', ?)`, args: [shop, at] });
  for (let first = 0; first < customers; first += 500) {
    const conversations: unknown[][] = [],
      rows: unknown[][] = [],
      leads: unknown[][] = [],
      checks: unknown[][] = [],
      events: unknown[][] = [];
    for (let n = first; n < Math.min(customers, first + 500); n++) {
      const c = customer(n);
      for (let k = 0; k < CONVERSATIONS_PER_CUSTOMER; k++) {
        const id = `${shop[0]}c${n}-${k}`;
        // logged-in, verified by email+order, and guest conversations known through a lead
        const byId = k === 0 ? vault.hash("customer", c.id) : null;
        const byOrder = k === 1 ? [vault.hash("order", c.order), vault.hash("email", c.email)] : [null, null];
        conversations.push([id, shop, "tokenhash", byId, byOrder[0], byOrder[1], at, at]);
        for (let m = 0; m < PER_CONVERSATION && messageCount < messages; m++, messageCount++) {
          rows.push([`${id}-m${m}`, shop, id, m % 2 ? "assistant" : "shopper", fakeCiphertexts[messageCount % 512], "k1", at]);
        }
        events.push([`${id}-e`, shop, "order_asked", id, at]);
      }
      leads.push([
        `${shop[0]}l${n}`,
        shop,
        `${shop[0]}c${n}-2`,
        fakeCiphertexts[n % 512],
        vault.hash("email", c.email),
        vault.hash("phone", c.phone),
        "k1",
        at,
        "consent v1",
        at,
      ]);
      checks.push([
        `${shop[0]}v${n}`,
        shop,
        `${shop[0]}c${n}-1`,
        vault.hash("order", c.order),
        vault.hash("email", c.email),
        "iphash",
        1,
        at,
      ]);
    }
    await insertRows(
      client,
      "Conversation",
      ["id", "shop", "tokenHash", "customerIdHash", "verifiedOrderHash", "verifiedEmailHash", "createdAt", "lastMessageAt"],
      conversations,
    );
    await insertRows(client, "Message", ["id", "shop", "conversationId", "role", "bodyEnc", "keyId", "createdAt"], rows);
    await insertRows(
      client,
      "Lead",
      ["id", "shop", "conversationId", "emailEnc", "emailHash", "phoneHash", "keyId", "consentAt", "consentText", "createdAt"],
      leads,
    );
    await insertRows(
      client,
      "OrderVerification",
      ["id", "shop", "conversationId", "orderHash", "emailHash", "ipHash", "success", "createdAt"],
      checks,
    );
    await insertRows(client, "ShopEvent", ["id", "shop", "kind", "conversationId", "createdAt"], events);
  }
}

/** The same deletes as redactCustomer, written by hand in SQL. */
async function rawCustomerRedact(client: Client, shop: string, keys: ReturnType<typeof keysOf>) {
  const tx = await client.transaction("write");
  await tx.execute(`DROP TABLE IF EXISTS temp.ids`);
  await tx.execute({
    sql: `CREATE TEMP TABLE ids AS SELECT id FROM "Conversation" WHERE shop = ? AND (customerIdHash = ? OR verifiedEmailHash = ? OR verifiedOrderHash = ?)
          UNION SELECT conversationId FROM "Lead" WHERE shop = ? AND (emailHash = ? OR phoneHash = ? OR customerIdHash = ?) AND conversationId IS NOT NULL`,
    args: [shop, keys.customer, keys.email, keys.order, shop, keys.email, keys.phone, keys.customer],
  });
  await tx.execute({ sql: `DELETE FROM "Message" WHERE shop = ? AND conversationId IN (SELECT id FROM temp.ids)`, args: [shop] });
  await tx.execute({ sql: `DELETE FROM "Conversation" WHERE shop = ? AND id IN (SELECT id FROM temp.ids)`, args: [shop] });
  await tx.execute({
    sql: `UPDATE "ShopEvent" SET conversationId = NULL WHERE shop = ? AND conversationId IN (SELECT id FROM temp.ids)`,
    args: [shop],
  });
  await tx.execute({
    sql: `DELETE FROM "Lead" WHERE shop = ? AND (emailHash = ? OR phoneHash = ? OR customerIdHash = ? OR conversationId IN (SELECT id FROM temp.ids))`,
    args: [shop, keys.email, keys.phone, keys.customer],
  });
  await tx.execute({
    sql: `DELETE FROM "OrderVerification" WHERE shop = ? AND (emailHash = ? OR orderHash = ? OR conversationId IN (SELECT id FROM temp.ids))`,
    args: [shop, keys.email, keys.order],
  });
  await tx.execute({
    sql: `UPDATE "DataRequest" SET customerIdHash = NULL, emailHash = NULL, phoneHash = NULL, exportEnc = NULL WHERE shop = ? AND (customerIdHash = ? OR emailHash = ? OR phoneHash = ?)`,
    args: [shop, keys.customer, keys.email, keys.phone],
  });
  await tx.execute({
    sql: `INSERT INTO "AuditEvent" (id, shop, actor, action, detailJson, createdAt) VALUES (?, ?, 'system', 'customer.redacted', '{}', ?)`,
    args: [randomBytes(16).toString("base64url"), shop, new Date().toISOString()],
  });
  await tx.commit();
}

async function rawShopRedact(client: Client, shop: string) {
  const tables = (
    await client.execute(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'`,
    )
  ).rows.map((r) => String(r.name));
  const ordered = ["Message", ...tables.filter((t) => t !== "Message")];
  const tx = await client.transaction("write");
  for (const table of ordered) await tx.execute({ sql: `DELETE FROM "${table}" WHERE shop = ?`, args: [shop] });
  await tx.commit();
}

const keysOf = (c: ReturnType<typeof customer>) => ({
  customer: vault.hash("customer", c.id),
  email: vault.hash("email", c.email),
  phone: vault.hash("phone", c.phone),
  order: vault.hash("order", c.order),
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-redact-"));
  const ours = path.join(dir, "ours.db");
  const raw = path.join(dir, "raw.db");
  try {
    const at = new Date().toISOString();
    await applyMigrations(`file:${ours}`, path.resolve(import.meta.dirname, "..", "prisma"));
    const seeding = createClient({ url: `file:${ours}` });
    const seedMs = await timed(async () => {
      await seedShop(seeding, SHOP, MESSAGES, at);
      await seedShop(seeding, OTHER, Math.min(20_000, MESSAGES), at);
      await seeding.execute("ANALYZE");
      await seeding.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    });
    seeding.close();
    copyFileSync(ours, raw);
    console.error(`seeded ${MESSAGES} messages (+${Math.min(20_000, MESSAGES)} in another shop) in ${Math.round(seedMs)} ms`);

    const db = createDatabase(`file:${ours}`);
    const sql = createClient({ url: `file:${raw}` });
    // createDatabase runs SQLite in WAL mode (app/db/sqlite-connection.server.ts): same for the raw copy.
    await sql.execute("PRAGMA journal_mode = WAL");
    await db.shop.count(); // connect before timing
    const oursMs: number[] = [];
    const rawMs: number[] = [];
    for (let n = 1; n <= SAMPLES; n++) {
      const c = customer(n);
      oursMs.push(
        await timed(() =>
          redactCustomer(
            db,
            vault,
            { shop: SHOP, customer: { id: c.id, email: c.email, phone: c.phone }, orderIds: [c.order] },
            new Date(),
          ),
        ),
      );
      rawMs.push(await timed(() => rawCustomerRedact(sql, SHOP, keysOf(c))));
    }
    const left = await db.message.count({ where: { shop: SHOP } });
    const leftRaw = Number((await sql.execute({ sql: `SELECT count(*) AS n FROM "Message" WHERE shop = ?`, args: [SHOP] })).rows[0]!.n);
    if (left !== leftRaw) throw new Error(`the two paths deleted different rows: ${left} vs ${leftRaw} messages left`);
    const shopMs = await timed(() => redactShop(db, SHOP));
    const shopRawMs = await timed(() => rawShopRedact(sql, SHOP));
    if ((await db.message.count()) !== Number((await sql.execute(`SELECT count(*) AS n FROM "Message"`)).rows[0]!.n)) {
      throw new Error("shop/redact: the two paths left different rows");
    }
    await db.$disconnect();
    sql.close();

    console.error(`samples ours ${oursMs.map((x) => x.toFixed(1)).join(" ")} raw ${rawMs.map((x) => x.toFixed(1)).join(" ")}`);
    const c = median(oursMs),
      cr = median(rawMs);
    console.log(`messages ${MESSAGES}`);
    console.log(`customers_redact_ms ${c.toFixed(1)}`);
    console.log(`customers_redact_raw_ms ${cr.toFixed(1)}`);
    console.log(`customers_redact_ratio ${(c / cr).toFixed(2)}`);
    console.log(`shop_redact_ms ${shopMs.toFixed(0)}`);
    console.log(`shop_redact_raw_ms ${shopRawMs.toFixed(0)}`);
    console.log(`shop_redact_ratio ${(shopMs / shopRawMs).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
