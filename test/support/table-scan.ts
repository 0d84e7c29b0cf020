// Reads every row of every table, as the database lists its tables (not a list of
// models someone remembered), with every value as text; `v1.` ciphertexts are
// decrypted too, so a scan sees what an attacker with the keys would see.
import type { Database } from "../../app/infra/db/create-database.server";
import type { Vault } from "../../app/infra/crypto/crypto.server";

export interface ScannedCell {
  table: string;
  column: string;
  text: string;
}

export async function listTables(db: Database, provider: "sqlite" | "postgres"): Promise<string[]> {
  const rows =
    provider === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).sort();
}

export async function scanAllCells(db: Database, provider: "sqlite" | "postgres", vault: Vault): Promise<ScannedCell[]> {
  const cells: ScannedCell[] = [];
  for (const table of await listTables(db, provider)) {
    // PostgreSQL: every row as JSON text, so no column type trips the raw-query decoder.
    const rows =
      provider === "postgres"
        ? (await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`)).map(
            (r) => JSON.parse(r.row) as Record<string, unknown>,
          )
        : await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        const text = value instanceof Date ? value.toISOString() : String(value);
        cells.push({ table, column, text });
        if (/^v1\.[^.]+\.[^.]+\.[^.]+$/.test(text)) cells.push({ table, column: `${column} (decrypted)`, text: vault.decrypt(text) });
      }
    }
  }
  return cells;
}

/** Every cell holding any of the needles (case-insensitive), for a readable failure. */
export function cellsContaining(cells: ScannedCell[], needles: string[]): string[] {
  const lower = needles.filter(Boolean).map((n) => n.toLowerCase());
  return cells
    .filter((cell) => lower.some((needle) => cell.text.toLowerCase().includes(needle)))
    .map((cell) => `${cell.table}.${cell.column}`);
}
