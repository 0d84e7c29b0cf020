// The Session table's owner: Shopify sessions (the shop's Admin API tokens, encrypted
// by encrypted-session-storage.server.ts). The library's PrismaSessionStorage adapter
// stores and loads them (built in encrypted-session-storage.server.ts); everything else
// the app does with the table goes through these functions (scripts/check-table-owners.ts).
import type { Vault } from "../crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../crypto/reencrypt.server";
import type { DbClient } from "../db/sql";

/** The newest online session stored for this staff member in this shop (name and ownership), or null. */
export function findOnlineSessionOfUser(db: DbClient, shop: string, userId: bigint) {
  return db.session.findFirst({
    where: { shop, isOnline: true, userId },
    orderBy: { expires: "desc" },
  });
}

/** app/uninstalled and shop/redact: every session of the shop. */
export async function deleteShopSessions(db: DbClient, shop: string): Promise<number> {
  return (await db.session.deleteMany({ where: { shop } })).count;
}

/** app/scopes_update: the scopes the merchant granted now. */
export async function updateShopSessionScope(db: DbClient, shop: string, scope: string): Promise<void> {
  await db.session.updateMany({ where: { shop }, data: { scope } });
}

export function reencryptSessions(db: DbClient, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("Session", db.session, vault, report, batchSize);
}
