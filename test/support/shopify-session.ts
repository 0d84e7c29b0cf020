// Seeds the offline session Shopify would have created at install, stored the way
// the app stores it (tokens encrypted), so admin and app proxy requests for that
// shop authenticate with no token exchange.
import { Session } from "@shopify/shopify-api";
import type { Database } from "../../app/infra/db/create-database.server";
import type { EncryptionKey } from "../../app/infra/crypto/crypto.server";
import { createVault } from "../../app/infra/crypto/crypto.server";
import { encryptedPrismaSessionStorage } from "../../app/infra/shopify/encrypted-session-storage.server";

export async function seedOfflineSession(
  db: Database,
  options: { shop: string; accessToken: string; keys: EncryptionKey[]; hashKey: string; scope?: string },
): Promise<Session> {
  const session = new Session({
    id: `offline_${options.shop}`,
    shop: options.shop,
    state: "seeded",
    isOnline: false,
    scope: options.scope ?? "read_products,read_orders,read_legal_policies,read_translations,read_locales",
    accessToken: options.accessToken,
  });
  await encryptedPrismaSessionStorage(db, createVault(options.keys, options.hashKey)).storeSession(session);
  return session;
}
