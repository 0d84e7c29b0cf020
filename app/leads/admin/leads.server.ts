// Handoff requests: list (decrypted for the staff who follow up), mark handled,
// CSV export. Exports are audited and refused while the shop is paused.
import { z } from "zod";
import type { Vault } from "../../infra/crypto/crypto.server";
import { loadShopState } from "../../settings/shop-settings.server";
import { decodeCursor, keysetOrder, keysetWhere, pageQuerySchema, toPage, type Page } from "../../infra/http/cursor";
import { toCsv } from "../../infra/http/csv";
import { failure, type AuditRecorder, type Clock, type Database, type Failure, type StaffUser } from "../../infra/admin-ports";

export const LEADS_PAGE_SIZE = 25;

export const leadFilterSchema = pageQuerySchema.extend({
  status: z.enum(["all", "new", "handled"]).default("all").catch("all"),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;

export interface LeadRow {
  id: string;
  createdAt: Date;
  conversationId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  status: string;
  handledAt: Date | null;
  consentAt: Date;
  consentText: string;
}

type LeadRecord = Awaited<ReturnType<Database["lead"]["findMany"]>>[number];

function open(vault: Vault, value: string | null): string | null {
  if (!value) return null;
  try {
    return vault.decrypt(value);
  } catch {
    return "[cannot be decrypted]";
  }
}

function toRow(vault: Vault, lead: LeadRecord): LeadRow {
  return {
    id: lead.id, createdAt: lead.createdAt, conversationId: lead.conversationId,
    name: open(vault, lead.nameEnc), email: open(vault, lead.emailEnc), phone: open(vault, lead.phoneEnc),
    message: open(vault, lead.messageEnc), status: lead.status, handledAt: lead.handledAt,
    consentAt: lead.consentAt, consentText: lead.consentText,
  };
}

const statusWhere = (status: LeadFilter["status"]) => (status === "all" ? {} : { status });

export async function listLeads(deps: { db: Database; vault: Vault }, shop: string, filter: LeadFilter): Promise<Page<LeadRow>> {
  const position = decodeCursor(filter.cursor);
  const rows = await deps.db.lead.findMany({
    where: { AND: [{ shop }, statusWhere(filter.status), keysetWhere(position, filter.direction)] },
    orderBy: keysetOrder(filter.direction),
    take: LEADS_PAGE_SIZE + 1,
  });
  const page = toPage(rows, LEADS_PAGE_SIZE, filter.direction, position !== null);
  return { ...page, items: page.items.map((lead) => toRow(deps.vault, lead)) };
}

export async function markLeadHandled(
  deps: { db: Database; audit: AuditRecorder; clock: Clock },
  input: { shop: string; staff: StaffUser; leadId: string },
): Promise<{ ok: true } | Failure<"LEAD.NOT_FOUND">> {
  const { count } = await deps.db.lead.updateMany({
    where: { id: input.leadId, shop: input.shop },
    data: { status: "handled", handledAt: deps.clock.now(), handledBy: input.staff.id },
  });
  if (count === 0) return failure("LEAD.NOT_FOUND", "This lead does not exist or was deleted.");
  await deps.audit({
    shop: input.shop, actor: input.staff.id, actorName: input.staff.name,
    action: "lead.handled", targetType: "lead", targetId: input.leadId,
  });
  return { ok: true };
}

// Exports are capped so one click cannot pull an unbounded amount of personal data.
export const LEAD_EXPORT_LIMIT = 5000;

export async function exportLeadsCsv(
  deps: { db: Database; vault: Vault; audit: AuditRecorder },
  input: { shop: string; staff: StaffUser; status: LeadFilter["status"] },
): Promise<{ ok: true; csv: string; count: number } | Failure<"SHOP.PAUSED">> {
  const state = await loadShopState(deps.db, input.shop);
  if (state.paused) return failure("SHOP.PAUSED", "Exports are disabled while the assistant is paused for an incident.");
  const leads = await deps.db.lead.findMany({
    where: { shop: input.shop, ...statusWhere(input.status) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LEAD_EXPORT_LIMIT,
  });
  const rows = leads.map((lead) => toRow(deps.vault, lead));
  const csv = toCsv(
    ["created_at", "status", "name", "email", "phone", "message", "consent_at", "consent_text", "conversation_id"],
    rows.map((r) => [
      r.createdAt.toISOString(), r.status, r.name, r.email, r.phone, r.message,
      r.consentAt.toISOString(), r.consentText, r.conversationId,
    ]),
  );
  await deps.audit({
    shop: input.shop, actor: input.staff.id, actorName: input.staff.name,
    action: "leads.exported", targetType: "lead", detail: { count: rows.length, status: input.status },
  });
  return { ok: true, csv, count: rows.length };
}
