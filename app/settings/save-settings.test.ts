import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { databaseAudit, owner, SHOP } from "../../test/support/admin-fixtures";
import { saveSettings } from "./save-settings.server";
import { loadShopSettings } from "./shop-settings.server";
import type { ShopSettings } from "./settings-schema";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

function deps() {
  const published: ShopSettings[] = [];
  const audit = databaseAudit(t.db);
  return {
    published,
    audit,
    deps: {
      db: t.db,
      audit,
      forgetShop: () => undefined,
      publish: async (s: ShopSettings) => (published.push(s), { ok: true as const, metafieldId: "gid://shopify/Metafield/1" }),
    },
  };
}

describe("saveSettings", () => {
  it("saves a partial update, audits the changed fields (values only of non-text settings) and publishes", async () => {
    const { deps: d, audit, published } = deps();
    const result = await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { retentionDays: 30, consentRequired: false } } });
    expect(result.ok).toBe(true);
    const saved = await loadShopSettings(t.db, SHOP);
    expect(saved.privacy.retentionDays).toBe(30);
    expect(saved.privacy.consentRequired).toBe(false);
    expect(saved.widget.greeting).toContain("Hi!");
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: "settings.updated",
        actor: "1001",
        detail: {
          fields: ["privacy.consentRequired", "privacy.retentionDays"],
          // so the audit log can say "changed the retention period from 90 to 30 days"
          changes: [
            { field: "privacy.consentRequired", from: true, to: false },
            { field: "privacy.retentionDays", from: 90, to: 30 },
          ],
        },
      }),
    ]);
    // Free text the merchant typed never reaches the audit log, only its field name.
    await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { privacyNotice: "We keep chats for 31 days, secret-text." } } });
    const rows = await t.db.auditEvent.findMany({ where: { shop: SHOP } });
    expect(rows.map((r) => r.detailJson).join("\n")).not.toContain("secret-text");
    expect(rows.map((r) => r.detailJson).join("\n")).toContain("privacy.privacyNotice");
    expect(published).toHaveLength(2); // one publish per save
  });

  it("returns field errors and saves nothing for invalid values", async () => {
    const { deps: d, audit, published } = deps();
    const result = await saveSettings(d, {
      shop: SHOP,
      staff: owner,
      patch: { privacy: { retentionDays: 9999, privacyPolicyUrl: "javascript:alert(1)" }, widget: { nope: 1 } as never },
    });
    expect(result).toMatchObject({ ok: false, code: "SETTINGS_INVALID", fieldErrors: { "widget.nope": "Unknown setting." } });
    const again = await saveSettings(d, {
      shop: SHOP,
      staff: owner,
      patch: { privacy: { retentionDays: 9999, privacyPolicyUrl: "javascript:alert(1)" } },
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(Object.keys(again.fieldErrors).sort()).toEqual(["privacy.privacyPolicyUrl", "privacy.retentionDays"]);
    expect(await t.db.shop.count()).toBe(0);
    expect(audit.entries).toHaveLength(0);
    expect(published).toHaveLength(0);
  });

  it("refuses an unknown time zone, hours that close before they open (naming the day) and non-numeric staff ids", async () => {
    const { deps: d, audit } = deps();
    const result = await saveSettings(d, {
      shop: SHOP,
      staff: owner,
      patch: {
        handoff: {
          timeZone: "Mars/Olympus",
          businessHours: [
            { day: 1, open: "09:00", close: "17:00" },
            { day: 2, open: "18:00", close: "09:00" },
            { day: 3, open: "25:00", close: "26:00" },
          ],
        },
        access: { transcriptViewers: ["Alice", "bob@example.com", "7012"] },
      },
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        "handoff.timeZone": "Choose a time zone from the list.",
        "handoff.businessHours.2": "hours.order:2",
        "handoff.businessHours.3": "hours.format:3",
        "access.transcriptViewers": "staff.notNumeric:Alice, bob@example.com",
      },
    });
    if (!result.ok) expect(result.fieldErrors["handoff.businessHours.1"]).toBeUndefined();
    expect(audit.entries).toHaveLength(0);
    const fine = await saveSettings(d, {
      shop: SHOP,
      staff: owner,
      patch: {
        handoff: { timeZone: "Europe/Berlin", businessHours: [{ day: 1, open: "09:00", close: "17:00" }] },
        access: { transcriptViewers: ["7012"] },
      },
    });
    expect(fine.ok).toBe(true);
  });

  it("bumps the notice version only when notice or disclosure text changes, never from input", async () => {
    const { deps: d } = deps();
    await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { noticeVersion: 40, retentionDays: 60 } } });
    expect((await loadShopSettings(t.db, SHOP)).privacy.noticeVersion).toBe(1);
    await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { privacyNotice: "We keep chats for 60 days." } } });
    expect((await loadShopSettings(t.db, SHOP)).privacy.noticeVersion).toBe(2);
    await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { aiDisclosure: "An AI answers here." } } });
    expect((await loadShopSettings(t.db, SHOP)).privacy.noticeVersion).toBe(3);
  });

  it("does not audit a save that changes nothing", async () => {
    const { deps: d, audit } = deps();
    const result = await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { retentionDays: 90 } } });
    expect(result.ok && result.changed).toEqual([]);
    expect(audit.entries).toHaveLength(0);
  });
});
