// Builds a Prisma client for a database URL: SQLite through the libSQL driver
// adapter, PostgreSQL (postgres:// URLs) through the pg adapter. Both clients are
// generated from one schema (prisma/generate-clients.ts), so they share one type.
import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl } from "./database-url";

export type Database = PrismaClient;

export function createDatabase(url: string): Database {
  if (isPostgresUrl(url)) {
    const require = createRequire(import.meta.url);
    const { PrismaClient: PostgresClient } = require(".prisma/client-postgres") as {
      PrismaClient: new (options: { adapter: PrismaPg }) => Database;
    };
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}
