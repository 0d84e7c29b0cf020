import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-api";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { createVault } from "../crypto/crypto.server";
import { encryptedPrismaSessionStorage } from "./encrypted-session-storage.server";

const vault = createVault([{ id: "k1", key: Buffer.alloc(32, 7).toString("base64") }], Buffer.alloc(32, 8).toString("base64"));
const SHOP = "demo-shop.myshopify.com";

function offlineSession(): Session {
  return new Session({
    id: `offline_${SHOP}`,
    shop: SHOP,
    state: "state",
    isOnline: false,
    scope: "read_products,read_orders",
    accessToken: "shpat_secret_access_token",
    refreshToken: "shprt_secret_refresh_token",
    expires: new Date(Date.now() + 3_600_000),
    refreshTokenExpires: new Date(Date.now() + 86_400_000),
  });
}

describe("encrypted session storage", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it("stores access and refresh tokens encrypted, never in plaintext", async () => {
    await encryptedPrismaSessionStorage(database.db, vault).storeSession(offlineSession());
    const row = await database.db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    expect(row.accessToken).not.toContain("shpat_secret_access_token");
    expect(row.refreshToken).not.toContain("shprt_secret_refresh_token");
    expect(vault.decrypt(row.accessToken)).toBe("shpat_secret_access_token");
    expect(vault.decrypt(row.refreshToken ?? "")).toBe("shprt_secret_refresh_token");
  });

  it("gives back the session with its tokens decrypted", async () => {
    const storage = encryptedPrismaSessionStorage(database.db, vault);
    const loaded = await storage.loadSession(`offline_${SHOP}`);
    expect(loaded?.accessToken).toBe("shpat_secret_access_token");
    expect(loaded?.refreshToken).toBe("shprt_secret_refresh_token");
    expect(loaded?.isActive("read_products,read_orders")).toBe(true);
    const [found] = await storage.findSessionsByShop(SHOP);
    expect(found?.accessToken).toBe("shpat_secret_access_token");
  });

  it("cannot be read with another key", async () => {
    const otherVault = createVault([{ id: "k1", key: Buffer.alloc(32, 9).toString("base64") }], Buffer.alloc(32, 8).toString("base64"));
    await expect(encryptedPrismaSessionStorage(database.db, otherVault).loadSession(`offline_${SHOP}`)).rejects.toThrow();
  });

  it("reads a session stored before encryption and encrypts it on the next store", async () => {
    await database.db.session.update({ where: { id: `offline_${SHOP}` }, data: { accessToken: "shpat_legacy", refreshToken: null } });
    const storage = encryptedPrismaSessionStorage(database.db, vault);
    const legacy = await storage.loadSession(`offline_${SHOP}`);
    expect(legacy?.accessToken).toBe("shpat_legacy");
    await storage.storeSession(legacy!);
    const row = await database.db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    expect(row.accessToken.startsWith("v1.k1.")).toBe(true);
  });

  it("deletes sessions", async () => {
    const storage = encryptedPrismaSessionStorage(database.db, vault);
    await storage.deleteSessions([`offline_${SHOP}`]);
    expect(await storage.loadSession(`offline_${SHOP}`)).toBeUndefined();
  });
});
