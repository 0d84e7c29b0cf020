// The process's Prisma client, built once from DATABASE_URL and kept across
// Remix dev rebuilds.
import { createDatabase, type Database } from "./create-database.server";
import { env } from "../env.server";

export type { Database };

declare global {
  // eslint-disable-next-line no-var
  var __database: Database | undefined;
}

const prisma: Database = globalThis.__database ?? createDatabase(env().DATABASE_URL);
globalThis.__database = prisma;

export default prisma;
