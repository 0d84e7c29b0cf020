// Shop.widgetSeenAt: moved by verified proxy requests, at most hourly, never by an
// unsigned request; the set-up checklist reads it as "the app embed is on".
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../app/infra/db/create-database.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleConversationRead } from "../../app/conversations/shopper/handle-conversation-read.server";
import type { ShopperApiDeps } from "../../app/storefront-proxy/deps";
import { markWidgetSeen } from "../../app/storefront-proxy/widget-seen.server";
import { createHarness, SHOP, signedRequest, type Harness } from "./harness";

const T0 = new Date("2026-03-10T12:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The same database, counting the Shop updates a request runs (and failing them on demand). */
function countingShopUpdates(db: Database, fail = false) {
  const calls: unknown[] = [];
  const shop = new Proxy(db.shop, {
    get(target, property) {
      if (property === "updateMany") {
        return async (args: unknown) => {
          calls.push(args);
          if (fail) throw new Error("database is locked");
          return target.updateMany(args as Parameters<typeof target.updateMany>[0]);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const wrapped = new Proxy(db, {
    get(target, property) {
      if (property === "shop") return shop;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: wrapped as Database, calls };
}

describe("the widget seen on the storefront", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.cleanup());
  beforeEach(() => h.database.db.shop.update({ where: { shop: SHOP }, data: { widgetSeenAt: null } }));

  const seenAt = async () => (await h.database.db.shop.findUniqueOrThrow({ where: { shop: SHOP } })).widgetSeenAt;
  const read = (deps: ShopperApiDeps, options: Parameters<typeof signedRequest>[1] = {}) =>
    handleConversationRead(signedRequest("/conversations/abc", options), "abc", deps);

  it("runs one UPDATE for requests of the shop that arrive together", async () => {
    // Requests that arrive together share one cached shop state (the shop-state cache), so
    // each finds the same stale widgetSeenAt: they join the UPDATE already on its way. Driven
    // with that one state directly, so no request's own database read races the UPDATE.
    const counted = countingShopUpdates(h.database.db);
    const state = { shop: SHOP, widgetSeenAt: null };
    await Promise.all(Array.from({ length: 20 }, () => markWidgetSeen(counted.db, state, T0)));
    expect(counted.calls).toHaveLength(1);
    expect(await seenAt()).toEqual(T0);
  });

  it("is set by a verified request and moved at most hourly, with no statement while fresh", async () => {
    let now = T0;
    const counted = countingShopUpdates(h.database.db);
    const deps: ShopperApiDeps = { ...h.deps, db: counted.db, now: () => now };
    expect((await read(deps)).status).toBe(404);
    expect(await seenAt()).toEqual(T0);
    expect(counted.calls).toHaveLength(1);

    now = later(59);
    await read(deps);
    await handleConsent(signedRequest("/consent", { body: { accepted: false } }), deps);
    expect(await seenAt()).toEqual(T0);
    expect(counted.calls).toHaveLength(1); // the loaded shop row said "fresh": nothing ran

    now = later(61);
    await read(deps);
    expect(await seenAt()).toEqual(later(61));
    expect(counted.calls).toHaveLength(2);
  });

  it("is not moved by an unsigned or forged request", async () => {
    expect((await read(h.deps, { secret: "not-the-app-secret" })).status).toBe(401);
    expect((await read(h.deps, { tamper: (q) => q.set("timestamp", "1") })).status).toBe(401);
    expect(await seenAt()).toBeNull();
  });

  it("never fails the shopper's request when the write fails", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const counted = countingShopUpdates(h.database.db, true);
    const response = await handleConsent(signedRequest("/consent", { body: { accepted: true } }), { ...h.deps, db: counted.db });
    expect(response.status).toBe(200);
    expect(counted.calls).toHaveLength(1);
    expect(String(error.mock.calls[0]?.[0])).toContain("could not mark the widget as seen");
    error.mockRestore();
  });
});
