// The staff-side incident alerts, provoked through the admin's own functions (the
// ones the routes call) and the real audit recorder, not seeded audit rows. The
// shopper-side alerts are provoked through the proxy in test/shopper-api/security-events.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { newId, owner, seedConversation, SHOP, staffMember, testVault } from "../../test/support/admin-fixtures";
import { auditRecorder } from "../audit/audit-recorder.server";
import { viewTranscript } from "../conversations/admin/conversations.server";
import { BULK_EXPORTS_PER_STAFF, LARGE_LEAD_EXPORT_ROWS, TRANSCRIPTS_OPENED_PER_STAFF } from "./incident-rules";
import { detectAlerts } from "./incidents.server";
import { exportLeadsCsv } from "../leads/admin/leads.server";
import { systemClock } from "../infra/clock";

let t: TestDatabase;
const vault = testVault();
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

const deps = () => ({ db: t.db, vault, audit: auditRecorder(t.db) });
const alertsOf = () => detectAlerts({ db: t.db, clock: systemClock }, SHOP);

async function seedLeads(count: number) {
  const consentAt = new Date();
  await t.db.lead.createMany({
    data: Array.from({ length: count }, () => ({
      id: newId(),
      shop: SHOP,
      keyId: vault.currentKeyId,
      consentAt,
      consentText: "You may contact me.",
    })),
  });
}

describe("staff incident alerts through the admin's functions", () => {
  it("flags repeated lead exports by one staff member, and a single very large export", async () => {
    await seedLeads(2);
    for (let i = 0; i < BULK_EXPORTS_PER_STAFF.count - 1; i++) {
      expect((await exportLeadsCsv(deps(), { shop: SHOP, staff: staffMember, status: "all" })).ok).toBe(true);
    }
    expect(await alertsOf()).toEqual([]);
    await exportLeadsCsv(deps(), { shop: SHOP, staff: staffMember, status: "all" });
    expect(await alertsOf()).toMatchObject([{ kind: "bulk_exports", actor: staffMember.id, count: BULK_EXPORTS_PER_STAFF.count }]);

    await seedLeads(LARGE_LEAD_EXPORT_ROWS - 2);
    const large = await exportLeadsCsv(deps(), { shop: SHOP, staff: owner, status: "all" });
    expect(large).toMatchObject({ ok: true, count: LARGE_LEAD_EXPORT_ROWS });
    const alert = (await alertsOf()).find((a) => a.kind === "large_export");
    expect(alert).toMatchObject({ actor: owner.id, actorName: owner.name, count: LARGE_LEAD_EXPORT_ROWS, windowMinutes: 0 });
  });

  it("flags many transcripts opened by one staff member in a short time", async () => {
    const id = await seedConversation(t.db, vault, { messages: [{ role: "shopper", text: "Where is my order?" }] });
    for (let i = 0; i < TRANSCRIPTS_OPENED_PER_STAFF.count - 1; i++) {
      expect((await viewTranscript(deps(), { shop: SHOP, staff: owner, conversationId: id })).ok).toBe(true);
    }
    expect(await alertsOf()).toEqual([]);
    await viewTranscript(deps(), { shop: SHOP, staff: owner, conversationId: id });
    expect(await alertsOf()).toMatchObject([
      {
        kind: "transcripts_opened",
        actor: owner.id,
        actorName: owner.name,
        count: TRANSCRIPTS_OPENED_PER_STAFF.count,
        windowMinutes: TRANSCRIPTS_OPENED_PER_STAFF.windowMinutes,
      },
    ]);
  });
});
