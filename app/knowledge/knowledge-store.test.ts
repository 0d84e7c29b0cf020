import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createInMemoryKnowledgeStore } from "./in-memory-knowledge-store";
import { searchKnowledge } from "./knowledge-search";
import {
  createFaqEntry,
  createPrismaKnowledgeStore,
  deleteFaqEntry,
  listFaqEntries,
  savePolicyEntry,
  updateFaqEntry,
} from "./knowledge-store.server";

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
    const updated = await updateFaqEntry(t.db, "a.myshopify.com", a.id, {
      question: "Do you gift wrap?",
      answer: "Yes, free.",
      url: "/pages/gifts",
    });
    expect(updated).toMatchObject({ answer: "Yes, free.", url: "/pages/gifts", kind: "faq" });

    const store = createPrismaKnowledgeStore(t.db);
    expect((await store.listEntries("a.myshopify.com")).map((e) => e.answer)).toEqual(["Yes, free."]);

    expect(await deleteFaqEntry(t.db, "b.myshopify.com", a.id)).toBe(false);
    expect(await deleteFaqEntry(t.db, "a.myshopify.com", a.id)).toBe(true);
    expect(await store.listEntries("a.myshopify.com")).toEqual([]);
  });

  it("refuses links off the shop's own origin", async () => {
    await expect(
      createFaqEntry(t.db, "a.myshopify.com", { question: "Link?", answer: "x", url: "https://evil.example" }),
    ).rejects.toThrow();
    // Protocol-relative and backslash forms start with "/" but leave the shop (found by test/browser/xss.test.ts).
    for (const url of ["//evil.example/x", "/\\evil.example/x", "javascript:alert(1)"]) {
      await expect(createFaqEntry(t.db, "a.myshopify.com", { question: "Link?", answer: "x", url })).rejects.toThrow();
    }
    expect(
      (await savePolicyEntry(t.db, "a.myshopify.com", { policyType: "REFUND_POLICY", title: "Refunds", body: "x", url: "//evil.example" }))
        .url,
    ).toBeNull();
  });

  it("keeps one policy text per type, which answers policy questions when the Admin API cannot", async () => {
    await savePolicyEntry(t.db, "c.myshopify.com", {
      policyType: "REFUND_POLICY",
      title: "Refund policy",
      body: "Old text.",
      url: "/policies/refund-policy",
    });
    await savePolicyEntry(t.db, "c.myshopify.com", {
      policyType: "REFUND_POLICY",
      title: "Refund policy",
      body: "Returns within 30 days.",
      url: "/policies/refund-policy",
    });
    const entries = await createPrismaKnowledgeStore(t.db).listEntries("c.myshopify.com");
    expect(entries).toEqual([expect.objectContaining({ kind: "policy", policyType: "REFUND_POLICY", answer: "Returns within 30 days." })]);

    const noPolicyScope = async () => ({ ok: false as const, code: "GRAPHQL_ERROR" as const, message: "read_legal_policies" });
    const { matches } = await searchKnowledge(
      { admin: noPolicyScope, knowledge: createInMemoryKnowledgeStore({ "c.myshopify.com": entries }) },
      { shop: "c.myshopify.com", query: "Puis-je retourner un article ? remboursement" },
    );
    expect(matches[0]).toMatchObject({ source: "policy", title: "Refund policy", url: "/policies/refund-policy" });
  });
});
