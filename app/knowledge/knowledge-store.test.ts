import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createFaqEntry, createPrismaKnowledgeStore, deleteFaqEntry, listFaqEntries, updateFaqEntry } from "./knowledge-store.server";

describe("FAQ entries in the database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.cleanup());

  it("creates, lists, updates and deletes FAQ entries of one shop only", async () => {
    const a = await createFaqEntry(t.db, "a.myshopify.com", { question: "Do you gift wrap?", answer: "Yes, for 3 EUR." });
    await createFaqEntry(t.db, "b.myshopify.com", { question: "Other shop?", answer: "Not yours." });
    expect((await listFaqEntries(t.db, "a.myshopify.com")).map((e) => e.question)).toEqual(["Do you gift wrap?"]);

    expect(await updateFaqEntry(t.db, "b.myshopify.com", a.id, { question: "Hijack?", answer: "No." })).toBeNull();
    const updated = await updateFaqEntry(t.db, "a.myshopify.com", a.id, { question: "Do you gift wrap?", answer: "Yes, free.", url: "/pages/gifts" });
    expect(updated).toMatchObject({ answer: "Yes, free.", url: "/pages/gifts", kind: "faq" });

    const store = createPrismaKnowledgeStore(t.db);
    expect((await store.listEntries("a.myshopify.com")).map((e) => e.answer)).toEqual(["Yes, free."]);

    expect(await deleteFaqEntry(t.db, "b.myshopify.com", a.id)).toBe(false);
    expect(await deleteFaqEntry(t.db, "a.myshopify.com", a.id)).toBe(true);
    expect(await store.listEntries("a.myshopify.com")).toEqual([]);
  });

  it("refuses links off the shop's own origin", async () => {
    await expect(createFaqEntry(t.db, "a.myshopify.com", { question: "Link?", answer: "x", url: "https://evil.example" })).rejects.toThrow();
  });
});
