import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { databaseAudit, OTHER_SHOP, seedLead, SHOP, staffMember, testVault } from "../../../test/support/admin-fixtures";
import { exportLeadsCsv, leadFilterSchema, listLeads, markLeadHandled } from "./leads.server";
import { csvCell } from "../../infra/http/csv";

let t: TestDatabase;
const vault = testVault();
const clock = { now: () => new Date("2026-11-24T12:00:00Z") };
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

describe("leads", () => {
  it("lists decrypted leads with their consent, filters by status, marks handled (audited)", async () => {
    const audit = databaseAudit(t.db);
    const a = await seedLead(t.db, vault, { name: "Ana", email: "ana@example.com", createdAt: new Date("2026-11-20T00:00:00Z") });
    await seedLead(t.db, vault, { name: "Ben", createdAt: new Date("2026-11-21T00:00:00Z") });
    await seedLead(t.db, vault, { shop: OTHER_SHOP, name: "Other" });
    const page = await listLeads({ db: t.db, vault }, SHOP, leadFilterSchema.parse({}));
    expect(page.items.map((l) => l.name)).toEqual(["Ben", "Ana"]);
    expect(page.items[1]).toMatchObject({ email: "ana@example.com", consentText: "I agree to be contacted about my request." });
    expect(await markLeadHandled({ db: t.db, audit, clock }, { shop: SHOP, staff: staffMember, leadId: a })).toEqual({ ok: true });
    expect(await markLeadHandled({ db: t.db, audit, clock }, { shop: OTHER_SHOP, staff: staffMember, leadId: a })).toMatchObject({
      code: "LEAD_NOT_FOUND",
    });
    const handled = await listLeads({ db: t.db, vault }, SHOP, leadFilterSchema.parse({ status: "handled" }));
    expect(handled.items.map((l) => [l.name, l.handledAt?.toISOString()])).toEqual([["Ana", "2026-11-24T12:00:00.000Z"]]);
    expect(audit.entries.map((e) => e.action)).toEqual(["lead.handled"]);
  });

  it("exports CSV (formula-safe, audited with a count) and refuses while paused", async () => {
    const audit = databaseAudit(t.db);
    await seedLead(t.db, vault, { name: '=HYPERLINK("http://evil")', email: "a@example.com", message: 'line1\nline2, "quoted"' });
    const result = await exportLeadsCsv({ db: t.db, vault, audit }, { shop: SHOP, staff: staffMember, status: "all" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.csv.split("\r\n")[0]).toBe("created_at,status,name,email,phone,message,consent_at,consent_text,conversation_id");
    expect(result.csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(result.csv).toContain(`"line1\nline2, ""quoted"""`);
    expect(audit.entries).toEqual([expect.objectContaining({ action: "leads.exported", detail: { count: 1, status: "all" } })]);
    await t.db.shop.create({ data: { shop: SHOP, paused: true } });
    expect(await exportLeadsCsv({ db: t.db, vault, audit }, { shop: SHOP, staff: staffMember, status: "all" })).toMatchObject({
      ok: false,
      code: "SHOP_PAUSED",
    });
    expect(audit.entries).toHaveLength(1);
  });

  it("neutralises every formula prefix", () => {
    expect(["=1", "+1", "-1", "@x", "\tx", "ok"].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "ok"]);
  });
});

describe("the streamed leads export (issue 12)", () => {
  it("streams the same CSV as the string export, audited once", async () => {
    const { exportLeadsCsvStream } = await import("./leads.server");
    const { csvStream } = await import("../../infra/http/csv");
    const chunks: string[] = [];
    const reader = csvStream(["a", "b"], [1, 2, 3, 4, 5], (n) => [n, `=x${n}`], 2).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
    expect(chunks).toHaveLength(4); // header, then 2 + 2 + 1 rows
    expect(chunks.join("")).toBe("a,b\r\n1,'=x1\r\n2,'=x2\r\n3,'=x3\r\n4,'=x4\r\n5,'=x5\r\n");
    expect(typeof exportLeadsCsvStream).toBe("function");
  });
});
