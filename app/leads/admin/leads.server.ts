// Handoff requests: list (decrypted for the staff who follow up), mark handled,
// CSV export. Exports are audited and refused while the shop is paused.
import { z } from "zod";
import type { Vault } from "../../infra/crypto/crypto.server";
import { loadShopState } from "../../settings/shop-settings.server";
import { decodeCursor, pageQuerySchema, toPage, type Page } from "../../infra/http/cursor";
import { findLeadPage, listLeadsNewestFirst, markLeadHandledRow, type LeadRecord } from "../lead-store.server";
import { csvStream, toCsv } from "../../infra/http/csv";
import { failure, type AuditRecorder, type Database, type Failure, type StaffUser } from "../../infra/admin-ports";
import type { Clock } from "../../infra/clock";

export const LEADS_PAGE_SIZE = 25;

export const leadFilterSchema = pageQuerySchema.extend({
  status: z.enum(["all", "new", "handled"]).default("all").catch("all"),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;

/** The Leads page's post: mark one lead handled. */
export const leadActionSchema = z.object({ intent: z.literal("handled"), leadId: z.string().min(1).max(100) });

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
    id: lead.id,
    createdAt: lead.createdAt,
    conversationId: lead.conversationId,
    name: open(vault, lead.nameEnc),
    email: open(vault, lead.emailEnc),
    phone: open(vault, lead.phoneEnc),
    message: open(vault, lead.messageEnc),
    status: lead.status,
    handledAt: lead.handledAt,
    consentAt: lead.consentAt,
    consentText: lead.consentText,
  };
}

export async function listLeads(deps: { db: Database; vault: Vault }, shop: string, filter: LeadFilter): Promise<Page<LeadRow>> {
  const position = decodeCursor(filter.cursor);
  const rows = await findLeadPage(deps.db, shop, {
    status: filter.status,
    position,
    direction: filter.direction,
    take: LEADS_PAGE_SIZE + 1,
  });
  const page = toPage(rows, LEADS_PAGE_SIZE, filter.direction, position !== null);
  return { ...page, items: page.items.map((lead) => toRow(deps.vault, lead)) };
}

export async function markLeadHandled(
  deps: { db: Database; audit: AuditRecorder; clock: Clock },
  input: { shop: string; staff: StaffUser; leadId: string },
): Promise<{ ok: true } | Failure<"LEAD_NOT_FOUND">> {
  const marked = await markLeadHandledRow(deps.db, input.shop, input.leadId, { at: deps.clock.now(), by: input.staff.id });
  if (!marked) return failure("LEAD_NOT_FOUND", "This lead does not exist or was deleted.");
  await deps.audit({
    shop: input.shop,
    actor: input.staff.id,
    actorName: input.staff.name,
    action: "lead.handled",
    targetType: "lead",
    targetId: input.leadId,
  });
  return { ok: true };
}

// Exports are capped so one click cannot pull an unbounded amount of personal data.
export const LEAD_EXPORT_LIMIT = 5000;

type ExportDeps = { db: Database; vault: Vault; audit: AuditRecorder };
type ExportInput = { shop: string; staff: StaffUser; status: LeadFilter["status"] };

const EXPORT_HEADER = ["created_at", "status", "name", "email", "phone", "message", "consent_at", "consent_text", "conversation_id"];

/** One lead as the export's cells, decrypted. */
function exportCells(vault: Vault, lead: LeadRecord): (string | null)[] {
  const r = toRow(vault, lead);
  return [
    r.createdAt.toISOString(),
    r.status,
    r.name,
    r.email,
    r.phone,
    r.message,
    r.consentAt.toISOString(),
    r.consentText,
    r.conversationId,
  ];
}

/** Refused while paused; otherwise the leads to export, audited (with the count) before anything is sent. */
async function openLeadsExport(deps: ExportDeps, input: ExportInput) {
  const state = await loadShopState(deps.db, input.shop);
  if (state.paused) return failure("SHOP_PAUSED", "Exports are disabled while the assistant is paused for an incident.");
  const leads = await listLeadsNewestFirst(deps.db, input.shop, input.status, LEAD_EXPORT_LIMIT);
  await deps.audit({
    shop: input.shop,
    actor: input.staff.id,
    actorName: input.staff.name,
    action: "leads.exported",
    targetType: "lead",
    detail: { count: leads.length, status: input.status },
  });
  return { ok: true as const, leads };
}

export async function exportLeadsCsv(
  deps: ExportDeps,
  input: ExportInput,
): Promise<{ ok: true; csv: string; count: number } | Failure<"SHOP_PAUSED">> {
  const opened = await openLeadsExport(deps, input);
  if (!opened.ok) return opened;
  const csv = toCsv(
    EXPORT_HEADER,
    opened.leads.map((lead) => exportCells(deps.vault, lead)),
  );
  return { ok: true, csv, count: opened.leads.length };
}

/**
 * The same export as exportLeadsCsv, as a stream for the download route: rows are
 * decrypted and encoded chunk by chunk while the merchant's browser receives them.
 */
export async function exportLeadsCsvStream(
  deps: ExportDeps,
  input: ExportInput,
): Promise<{ ok: true; stream: ReadableStream<Uint8Array>; count: number } | Failure<"SHOP_PAUSED">> {
  const opened = await openLeadsExport(deps, input);
  if (!opened.ok) return opened;
  const stream = csvStream(EXPORT_HEADER, opened.leads, (lead) => exportCells(deps.vault, lead));
  return { ok: true, stream, count: opened.leads.length };
}
