import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import {
  databaseAudit,
  newId,
  OTHER_SHOP,
  owner,
  seedConversation,
  SHOP,
  staffMember,
  testVault,
} from "../../../test/support/admin-fixtures";
import { conversationFilterSchema, listConversations, viewTranscript, CONVERSATIONS_PAGE_SIZE } from "./conversations.server";

let t: TestDatabase;
const vault = testVault();
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

const filter = (input: Record<string, string> = {}) => conversationFilterSchema.parse(input);

describe("listConversations", () => {
  it("filters by outcome and date range, newest first, this shop only", async () => {
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-01T10:00:00Z"), outcome: "answered" });
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-02T10:00:00Z"), outcome: "handed_off" });
    await seedConversation(t.db, vault, { createdAt: new Date("2026-11-03T10:00:00Z"), outcome: "answered", basicMode: true });
    await seedConversation(t.db, vault, { shop: OTHER_SHOP, createdAt: new Date("2026-11-03T10:00:00Z") });
    expect((await listConversations(t.db, SHOP, filter(), "UTC")).items.map((c) => c.createdAt.getUTCDate())).toEqual([3, 2, 1]);
    expect((await listConversations(t.db, SHOP, filter({ outcome: "answered" }), "UTC")).items).toHaveLength(2);
    expect((await listConversations(t.db, SHOP, filter({ outcome: "handed_off" }), "UTC")).items).toHaveLength(1);
    expect((await listConversations(t.db, SHOP, filter({ outcome: "basic" }), "UTC")).items).toHaveLength(1);
    const range = await listConversations(t.db, SHOP, filter({ from: "2026-11-02", to: "2026-11-02" }), "UTC");
    expect(range.items.map((c) => c.outcome)).toEqual(["handed_off"]);
    // Hostile query strings fall back to defaults instead of failing the page.
    expect(conversationFilterSchema.parse({ outcome: "<script>", from: "yesterday" })).toMatchObject({ outcome: "all", from: undefined });
  });

  it("reads the date filter's days in the shop's time zone, midnight to midnight", async () => {
    // Around 2 November in Berlin (CET, UTC+1): it runs from 2026-11-01T23:00Z to 2026-11-02T23:00Z.
    const times = [
      "2026-11-01T22:59:59.999Z", // 1 Nov, 23:59:59.999 in Berlin
      "2026-11-01T23:00:00.000Z", // 2 Nov, 00:00
      "2026-11-01T23:30:00.000Z", // 2 Nov, 00:30
      "2026-11-02T22:30:00.000Z", // 2 Nov, 23:30
      "2026-11-02T23:00:00.000Z", // 3 Nov, 00:00
    ];
    for (const time of times) await seedConversation(t.db, vault, { createdAt: new Date(time) });
    const on = async (from: string, to: string, timeZone: string) =>
      (await listConversations(t.db, SHOP, filter({ from, to }), timeZone)).items.map((c) => c.createdAt.toISOString()).reverse();
    expect(await on("2026-11-02", "2026-11-02", "Europe/Berlin")).toEqual(times.slice(1, 4));
    expect(await on("2026-11-01", "2026-11-01", "Europe/Berlin")).toEqual(times.slice(0, 1));
    expect(await on("2026-11-03", "2026-11-03", "Europe/Berlin")).toEqual(times.slice(4));
    // The same rows in other zones: 2 November in UTC and in Auckland (UTC+13, from
    // 2026-11-01T11:00Z), 1 November in Los Angeles (PST from 09:00Z that day, so until 2026-11-02T08:00Z).
    expect(await on("2026-11-02", "2026-11-02", "UTC")).toEqual(times.slice(3));
    expect(await on("2026-11-02", "2026-11-02", "Pacific/Auckland")).toEqual(times.slice(0, 3));
    expect(await on("2026-11-01", "2026-11-01", "America/Los_Angeles")).toEqual(times.slice(0, 3));
    // Only one side set: from its midnight on, or up to the end of its day.
    expect((await listConversations(t.db, SHOP, filter({ from: "2026-11-03" }), "Europe/Berlin")).items).toHaveLength(1);
    expect((await listConversations(t.db, SHOP, filter({ to: "2026-11-01" }), "Europe/Berlin")).items).toHaveLength(1);
  });

  it("keeps the whole of a 25-hour day in the filter (Berlin, 25 October 2026)", async () => {
    const times = [
      "2026-10-24T21:59:59.999Z", // 24 Oct, 23:59:59.999 CEST
      "2026-10-24T22:00:00.000Z", // 25 Oct, 00:00 CEST
      "2026-10-25T01:30:00.000Z", // 25 Oct, 02:30 CET (the repeated hour's second time)
      "2026-10-25T22:59:59.999Z", // 25 Oct, 23:59:59.999 CET: the 25th hour
      "2026-10-25T23:00:00.000Z", // 26 Oct, 00:00 CET
    ];
    for (const time of times) await seedConversation(t.db, vault, { createdAt: new Date(time) });
    const page = await listConversations(t.db, SHOP, filter({ from: "2026-10-25", to: "2026-10-25" }), "Europe/Berlin");
    expect(page.items.map((c) => c.createdAt.toISOString()).reverse()).toEqual(times.slice(1, 4));
  });

  it("stays fast at 10,000 conversations with keyset pages in both directions", async () => {
    const start = new Date("2026-01-01T00:00:00Z").getTime();
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: newId(),
      shop: SHOP,
      tokenHash: "t",
      createdAt: new Date(start + i * 60_000),
      lastMessageAt: new Date(start + i * 60_000),
      outcome: i % 3 === 0 ? "handed_off" : "answered",
      basicMode: i % 7 === 0,
    }));
    for (let i = 0; i < rows.length; i += 1000) await t.db.conversation.createMany({ data: rows.slice(i, i + 1000) });

    let page = await listConversations(t.db, SHOP, filter(), "UTC");
    const seen = new Set(page.items.map((c) => c.id));
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const began = performance.now();
      page = await listConversations(t.db, SHOP, filter({ cursor: page.nextCursor!, outcome: i % 2 ? "all" : "answered" }), "UTC");
      timings.push(performance.now() - began);
      expect(page.items).toHaveLength(CONVERSATIONS_PAGE_SIZE);
    }
    const began = performance.now();
    const filtered = await listConversations(t.db, SHOP, filter({ outcome: "basic", from: "2026-01-03", to: "2026-01-05" }), "UTC");
    timings.push(performance.now() - began);
    expect(filtered.items.every((c) => c.basicMode)).toBe(true);
    timings.sort((a, b) => a - b);
    expect(timings[Math.floor(timings.length / 2)]).toBeLessThan(100); // median page query, ms
    const back = await listConversations(t.db, SHOP, filter({ cursor: page.previousCursor!, direction: "previous" }), "UTC");
    expect(back.items).toHaveLength(CONVERSATIONS_PAGE_SIZE);
    expect(back.items[0]!.createdAt > back.items[1]!.createdAt).toBe(true);
    expect(seen.size).toBe(CONVERSATIONS_PAGE_SIZE);
  }, 60_000);
});

describe("viewTranscript", () => {
  it("decrypts the transcript, audits the view and hides other shops' conversations", async () => {
    const audit = databaseAudit(t.db);
    const id = await seedConversation(t.db, vault, {
      messages: [
        { role: "shopper", text: "<img src=x onerror=alert(1)> where is my order?" },
        // a card as the assistant stores it (cards are read back through the card schemas)
        {
          role: "assistant",
          text: "Here it is.",
          cards: [
            {
              kind: "order",
              name: "#1001",
              createdAt: "2026-11-01T10:00:00Z",
              status: "Open",
              fulfillmentStatus: "UNFULFILLED",
              financialStatus: "PAID",
              items: [],
              tracking: [],
              total: { amount: "10.00", currencyCode: "EUR" },
            },
          ],
        },
      ],
    });
    const result = await viewTranscript({ db: t.db, vault, audit }, { shop: SHOP, staff: staffMember, conversationId: id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.transcript.messages.map((m) => m.text)).toEqual(["<img src=x onerror=alert(1)> where is my order?", "Here it is."]);
    expect(result.transcript.messages[1]!.cards).toEqual([{ kind: "order", title: "#1001" }]);
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: "transcript.viewed", targetId: id, actor: "2002", detail: { messages: 2 } }),
    ]);
    const other = await viewTranscript({ db: t.db, vault, audit }, { shop: OTHER_SHOP, staff: owner, conversationId: id });
    expect(other).toMatchObject({ ok: false, code: "TRANSCRIPT_NOT_FOUND" });
  });

  it("limits access to the owner or listed staff, as settings.access says", async () => {
    const audit = databaseAudit(t.db);
    const id = await seedConversation(t.db, vault, { messages: [{ role: "shopper", text: "hi" }] });
    const deps = { db: t.db, vault, audit };
    await t.db.shop.create({ data: { shop: SHOP, settingsJson: JSON.stringify({ access: { ownerOnlyTranscripts: true } }) } });
    expect(await viewTranscript(deps, { shop: SHOP, staff: staffMember, conversationId: id })).toMatchObject({
      code: "TRANSCRIPT_FORBIDDEN",
    });
    expect(await viewTranscript(deps, { shop: SHOP, staff: { ...staffMember, isOwner: null }, conversationId: id })).toMatchObject({
      code: "TRANSCRIPT_FORBIDDEN",
    });
    expect((await viewTranscript(deps, { shop: SHOP, staff: owner, conversationId: id })).ok).toBe(true);
    await t.db.shop.update({ where: { shop: SHOP }, data: { settingsJson: JSON.stringify({ access: { transcriptViewers: ["2002"] } }) } });
    expect((await viewTranscript(deps, { shop: SHOP, staff: staffMember, conversationId: id })).ok).toBe(true);
    expect(await viewTranscript(deps, { shop: SHOP, staff: { id: "3003", name: null, isOwner: false }, conversationId: id })).toMatchObject(
      { code: "TRANSCRIPT_FORBIDDEN" },
    );
    expect(audit.entries.filter((e) => e.action === "transcript.viewed")).toHaveLength(2);
  });
});
