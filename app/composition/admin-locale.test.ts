// The zone admin dates and days are shown in (issue 12): the merchant's business-hours
// zone, else the shop's own from the Admin API (asked once a minute per shop: the layout
// and a page's loader both ask on every page load), else UTC.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { databaseAudit, owner } from "../../test/support/admin-fixtures";
import type { AdminGraphql, AdminResult } from "../infra/shopify/admin-graphql";
import { saveSettings } from "../settings/save-settings.server";
import { shopAdminTimeZone } from "./admin-locale.server";

/** An Admin API that answers the shop's zone and counts the calls. */
function adminAnswering(answer: () => AdminResult): AdminGraphql & { calls: number } {
  const admin = Object.assign(
    async () => {
      admin.calls += 1;
      return answer();
    },
    { calls: 0 },
  );
  return admin;
}
const zoneAnswer = (ianaTimezone: string): AdminResult => ({ ok: true, data: { shop: { ianaTimezone } } });

describe("the admin's time zone", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => t.cleanup());

  it("is the shop's own zone, asked of the Admin API once for both loaders of a page load", async () => {
    const shop = `zone-once-${Date.now()}.myshopify.com`;
    const admin = adminAnswering(() => zoneAnswer("Asia/Tokyo"));
    const [layout, page] = await Promise.all([shopAdminTimeZone(t.db, shop, admin), shopAdminTimeZone(t.db, shop, admin)]);
    expect([layout, page]).toEqual(["Asia/Tokyo", "Asia/Tokyo"]);
    expect(await shopAdminTimeZone(t.db, shop, admin)).toBe("Asia/Tokyo");
    // Both loaders of the first load may ask (they run side by side); the next load asks nobody.
    expect(admin.calls).toBeLessThanOrEqual(2);
    const before = admin.calls;
    await shopAdminTimeZone(t.db, shop, admin);
    expect(admin.calls).toBe(before);
  });

  it("is UTC when the Admin API fails or answers no known zone, and that is not remembered", async () => {
    const shop = `zone-fail-${Date.now()}.myshopify.com`;
    let answer: AdminResult = { ok: false, code: "UNAVAILABLE", message: "down" };
    const admin = adminAnswering(() => answer);
    expect(await shopAdminTimeZone(t.db, shop, admin)).toBe("UTC");
    answer = zoneAnswer("Mars/Olympus");
    expect(await shopAdminTimeZone(t.db, shop, admin)).toBe("UTC");
    answer = zoneAnswer("America/Chicago");
    expect(await shopAdminTimeZone(t.db, shop, admin)).toBe("America/Chicago");
    expect(admin.calls).toBe(3);
    expect(await shopAdminTimeZone(t.db, shop, null)).toBe("America/Chicago"); // remembered once known
  });

  it("is the business-hours zone the merchant chose, without asking the Admin API", async () => {
    const shop = `zone-chosen-${Date.now()}.myshopify.com`;
    await saveSettings(
      { db: t.db, audit: databaseAudit(t.db), forgetShop: () => undefined, publish: async () => ({ ok: true as const, metafieldId: "m" }) },
      { shop, staff: owner, patch: { handoff: { timeZone: "Europe/Lisbon" } } },
    );
    const admin = adminAnswering(() => zoneAnswer("Asia/Tokyo"));
    expect(await shopAdminTimeZone(t.db, shop, admin)).toBe("Europe/Lisbon");
    expect(admin.calls).toBe(0);
  });
});
