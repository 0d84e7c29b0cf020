// Encryption at rest, checked on the bytes: a unique marker sent as a chat message and
// as a lead's email (through the shopper-facing code) is nowhere in the SQLite file
// (after a WAL checkpoint) or in a pg_dump of the PostgreSQL database. A control value
// stored in plaintext on purpose (an FAQ answer) must be found, so the scan is real.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { seedCustomerData, testVault } from "./support/privacy-seed";
import { scanAllCells } from "./support/table-scan";

const SHOP = "demo-shop.myshopify.com";
const marker = `ZZMARK${randomBytes(8).toString("hex")}`;
const control = `PLAINCONTROL${randomBytes(8).toString("hex")}`;
const vault = testVault();
let t: TestDatabase;

function hasPgDump(): boolean {
  try {
    execFileSync("pg_dump", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Everything the database stores, as bytes an attacker with a copy would see. */
async function rawDatabaseBytes(): Promise<string> {
  if (t.provider === "sqlite") {
    await t.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const files = [t.file!, `${t.file}-wal`, `${t.file}-journal`].filter(existsSync);
    return files.map((f) => readFileSync(f).toString("latin1")).join("\n");
  }
  if (hasPgDump()) return execFileSync("pg_dump", ["--data-only", "--no-owner", t.url], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8");
  // no pg_dump: every row of every table as text, not decrypted
  return (await scanAllCells(t.db, t.provider, vault))
    .filter((c) => !c.column.endsWith("(decrypted)"))
    .map((c) => c.text)
    .join("\n");
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedCustomerData(t.db, vault, SHOP, {
    id: "7700000000042",
    email: `${marker.toLowerCase()}@example.org`,
    phone: "+1 415 555 0142",
    marker,
    orderId: "5500000000042",
    orderName: "#1042",
  });
  await t.db.knowledgeEntry.create({ data: { id: "faq1", shop: SHOP, kind: "faq", question: "Control?", answer: control } });
});
afterAll(async () => t?.cleanup());

describe(`encryption at rest (${process.env.TEST_DATABASE_PROVIDER ?? "sqlite"})`, () => {
  it("keeps message bodies and lead contact data out of the stored bytes", async () => {
    const bytes = await rawDatabaseBytes();
    expect(bytes).toContain(control);
    expect(bytes.toLowerCase()).not.toContain(marker.toLowerCase());
    expect(bytes).not.toContain("+1 415 555 0142");
    // and the data is really there, encrypted
    const messages = await t.db.message.findMany({ where: { shop: SHOP } });
    expect(messages.some((m) => vault.decrypt(m.bodyEnc).includes(marker))).toBe(true);
    const lead = await t.db.lead.findFirstOrThrow({ where: { shop: SHOP } });
    expect(vault.decrypt(lead.emailEnc!)).toBe(`${marker.toLowerCase()}@example.org`);
  });
});
