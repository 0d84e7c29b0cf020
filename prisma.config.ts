import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI runs its JavaScript schema engine through a driver adapter, so no
// engine binary is downloaded at run time (docs/decisions/0001-persistence.md).
// A postgres:// DATABASE_URL selects the PostgreSQL schema and adapter.
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (postgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    return new PrismaLibSQL({ url });
  },
});
