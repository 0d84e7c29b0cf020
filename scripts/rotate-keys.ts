// Re-encrypts every stored value with the current key (the first in ENCRYPTION_KEYS).
//
//   1. Put the new key first:  ENCRYPTION_KEYS="k2:<new base64>,k1:<old base64>"
//   2. npx tsx scripts/rotate-keys.ts
//   3. When it reports 0 unreadable, remove k1 from ENCRYPTION_KEYS.
//
// Safe to run again (already-current values are left alone) and while the app runs.
import { createDatabase } from "../app/infra/db/create-database.server";
import { createVault } from "../app/infra/crypto/crypto.server";
import { env } from "../app/infra/env.server";
import { rotateKeys } from "../app/privacy/key-rotation/rotate-keys.server";

const config = env();
const prisma = createDatabase(config.DATABASE_URL);
const vault = createVault(config.ENCRYPTION_KEYS, config.HASH_KEY);
const report = await rotateKeys(prisma, vault);
for (const [column, count] of Object.entries(report.reencrypted)) console.log(`${column}: ${count} re-encrypted`);
console.log(`current key: ${vault.currentKeyId}; unreadable values: ${report.unreadable}`);
await prisma.$disconnect();
process.exit(report.unreadable > 0 ? 1 : 0);
