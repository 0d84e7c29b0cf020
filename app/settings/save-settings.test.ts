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
    deps: { db: t.db, audit, forgetShop: () => undefined, publish: async (s: ShopSettings) => (published.push(s), { ok: true as const, metafieldId: "gid://shopify/Metafield/1" }) },
  };
}

describe("saveSettings", () => {
  it("saves a partial update, audits only the changed field names and publishes", async () => {
    const { deps: d, audit, published } = deps();
    const result = await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { retentionDays: 30, consentRequired: false } } });
    expect(result.ok).toBe(true);
    const saved = await loadShopSettings(t.db, SHOP);
    expect(saved.privacy.retentionDays).toBe(30);
    expect(saved.privacy.consentRequired).toBe(false);
    expect(saved.widget.greeting).toContain("Hi!");
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: "settings.updated", actor: "1001", detail: { fields: ["privacy.consentRequired", "privacy.retentionDays"] } }),
    ]);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row.detailJson).not.toContain("30");
    expect(published).toHaveLength(1);
  });

  it("returns field errors and saves nothing for invalid values", async () => {
    const { deps: d, audit, published } = deps();
    const result = await saveSettings(d, {
      shop: SHOP, staff: owner,
      patch: { privacy: { retentionDays: 9999, privacyPolicyUrl: "javascript:alert(1)" }, widget: { nope: 1 } as never },
    });
    expect(result).toMatchObject({ ok: false, code: "SETTINGS_INVALID", fieldErrors: { "widget.nope": "Unknown setting." } });
    const again = await saveSettings(d, { shop: SHOP, staff: owner, patch: { privacy: { retentionDays: 9999, privacyPolicyUrl: "javascript:alert(1)" } } });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(Object.keys(again.fieldErrors).sort()).toEqual(["privacy.privacyPolicyUrl", "privacy.retentionDays"]);
    expect(await t.db.shop.count()).toBe(0);
    expect(audit.entries).toHaveLength(0);
    expect(published).toHaveLength(0);
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
