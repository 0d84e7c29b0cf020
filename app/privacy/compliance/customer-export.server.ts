// customers/data_request: everything we hold about one customer in one shop, as a
// machine-readable export with a plain-language summary. The merchant downloads it in
// the admin and answers the customer; it is stored encrypted and expires.
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { recordAudit } from "../../audit/audit-store.server";
import { customerKeys, findCustomerConversationIds, findCustomerRowIds } from "./customer-footprint.server";
import { findConversationsWithMessages } from "../../conversations/store/conversation-rows.server";
import { decodeMessageBody } from "../../conversations/store/message-body.server";
import { findLeadsByIds } from "../../leads/lead-store.server";
import { findOrderVerificationsByIds } from "../../order-verification/order-verification-store.server";
import { storeDataRequestExport } from "../store/data-requests.server";
import type { CustomerRef } from "./payloads";
import type { ExportedLead } from "../../contracts/conversation-privacy";

type StoredLead = Awaited<ReturnType<typeof findLeadsByIds>>[number];

/** A stored lead as both exports show it: its fields decrypted, its consent record. */
export function exportedLead(vault: Vault, lead: StoredLead): ExportedLead {
  const open = (value: string | null) => (value ? vault.decrypt(value) : null);
  return {
    createdAt: lead.createdAt.toISOString(),
    name: open(lead.nameEnc),
    email: open(lead.emailEnc),
    phone: open(lead.phoneEnc),
    message: open(lead.messageEnc),
    status: lead.status,
    consent: { at: lead.consentAt.toISOString(), text: lead.consentText },
  };
}

export const EXPORT_TTL_DAYS = 30;

/** The text the export holds for a message that cannot be decoded (its key is no longer configured). */
export const UNDECODABLE_MESSAGE_MARKER = "[this message could not be decrypted: its key is no longer configured]";

export interface CustomerExport {
  format: "privacy-shop-assistant/customer-export";
  version: 1;
  shop: string;
  generatedAt: string;
  request: { shopifyRequestId: string | null; customer: CustomerRef; ordersRequested: string[] };
  summary: string;
  conversations: Array<{
    id: string;
    startedAt: string;
    lastMessageAt: string;
    locale: string | null;
    verifiedOrderId: string | null;
    consent: { state: string; at: string | null; noticeVersion: number | null };
    /** `undecodable: true` (text UNDECODABLE_MESSAGE_MARKER, no cards) for a message whose key is no longer configured. */
    messages: Array<{ role: string; text: string; cards: unknown; sentAt: string; undecodable?: true }>;
  }>;
  leads: Array<ExportedLead & { id: string }>;
  orderVerifications: Array<{ id: string; conversationId: string; at: string; success: boolean }>;
}

export async function buildCustomerExport(
  db: Database,
  vault: Vault,
  input: { shop: string; customer: CustomerRef; orderIds: string[]; shopifyRequestId: string | null },
  now: Date,
): Promise<CustomerExport> {
  const { shop } = input;
  const keys = customerKeys(vault, input.customer, input.orderIds);
  const conversationIds = await findCustomerConversationIds(db, shop, keys);
  const open = (value: string | null) => (value ? vault.decrypt(value) : null);
  const { leadIds, verificationIds } = await findCustomerRowIds(db, shop, keys, conversationIds);
  const [conversations, leads, verifications] = await Promise.all([
    findConversationsWithMessages(db, shop, conversationIds),
    findLeadsByIds(db, shop, leadIds),
    findOrderVerificationsByIds(db, shop, verificationIds),
  ]);
  const body = {
    conversations: conversations.map((c) => ({
      id: c.id,
      startedAt: c.createdAt.toISOString(),
      lastMessageAt: c.lastMessageAt.toISOString(),
      locale: c.locale,
      verifiedOrderId: open(c.verifiedOrderEnc),
      consent: { state: c.consentState, at: c.consentAt?.toISOString() ?? null, noticeVersion: c.consentNoticeVersion },
      messages: c.messages.map((m) => {
        const body = decodeMessageBody(vault, m);
        const sentAt = m.createdAt.toISOString();
        return body.ok
          ? { role: m.role, text: body.text, cards: body.cards, sentAt }
          : { role: m.role, text: UNDECODABLE_MESSAGE_MARKER, cards: [], sentAt, undecodable: true as const };
      }),
    })),
    leads: leads.map((l) => ({ id: l.id, ...exportedLead(vault, l) })),
    orderVerifications: verifications.map((v) => ({
      id: v.id,
      conversationId: v.conversationId,
      at: v.createdAt.toISOString(),
      success: v.success,
    })),
  };
  return {
    format: "privacy-shop-assistant/customer-export",
    version: 1,
    shop,
    generatedAt: now.toISOString(),
    request: { shopifyRequestId: input.shopifyRequestId, customer: input.customer, ordersRequested: input.orderIds },
    summary: summarise(shop, body),
    ...body,
  };
}

function summarise(shop: string, body: Pick<CustomerExport, "conversations" | "leads" | "orderVerifications">): string {
  const messages = body.conversations.reduce((n, c) => n + c.messages.length, 0);
  const consented = body.conversations.filter((c) => c.consent.state === "accepted").length;
  const verified = body.orderVerifications.filter((v) => v.success).length;
  const lines = [
    `The shop assistant of ${shop} holds the following about this customer.`,
    `Chat conversations: ${body.conversations.length}, with ${messages} messages in total (card numbers were removed before storage).`,
    `Consent to keep the conversation: given in ${consented} of them.`,
    `Requests to be contacted by a person: ${body.leads.length}, each stored with the consent text shown at the time.`,
    `Order verification attempts: ${body.orderVerifications.length} (${verified} successful).`,
    "Conversations and contact requests are deleted automatically after the shop's retention period, or at once on a deletion request.",
  ];
  return lines.join("\n");
}

export interface DataRequestJob {
  dataRequestId: string;
  shop: string;
  customer: CustomerRef;
  orderIds: string[];
  shopifyRequestId: string | null;
}

/** Builds the export, stores it encrypted on the DataRequest row with its expiry, audits it. */
export async function fulfilDataRequest(db: Database, vault: Vault, job: DataRequestJob, now: Date) {
  const exported = await buildCustomerExport(db, vault, job, now);
  const counts = {
    conversations: exported.conversations.length,
    messages: exported.conversations.reduce((n, c) => n + c.messages.length, 0),
    leads: exported.leads.length,
    orderVerifications: exported.orderVerifications.length,
  };
  const stored = await storeDataRequestExport(db, job.shop, job.dataRequestId, {
    exportEnc: vault.encrypt(JSON.stringify(exported)),
    exportExpiresAt: new Date(now.getTime() + EXPORT_TTL_DAYS * 86_400_000),
    keyId: vault.currentKeyId,
    summaryJson: JSON.stringify(counts),
    completedAt: now,
  });
  if (!stored) return counts; // the shop was redacted meanwhile: nothing to keep
  await recordAudit(
    db,
    {
      shop: job.shop,
      actor: "system",
      action: "data_request.export_ready",
      targetType: "data_request",
      targetId: job.dataRequestId,
      detail: { found: counts },
    },
    now,
  );
  return counts;
}
