// VACUUM of the whole database (the daily retention purge). SQLite keeps the bytes of
// deleted rows (redactions included) in free pages until VACUUM rewrites the file;
// PostgreSQL's VACUUM makes dead rows' space reusable. VACUUM needs the database to
// itself (SQLite) and cannot run inside a transaction: callers treat a failure as
// "try again next time".
import type { Database } from "./create-database.server";

export async function vacuumDatabase(db: Database): Promise<void> {
  await db.$executeRawUnsafe("VACUUM");
}
