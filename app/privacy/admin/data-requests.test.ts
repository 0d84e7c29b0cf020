import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { newId, OTHER_SHOP, SHOP, staffMember, testVault } from "../../../test/support/admin-fixtures";
import { downloadDataRequestExport, listDataRequests } from "./data-requests.server";

let t: TestDatabase;
const vault = testVault();
const clock = { now: () => new Date("2026-11-24T12:00:00Z") };
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

async function seed(
  shop: string,
  data: Partial<{ topic: string; exportEnc: string | null; exportExpiresAt: Date | null; status: string; summaryJson: string }>,
) {
  const id = newId();
  await t.db.dataRequest.create({
    data: { id, shop, webhookId: newId(), topic: "customers/data_request", status: "done", shopifyRequestId: "9999", ...data },
  });
  return id;
}

describe("data requests", () => {
  it("lists every compliance request with summary counts and whether it can be downloaded", async () => {
    await seed(SHOP, {
      exportEnc: vault.encrypt("{}"),
      exportExpiresAt: new Date("2026-12-01T00:00:00Z"),
      summaryJson: '{"conversations":2,"note":"x"}',
    });
    await seed(SHOP, { topic: "customers/redact", summaryJson: '{"deleted":5}' });
    await seed(SHOP, { exportEnc: vault.encrypt("{}"), exportExpiresAt: new Date("2026-11-01T00:00:00Z") });
    await seed(OTHER_SHOP, {});
    const rows = await listDataRequests({ db: t.db, clock }, SHOP);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.downloadable).sort()).toEqual([false, false, true]);
    expect(rows.find((r) => r.topic === "customers/redact")!.summary).toEqual({ deleted: 5 });
    expect(rows.find((r) => r.downloadable)!.summary).toEqual({ conversations: 2 });
  });

  it("downloads the decrypted export (audited); refuses when expired, foreign or paused", async () => {
    const audit = async () => (await t.db.auditEvent.findMany({ where: { shop: SHOP } })).map((e) => [e.action, e.targetId, e.actor]);
    const download = (shop: string, dataRequestId: string) =>
      downloadDataRequestExport(t.db, vault, { shop, dataRequestId, actor: staffMember.id, actorName: staffMember.name }, clock.now());
    const id = await seed(SHOP, {
      exportEnc: vault.encrypt('{"customer":{"conversations":[]}}'),
      exportExpiresAt: new Date("2026-12-01T00:00:00Z"),
    });
    const expired = await seed(SHOP, { exportEnc: vault.encrypt("{}"), exportExpiresAt: new Date("2026-11-01T00:00:00Z") });
    const result = await download(SHOP, id);
    expect(result).toMatchObject({ ok: true, json: '{"customer":{"conversations":[]}}' });
    expect(await audit()).toEqual([["data_request.downloaded", id, staffMember.id]]);
    expect(await download(SHOP, expired)).toMatchObject({ code: "DATA_REQUEST_EXPIRED" });
    expect(await download(OTHER_SHOP, id)).toMatchObject({ code: "DATA_REQUEST_NOT_FOUND" });
    await t.db.shop.create({ data: { shop: SHOP, paused: true } });
    expect(await download(SHOP, id)).toMatchObject({ code: "SHOP_PAUSED" });
    expect(await audit()).toHaveLength(1);
  });
});
