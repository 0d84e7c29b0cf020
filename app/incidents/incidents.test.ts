import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import {
  databaseAudit,
  newId,
  OTHER_SHOP,
  owner,
  seedConversation,
  seedLead,
  seedShopEvents,
  SHOP,
  staffMember,
  testVault,
} from "../../test/support/admin-fixtures";
import { detectAlerts, incidentWindowSchema, parseIncidentWindow, setPaused } from "./incidents.server";
import { assessWindow } from "./incident-assessment.server";
import { busiestWindow, CARD_BLOCKED_SPIKE, TRANSCRIPTS_OPENED_PER_STAFF, VERIFY_FAILED_BURST } from "./incident-rules";
import { loadShopState } from "../settings/shop-settings.server";

let t: TestDatabase;
const vault = testVault();
const now = new Date("2026-11-24T12:00:00Z");
const clock = { now: () => now };
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

async function audit(action: string, actor: string, at: Date, detail = {}) {
  await t.db.auditEvent.create({ data: { id: newId(), shop: SHOP, action, actor, createdAt: at, detailJson: JSON.stringify(detail) } });
}

describe("incident alerts", () => {
  it("raises nothing on normal activity", async () => {
    await audit("transcript.viewed", "2002", minutesAgo(5));
    await seedShopEvents(t.db, "card_blocked", CARD_BLOCKED_SPIKE.count - 1, minutesAgo(30));
    expect(await detectAlerts({ db: t.db, clock }, SHOP)).toEqual([]);
  });

  it("flags bulk exports, mass transcript opening and shopper-side spikes", async () => {
    for (let i = 0; i < 3; i++) await audit("leads.exported", "2002", minutesAgo(40 - i * 10), { count: 3 });
    await audit("leads.exported", "1001", minutesAgo(200), { count: 800 });
    for (let i = 0; i < TRANSCRIPTS_OPENED_PER_STAFF.count; i++) await audit("transcript.viewed", "2002", minutesAgo(9 - i * 0.3));
    await seedShopEvents(t.db, "verify_failed", VERIFY_FAILED_BURST.count, minutesAgo(8));
    await seedShopEvents(t.db, "card_blocked", CARD_BLOCKED_SPIKE.count, minutesAgo(50));
    await seedShopEvents(t.db, "rate_limited", 500, minutesAgo(60 * 24 * 4)); // outside the lookback
    await seedShopEvents(t.db, "verify_failed", 100, minutesAgo(10), OTHER_SHOP);
    const alerts = await detectAlerts({ db: t.db, clock }, SHOP);
    expect(alerts.map((a) => a.kind).sort()).toEqual([
      "bulk_exports",
      "card_blocked",
      "large_export",
      "transcripts_opened",
      "verify_failed",
    ]);
    expect(alerts.find((a) => a.kind === "transcripts_opened")).toMatchObject({ actor: "2002", count: 20 });
  });

  it("finds the busiest window", () => {
    const times = [0, 1, 2, 30, 31].map((m) => new Date(m * 60_000));
    expect(busiestWindow(times, { count: 3, windowMinutes: 5 })).toMatchObject({ count: 3, start: times[0], end: times[2] });
    expect(busiestWindow(times, { count: 4, windowMinutes: 5 })).toBeNull();
  });
});

describe("pause and assessment", () => {
  it("pauses and resumes the assistant, audited", async () => {
    const recorder = databaseAudit(t.db);
    await setPaused({ db: t.db, audit: recorder, clock, forgetShop: () => undefined }, { shop: SHOP, staff: owner, paused: true });
    expect((await loadShopState(t.db, SHOP)).paused).toBe(true);
    await setPaused({ db: t.db, audit: recorder, clock, forgetShop: () => undefined }, { shop: SHOP, staff: owner, paused: false });
    expect((await loadShopState(t.db, SHOP)).paused).toBe(false);
    expect(recorder.entries.map((e) => e.action)).toEqual(["assistant.paused", "assistant.resumed"]);
  });

  it("lists what a window touched by hashed ids and counts only", async () => {
    const id = await seedConversation(t.db, vault, {
      createdAt: minutesAgo(30),
      customerIdHash: vault.hash("customer", "42"),
      messages: [{ role: "shopper", text: "secret@example.com" }],
    });
    await seedConversation(t.db, vault, { createdAt: minutesAgo(60 * 48) });
    await seedLead(t.db, vault, { email: "ana@example.com", createdAt: minutesAgo(20) });
    await audit("transcript.viewed", staffMember.id, minutesAgo(10));
    await seedShopEvents(t.db, "card_blocked", 2, minutesAgo(15));
    const result = await assessWindow(t.db, SHOP, { from: minutesAgo(60), to: now });
    expect(result.conversations).toEqual({ count: 1, ids: [id] });
    expect(result.shoppers.hashes).toEqual([
      { kind: "customer", hash: vault.hash("customer", "42") },
      { kind: "email", hash: vault.hash("email", "ana@example.com") },
    ]);
    expect(JSON.stringify(result)).not.toContain("example.com");
    expect(result.dataKinds).toEqual([
      { kind: "messages", count: 1 },
      { kind: "leads", count: 1 },
      { kind: "event.card_blocked", count: 2 },
    ]);
    expect(result.staffActions).toEqual([{ action: "transcript.viewed", actor: "2002", count: 1 }]);
    expect(incidentWindowSchema.safeParse({ from: "2026-01-01", to: "2026-06-01" }).success).toBe(false);
    // Why a window is refused, as a code the page words in the merchant's language.
    expect(parseIncidentWindow("2026-01-01", "2026-06-01")).toEqual({ ok: false, problem: "tooLong" });
    expect(parseIncidentWindow("2026-01-02", "2026-01-01")).toEqual({ ok: false, problem: "order" });
    expect(parseIncidentWindow("yesterday", null)).toEqual({ ok: false, problem: "invalid" });
    // A missing bound is not 1970, and a time without its offset is not read in the server's zone.
    expect(parseIncidentWindow(null, "2026-01-02T00:00:00Z")).toEqual({ ok: false, problem: "invalid" });
    expect(parseIncidentWindow("2026-01-01T10:00", "2026-01-02T00:00:00Z")).toEqual({ ok: false, problem: "invalid" });
    expect(parseIncidentWindow("2026-01-01T10:00+02:00", "2026-01-01T10:00:00.000Z")).toMatchObject({ ok: true });
    expect(parseIncidentWindow("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")).toMatchObject({ ok: true });
  });
});
