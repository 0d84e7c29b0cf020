import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { newId, OTHER_SHOP, SHOP } from "../../test/support/admin-fixtures";
import { auditFilterOptions, auditFilterSchema, listAuditEvents, AUDIT_PAGE_SIZE } from "./audit-log.server";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

async function seed(shop: string, action: string, actor: string, createdAt: Date, detail = {}) {
  await t.db.auditEvent.create({
    data: { id: newId(), shop, action, actor, actorName: `User ${actor}`, createdAt, detailJson: JSON.stringify(detail) },
  });
}

describe("audit log", () => {
  it("filters by action, actor and date, paginates, and never shows another shop", async () => {
    for (let i = 0; i < 60; i++)
      await seed(
        SHOP,
        i % 2 ? "transcript.viewed" : "settings.updated",
        i % 3 ? "1" : "2",
        new Date(Date.UTC(2026, 10, 1 + (i % 20), 10, i)),
        { fields: ["privacy.retentionDays"] },
      );
    await seed(OTHER_SHOP, "leads.exported", "9", new Date("2026-11-05T00:00:00Z"));
    const first = await listAuditEvents(t.db, SHOP, auditFilterSchema.parse({}), "UTC");
    expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditEvents(t.db, SHOP, auditFilterSchema.parse({ cursor: first.nextCursor }), "UTC");
    expect(second.items).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]!.detail).toBe("fields: privacy.retentionDays");
    const viewed = await listAuditEvents(t.db, SHOP, auditFilterSchema.parse({ action: "transcript.viewed", actor: "2" }), "UTC");
    expect(viewed.items.every((r) => r.action === "transcript.viewed" && r.actor === "2")).toBe(true);
    expect(viewed.items).toHaveLength(10);
    const day = await listAuditEvents(t.db, SHOP, auditFilterSchema.parse({ from: "2026-11-03", to: "2026-11-03" }), "UTC");
    expect(day.items).toHaveLength(3);
    // The filter's days are the shop's: 3 November on Kiritimati (UTC+14) is 2 November,
    // 10:00 UTC to 3 November, 10:00 UTC, so the entries of 2 November at 10:01–10:41 UTC.
    const kiritimati = await listAuditEvents(
      t.db,
      SHOP,
      auditFilterSchema.parse({ from: "2026-11-03", to: "2026-11-03" }),
      "Pacific/Kiritimati",
    );
    expect(kiritimati.items.map((r) => r.createdAt.toISOString()).sort()).toEqual([
      "2026-11-02T10:01:00.000Z",
      "2026-11-02T10:21:00.000Z",
      "2026-11-02T10:41:00.000Z",
    ]);
    const options = await auditFilterOptions(t.db, SHOP);
    expect(options.actions).toEqual(["settings.updated", "transcript.viewed"]);
    expect(options.actors.map((a) => a.id)).toEqual(["1", "2"]);
  });
});
