import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { adminOverRemixFake, databaseAudit, OTHER_SHOP, SHOP, staffMember } from "../../../test/support/admin-fixtures";
import { applyFaqAction, faqActionSchema, loadKnowledgePage } from "./knowledge-admin.server";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t.cleanup());

const policiesAdmin = adminOverRemixFake({
  graphql: async () =>
    Response.json({
      data: {
        shop: {
          name: "Demo",
          shopPolicies: [
            {
              type: "REFUND_POLICY",
              title: "Refund policy",
              body: "<p>Returns within <b>30 days</b>.</p>",
              url: "https://demo-shop.myshopify.com/policies/refund-policy",
            },
          ],
        },
      },
    }),
});
const downAdmin = adminOverRemixFake({
  graphql: async () => {
    throw new Error("down");
  },
});

describe("knowledge admin", () => {
  it("creates, searches, edits and deletes FAQ entries for this shop only, audited", async () => {
    const audit = databaseAudit(t.db);
    const deps = { db: t.db, audit };
    const create = (question: string, answer: string) => faqActionSchema.parse({ intent: "create", question, answer, url: "" });
    await applyFaqAction(deps, { shop: SHOP, staff: staffMember, action: create("Do you ship abroad?", "Yes, to the EU.") });
    await applyFaqAction(deps, { shop: SHOP, staff: staffMember, action: create("Gift wrapping?", "<script>alert(1)</script> yes") });
    await applyFaqAction(deps, { shop: OTHER_SHOP, staff: staffMember, action: create("Other shop?", "x") });
    let page = await loadKnowledgePage({ db: t.db, admin: policiesAdmin }, SHOP, "abroad");
    expect(page.faqs.map((f) => f.question)).toEqual(["Do you ship abroad?"]);
    expect(page.totalFaqs).toBe(2);
    expect(page.policies).toEqual({
      ok: true,
      items: [
        {
          type: "REFUND_POLICY",
          title: "Refund policy",
          excerpt: "Returns within 30 days .",
          url: "https://demo-shop.myshopify.com/policies/refund-policy",
        },
      ],
    });
    const id = page.faqs[0]!.id;
    await applyFaqAction(deps, {
      shop: SHOP,
      staff: staffMember,
      action: faqActionSchema.parse({ intent: "update", id, question: "Do you ship worldwide?", answer: "Yes." }),
    });
    expect(await applyFaqAction(deps, { shop: OTHER_SHOP, staff: staffMember, action: { intent: "delete", id } })).toMatchObject({
      code: "FAQ_NOT_FOUND",
    });
    await applyFaqAction(deps, { shop: SHOP, staff: staffMember, action: { intent: "delete", id } });
    page = await loadKnowledgePage({ db: t.db, admin: downAdmin }, SHOP, "");
    expect(page.faqs.map((f) => f.question)).toEqual(["Gift wrapping?"]);
    expect(page.policies).toMatchObject({ ok: false, code: "ADMIN_API_UNAVAILABLE" });
    expect(audit.entries.filter((e) => e.shop === SHOP).map((e) => e.action)).toEqual([
      "knowledge.faq_created",
      "knowledge.faq_created",
      "knowledge.faq_updated",
      "knowledge.faq_deleted",
    ]);
  });

  it("rejects invalid FAQ input with field errors", () => {
    const result = faqActionSchema.safeParse({ intent: "create", question: "?", answer: "" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["question", "answer"]);
  });
});
