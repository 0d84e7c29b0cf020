// The demo store fixture: current with its generator, and holding every case the app
// and its tests rely on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStore, IMAGE_DIR, storeJsonText } from "./generate-store";
import { loadDemoStore, STORE_JSON_PATH } from "./load-store";

const { store, images } = buildStore();

describe("demo store fixture", () => {
  it("is what generate-store.ts writes (run `tsx demo/store/generate-store.ts` after changing it)", () => {
    expect(readFileSync(STORE_JSON_PATH, "utf8")).toBe(storeJsonText(store));
    for (const [name, svg] of images) expect(readFileSync(path.join(IMAGE_DIR, name), "utf8"), name).toBe(svg);
  });

  it("has the shop, its four policies, 40+ products, 5+ collections, 10 customers and 30 orders", () => {
    expect(store.shop).toMatchObject({ name: "Demo Outfitters", myshopifyDomain: "demo-shop.myshopify.com", primaryLocale: "en" });
    expect(store.policies.map((p) => p.type).sort()).toEqual(["PRIVACY_POLICY", "REFUND_POLICY", "SHIPPING_POLICY", "TERMS_OF_SERVICE"]);
    expect(store.products.length).toBeGreaterThanOrEqual(40);
    expect(store.collections.length).toBeGreaterThanOrEqual(5);
    expect(store.customers).toHaveLength(10);
    expect(store.orders).toHaveLength(30);
  });

  it("covers every order state a shopper asks about", () => {
    const scenarios = new Set(store.orders.map((o) => o.scenario));
    for (const s of ["unfulfilled", "partially-fulfilled", "in-transit", "delivered", "cancelled", "refunded", "older-than-60-days"]) {
      expect(scenarios, s).toContain(s);
    }
    const partial = store.orders.find((o) => o.scenario === "partially-fulfilled")!;
    expect(partial.fulfillments[0]!.trackingInfo[0]!.url).toMatch(/^https:\/\//);
    expect(store.orders.some((o) => o.customerId === null)).toBe(true); // guest checkout
  });

  it("carries payment data on every paid order, so tests can prove the app never selects it", () => {
    for (const o of store.orders) {
      expect(o.transactions.length, o.name).toBeGreaterThan(0);
      expect(o.transactions[0]!.paymentDetails.last4).toMatch(/^\d{4}$/);
    }
  });

  it("marks the hostile products, and only them", () => {
    const hostile = store.products.filter((p) => p.hostileFixture);
    expect(hostile.map((p) => p.handle)).toEqual(["hostile-test-sock", "hostile-trail-bottle"]);
    expect(hostile.every((p) => p.tags.includes("hostile-fixture"))).toBe(true);
    expect(store.products.filter((p) => !p.hostileFixture).some((p) => /[<>]/.test(p.title + p.description))).toBe(false);
  });

  it("keeps the images small", () => {
    const bytes = [...images.values()].reduce((sum, svg) => sum + svg.length, 0);
    expect(bytes).toBeLessThan(40_000);
  });

  it("moves dates so relative ages hold whenever it is loaded", () => {
    const now = new Date("2030-06-01T12:00:00Z");
    const loaded = loadDemoStore({ now });
    const old = loaded.orders.find((o) => o.scenario === "older-than-60-days")!;
    const ageDays = (now.getTime() - Date.parse(old.createdAt)) / 86_400_000;
    expect(ageDays).toBeGreaterThan(60);
    const fresh = loaded.orders.find((o) => o.scenario === "unfulfilled")!;
    expect((now.getTime() - Date.parse(fresh.createdAt)) / 86_400_000).toBeLessThan(3);
  });
});
