// The Knowledge page: the merchant's FAQ (search, create, edit, delete; audited) and
// the store policies exactly as the assistant reads them, live from the Admin API
// (the assistant does not cache them, so neither do we; "Refresh" re-reads).
import { z } from "zod";
import type { KnowledgeEntryView } from "../ports";
import { htmlToText } from "../knowledge-search";
import { createFaqEntry, deleteFaqEntry, faqInputSchema, listFaqEntries, updateFaqEntry } from "../knowledge-store.server";
import { SHOP_POLICIES } from "../operations";
import { runAdminQuery } from "../../infra/shopify/admin-query";
import { failure, type AuditRecorder, type Database, type Failure, type StaffUser } from "../../infra/admin-ports";
import type { AdminGraphql } from "../../infra/shopify/admin-graphql";

export interface PolicyView {
  type: string;
  title: string;
  excerpt: string;
  url: string | null;
}

export interface KnowledgePage {
  faqs: KnowledgeEntryView[];
  totalFaqs: number;
  policies: { ok: true; items: PolicyView[] } | Failure;
}

const policiesSchema = z.object({
  shop: z.object({
    shopPolicies: z.array(z.object({ type: z.string(), title: z.string(), body: z.string(), url: z.string().nullable().optional() })),
  }),
});

const matches = (entry: KnowledgeEntryView, q: string) =>
  `${entry.question}\n${entry.answer}`.toLocaleLowerCase().includes(q.toLocaleLowerCase());

export async function loadKnowledgePage(deps: { db: Database; admin: AdminGraphql }, shop: string, query: string): Promise<KnowledgePage> {
  const [all, policies] = await Promise.all([
    listFaqEntries(deps.db, shop),
    runAdminQuery(deps.admin, SHOP_POLICIES, undefined, policiesSchema),
  ]);
  const q = query.trim();
  return {
    faqs: q ? all.filter((e) => matches(e, q)) : all,
    totalFaqs: all.length,
    policies: policies.ok
      ? {
          ok: true,
          items: policies.data.shop.shopPolicies.map((p) => {
            const text = htmlToText(p.body);
            return { type: p.type, title: p.title, url: p.url ?? null, excerpt: text.length > 280 ? `${text.slice(0, 280)}…` : text };
          }),
        }
      : policies,
  };
}

export const faqActionSchema = z.discriminatedUnion("intent", [
  faqInputSchema.extend({ intent: z.literal("create") }),
  faqInputSchema.extend({ intent: z.literal("update"), id: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("delete"), id: z.string().min(1).max(100) }),
]);
export type FaqAction = z.infer<typeof faqActionSchema>;

export async function applyFaqAction(
  deps: { db: Database; audit: AuditRecorder },
  input: { shop: string; staff: StaffUser; action: FaqAction },
): Promise<{ ok: true } | Failure<"FAQ_NOT_FOUND">> {
  const { action, shop } = input;
  let id: string;
  if (action.intent === "create") {
    id = (await createFaqEntry(deps.db, shop, action)).id;
  } else if (action.intent === "update") {
    const updated = await updateFaqEntry(deps.db, shop, action.id, action);
    if (!updated) return failure("FAQ_NOT_FOUND", "This FAQ entry does not exist any more.");
    id = updated.id;
  } else {
    if (!(await deleteFaqEntry(deps.db, shop, action.id))) return failure("FAQ_NOT_FOUND", "This FAQ entry does not exist any more.");
    id = action.id;
  }
  await deps.audit({
    shop,
    actor: input.staff.id,
    actorName: input.staff.name,
    action: `knowledge.faq_${action.intent}d`,
    targetType: "knowledge_entry",
    targetId: id,
  });
  return { ok: true };
}
