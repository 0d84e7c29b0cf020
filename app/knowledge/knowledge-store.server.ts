// KnowledgeStore over Prisma, plus the FAQ CRUD the admin's knowledge page uses.
// Every query filters by shop.
import { randomId } from "../infra/random-id";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { KnowledgeEntryView, KnowledgeStore } from "./ports";
import type { Vault } from "../infra/crypto/crypto.server";
import { reencryptTable, type RotationReport } from "../infra/crypto/reencrypt.server";

const SHOP_PATH = /^\/(?![/\\])[^\s]*$/;
const isShopPath = (url: string | null | undefined): url is string => typeof url === "string" && SHOP_PATH.test(url);

export const faqInputSchema = z.object({
  question: z.string().trim().min(3).max(300),
  answer: z.string().trim().min(1).max(4000),
  // A path on the shop's own storefront. "//host" and "/\host" are other hosts to a browser.
  url: z.union([z.string().trim().regex(SHOP_PATH, "must be a path on your store, starting with /"), z.literal("")]).optional(),
});
export type FaqInput = z.infer<typeof faqInputSchema>;

type Db = Pick<PrismaClient, "knowledgeEntry">;

function view(row: {
  id: string;
  kind: string;
  policyType: string | null;
  question: string;
  answer: string;
  url: string | null;
}): KnowledgeEntryView {
  return {
    id: row.id,
    kind: row.kind === "policy" ? "policy" : "faq",
    policyType: row.policyType,
    question: row.question,
    answer: row.answer,
    url: row.url,
  };
}

export function createPrismaKnowledgeStore(db: Db): KnowledgeStore {
  return {
    async listEntries(shop) {
      const rows = await db.knowledgeEntry.findMany({ where: { shop }, orderBy: { createdAt: "asc" }, take: 500 });
      return rows.map(view);
    },
  };
}

export async function listFaqEntries(db: Db, shop: string): Promise<KnowledgeEntryView[]> {
  const rows = await db.knowledgeEntry.findMany({ where: { shop, kind: "faq" }, orderBy: { createdAt: "asc" } });
  return rows.map(view);
}

export async function createFaqEntry(db: Db, shop: string, input: FaqInput): Promise<KnowledgeEntryView> {
  const data = faqInputSchema.parse(input);
  const row = await db.knowledgeEntry.create({
    data: { id: randomId(), shop, kind: "faq", question: data.question, answer: data.answer, url: data.url || null },
  });
  return view(row);
}

export async function updateFaqEntry(db: Db, shop: string, id: string, input: FaqInput): Promise<KnowledgeEntryView | null> {
  const data = faqInputSchema.parse(input);
  const { count } = await db.knowledgeEntry.updateMany({
    where: { id, shop, kind: "faq" },
    data: { question: data.question, answer: data.answer, url: data.url || null },
  });
  if (count === 0) return null;
  const row = await db.knowledgeEntry.findFirst({ where: { id, shop } });
  return row ? view(row) : null;
}

export async function deleteFaqEntry(db: Db, shop: string, id: string): Promise<boolean> {
  const { count } = await db.knowledgeEntry.deleteMany({ where: { id, shop, kind: "faq" } });
  return count > 0;
}

export const policyTypeSchema = z.enum([
  "REFUND_POLICY",
  "SHIPPING_POLICY",
  "PRIVACY_POLICY",
  "TERMS_OF_SERVICE",
  "CONTACT_INFORMATION",
  "LEGAL_NOTICE",
  "SUBSCRIPTION_POLICY",
]);

/**
 * Stores one policy text as a knowledge entry (kind "policy"), replacing the shop's
 * previous text of that type. For shops (and the demo) where the Admin API cannot read
 * shop.shopPolicies (no read_legal_policies scope): the assistant answers from these.
 */
export async function savePolicyEntry(
  db: Db,
  shop: string,
  input: { policyType: z.infer<typeof policyTypeSchema>; title: string; body: string; url?: string | null },
): Promise<KnowledgeEntryView> {
  const policyType = policyTypeSchema.parse(input.policyType);
  const data = {
    question: input.title.trim().slice(0, 300),
    answer: input.body.trim().slice(0, 20_000),
    url: isShopPath(input.url) ? input.url : null,
  };
  const existing = await db.knowledgeEntry.findFirst({ where: { shop, kind: "policy", policyType } });
  const row = existing
    ? await db.knowledgeEntry.update({ where: { id: existing.id }, data })
    : await db.knowledgeEntry.create({ data: { id: randomId(), shop, kind: "policy", policyType, ...data } });
  return view(row);
}

// The KnowledgeEntry table's owner: besides the store and the FAQ/policy functions
// above, the counts and deletes other modules need (scripts/check-table-owners.ts).

export function countKnowledgeEntries(db: Db, shop: string): Promise<number> {
  return db.knowledgeEntry.count({ where: { shop } });
}

/** shop/redact: every entry of the shop. */
export async function deleteShopKnowledgeEntries(tx: Db, shop: string): Promise<number> {
  return (await tx.knowledgeEntry.deleteMany({ where: { shop } })).count;
}

export function reencryptKnowledgeEntries(db: Db, vault: Vault, report: RotationReport, batchSize: number): Promise<void> {
  return reencryptTable("KnowledgeEntry", db.knowledgeEntry, vault, report, batchSize);
}
