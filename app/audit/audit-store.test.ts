import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { recordAudit } from "./audit-store.server";

const SHOP = "demo-shop.myshopify.com";
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.cleanup());

describe("recordAudit", () => {
  it("stores who, what, when and a detail of counts, ids and field names", async () => {
    const id = await recordAudit(t.db, {
      shop: SHOP,
      actor: "84729341",
      actorName: "Sam Staff",
      action: "settings.updated",
      targetType: "shop_settings",
      detail: {
        fields: ["privacy.retentionDays", "privacy.redactEmails"],
        deleted: { messages: 3 },
        count: 2,
        conversationIds: ["Zq3kT9bH1xYp0aLmN2cD4e"],
        dryRun: false,
      },
    });
    const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ shop: SHOP, actor: "84729341", actorName: "Sam Staff", action: "settings.updated" });
    expect(JSON.parse(row.detailJson)).toMatchObject({ count: 2, deleted: { messages: 3 } });
  });

  const refused: Array<[string, Record<string, unknown>]> = [
    ["an email", { to: "jane@example.org" }],
    ["a phone number", { phone: "+1 415 555 0100" }],
    ["a numeric customer id", { customer: "7700000000001" }],
    ["a customer gid", { customer: "gid://shopify/Customer/7700000000001" }],
    ["message text", { text: "Where is my parcel? I live at 1 Main St" }],
    ["a negative or fractional count", { count: 1.5 }],
    ["a nested object beyond counts", { who: { email: "jane@example.org" } }],
  ];
  for (const [what, detail] of refused) {
    it(`refuses ${what} in the detail, and writes nothing`, async () => {
      const before = await t.db.auditEvent.count();
      await expect(recordAudit(t.db, { shop: SHOP, actor: "1", action: "leads.exported", detail })).rejects.toThrow(/audit event refused/);
      expect(await t.db.auditEvent.count()).toBe(before);
    });
  }

  it("never echoes the refused value in the error", async () => {
    await expect(
      recordAudit(t.db, { shop: SHOP, actor: "1", action: "leads.exported", detail: { to: "jane@example.org" } }),
    ).rejects.not.toThrow(/jane/);
  });
});
