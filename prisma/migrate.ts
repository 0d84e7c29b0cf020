// Applies the SQL migrations of the database that DATABASE_URL names:
// prisma/migrations for SQLite, prisma/postgres/migrations for PostgreSQL.
// Usage: tsx prisma/migrate.ts   (DATABASE_URL from the environment)
import path from "node:path";
import { applyMigrations } from "../app/infra/db/migrate.server";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const applied = await applyMigrations(url, path.resolve(import.meta.dirname));
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
