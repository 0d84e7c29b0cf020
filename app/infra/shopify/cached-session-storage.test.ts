import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { describe, expect, it } from "vitest";
import { cachedSessionStorage } from "./cached-session-storage.server";

function countingStorage() {
  const rows = new Map<string, Session>();
  const loads: string[] = [];
  const storage: SessionStorage = {
    storeSession: async (s) => (rows.set(s.id, s), true),
    loadSession: async (id) => (loads.push(id), rows.get(id)),
    deleteSession: async (id) => rows.delete(id),
    deleteSessions: async (ids) => (ids.forEach((id) => rows.delete(id)), true),
    findSessionsByShop: async (shop) => [...rows.values()].filter((s) => s.shop === shop),
  };
  return { storage, rows, loads };
}

const offline = (shop: string, accessToken: string) =>
  new Session({ id: `offline_${shop}`, shop, state: "s", isOnline: false, accessToken, scope: "read_products" });

describe("cachedSessionStorage", () => {
  it("loads a session once per TTL and sees its own writes at once", async () => {
    let now = 0;
    const inner = countingStorage();
    const storage = cachedSessionStorage(inner.storage, { ttlMs: 5_000, now: () => now });
    await storage.storeSession(offline("a.myshopify.com", "t1"));
    expect((await storage.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t1");
    expect((await storage.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t1");
    expect(inner.loads).toHaveLength(1);
    await storage.storeSession(offline("a.myshopify.com", "t2")); // a token refresh
    expect((await storage.loadSession("offline_a.myshopify.com"))?.accessToken).toBe("t2");
    await storage.deleteSession("offline_a.myshopify.com");
    expect(await storage.loadSession("offline_a.myshopify.com")).toBeUndefined();

    // Written around the wrapper (another process): seen once the TTL ends.
    await storage.storeSession(offline("b.myshopify.com", "t1"));
    await storage.loadSession("offline_b.myshopify.com");
    inner.rows.set("offline_b.myshopify.com", offline("b.myshopify.com", "t3"));
    expect((await storage.loadSession("offline_b.myshopify.com"))?.accessToken).toBe("t1");
    now += 5_000;
    expect((await storage.loadSession("offline_b.myshopify.com"))?.accessToken).toBe("t3");
  });

  it("keeps a missing session for the TTL too, until this process stores one", async () => {
    const inner = countingStorage();
    const storage = cachedSessionStorage(inner.storage, { ttlMs: 60_000 });
    expect(await storage.loadSession("offline_c.myshopify.com")).toBeUndefined();
    expect(await storage.loadSession("offline_c.myshopify.com")).toBeUndefined();
    expect(inner.loads).toHaveLength(1);
    await storage.storeSession(offline("c.myshopify.com", "t1")); // the install's token exchange
    expect((await storage.loadSession("offline_c.myshopify.com"))?.accessToken).toBe("t1");
  });

  it("forgets a shop's sessions after a direct write (uninstall), and no other shop's", async () => {
    const inner = countingStorage();
    const storage = cachedSessionStorage(inner.storage, { ttlMs: 60_000 });
    for (const shop of ["a.myshopify.com", "b.myshopify.com"]) {
      await storage.storeSession(offline(shop, "t"));
      await storage.loadSession(`offline_${shop}`);
    }
    inner.rows.delete("offline_a.myshopify.com");
    inner.rows.delete("offline_b.myshopify.com");
    storage.forgetShop("a.myshopify.com");
    expect(await storage.loadSession("offline_a.myshopify.com")).toBeUndefined();
    expect(await storage.loadSession("offline_b.myshopify.com")).toBeDefined();
  });
});
