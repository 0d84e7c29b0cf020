import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { testVault } from "../../../test/support/privacy-seed";
import { randomId } from "../../infra/random-id";
import { purgeExpired } from "./retention.server";

const DAY = 86_400_000;
const NOW = Date.parse("2026-06-01T03:00:00Z");
const clock = { now: () => new Date(NOW) };
const vault = testVault();
let t: TestDatabase;

async function conversation(shop: string, ageDays: number, messageAges: number[]) {
  const id = randomId();
  const last = new Date(NOW - Math.min(ageDays, ...messageAges) * DAY);
  await t.db.conversation.create({ data: { id, shop, tokenHash: "h", createdAt: new Date(NOW - ageDays * DAY), lastMessageAt: last } });
  for (const age of messageAges) {
    await t.db.message.create({
      data: {
        id: randomId(),
        shop,
        conversationId: id,
        role: "shopper",
        bodyEnc: vault.encrypt("hi"),
        keyId: "k1",
        createdAt: new Date(NOW - age * DAY),
      },
    });
  }
  return id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.shop.create({ data: { shop: "short.myshopify.com", settingsJson: JSON.stringify({ privacy: { retentionDays: 7 } }) } });
  await t.db.shop.create({ data: { shop: "default.myshopify.com" } }); // 90 days
});
afterAll(async () => t?.cleanup());

describe("purgeExpired", () => {
  it("deletes per shop what is older than that shop's retention period, and nothing younger", async () => {
    const oldShort = await conversation("short.myshopify.com", 10, [10, 9]);
    const activeShort = await conversation("short.myshopify.com", 30, [30, 1]); // long-running, still active
    const keptDefault = await conversation("default.myshopify.com", 10, [10]);
    const oldDefault = await conversation("default.myshopify.com", 100, [100]);
    for (const [shop, age] of [
      ["short.myshopify.com", 8],
      ["short.myshopify.com", 6],
      ["default.myshopify.com", 89],
      ["default.myshopify.com", 91],
    ] as const) {
      await t.db.lead.create({
        data: {
          id: randomId(),
          shop,
          keyId: "k1",
          consentAt: new Date(NOW - age * DAY),
          consentText: "ok",
          createdAt: new Date(NOW - age * DAY),
        },
      });
      await t.db.orderVerification.create({
        data: {
          id: randomId(),
          shop,
          conversationId: "c",
          orderHash: "o",
          emailHash: "e",
          ipHash: "i",
          success: false,
          createdAt: new Date(NOW - age * DAY),
        },
      });
    }
    await t.db.dataRequest.create({
      data: {
        id: "expired",
        shop: "short.myshopify.com",
        webhookId: "w1",
        topic: "customers/data_request",
        exportEnc: vault.encrypt("{}"),
        exportExpiresAt: new Date(NOW - 1),
      },
    });
    await t.db.dataRequest.create({
      data: {
        id: "fresh",
        shop: "short.myshopify.com",
        webhookId: "w2",
        topic: "customers/data_request",
        exportEnc: vault.encrypt("{}"),
        exportExpiresAt: new Date(NOW + DAY),
      },
    });
    await t.db.shopEvent.create({
      data: { id: randomId(), shop: "short.myshopify.com", kind: "handoff", createdAt: new Date(NOW - 500 * DAY) },
    });
    await t.db.shopEvent.create({
      data: { id: randomId(), shop: "short.myshopify.com", kind: "handoff", createdAt: new Date(NOW - 20 * DAY) },
    });

    const counts = await purgeExpired(t.db, clock);
    expect(counts).toMatchObject({ conversations: 2, messages: 4, leads: 2, orderVerifications: 2, exportsExpired: 1, shopEvents: 1 });
    const left = (await t.db.conversation.findMany({ select: { id: true } })).map((c) => c.id).sort();
    expect(left).toEqual([activeShort, keptDefault].sort());
    expect(left).not.toContain(oldShort);
    expect(left).not.toContain(oldDefault);
    expect(await t.db.message.count({ where: { conversationId: activeShort } })).toBe(1); // the 30-day-old message went
    expect(await t.db.lead.count()).toBe(2);
    expect((await t.db.dataRequest.findUniqueOrThrow({ where: { id: "expired" } })).exportEnc).toBeNull();
    expect((await t.db.dataRequest.findUniqueOrThrow({ where: { id: "fresh" } })).exportEnc).not.toBeNull();
    expect(await purgeExpired(t.db, clock)).toMatchObject({ conversations: 0, messages: 0, leads: 0 });
  });
});
