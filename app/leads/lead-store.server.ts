// "Talk to a person": a handoff request with its own consent record. Only the fields
// the merchant switched on (settings.privacy.leadFields) are kept, each encrypted;
// email and phone also as keyed hashes so a customers/redact finds them.
import { z } from "zod";
import type { Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import { redactCardNumbers } from "../privacy/redaction/redact-text";
import type { ShopState } from "../settings/shop-settings.server";
import type { LeadField } from "../settings/settings-schema";
import { newRowId } from "../conversations/conversation-token";
import type { OwnedConversation } from "../conversations/conversation-store.server";

export const leadContactSchema = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.union([z.email().max(254), z.literal("")]).optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d][\d\s().\-]*$/, "must be a phone number")
    .or(z.literal(""))
    .optional(),
  message: z.string().trim().max(2000).optional(),
});

export type LeadContact = z.infer<typeof leadContactSchema>;

export type LeadResult =
  | { ok: true; leadId: string }
  | { ok: false; code: "BAD_REQUEST" | "FORBIDDEN"; message: string };

export interface LeadInput {
  shop: ShopState;
  conversation: OwnedConversation | null;
  customerId: string | null;
  contact: LeadContact;
}

/** The consent text stored with every lead: what the shopper agreed to, with the notice version. */
export function leadConsentText(noticeVersion: number): string {
  return `Agreed to be contacted about this request and to the privacy notice (version ${noticeVersion}).`;
}

export async function createLead(
  deps: { db: Database; vault: Vault; now?: () => Date },
  input: LeadInput,
): Promise<LeadResult> {
  const { db, vault } = deps;
  if (input.shop.paused) return { ok: false, code: "FORBIDDEN", message: "Requests to talk to a person are paused right now." };
  const enabled = new Set<LeadField>(input.shop.settings.privacy.leadFields);
  const pick = (field: LeadField) => (enabled.has(field) && input.contact[field] ? input.contact[field] : null);
  const name = pick("name");
  const email = pick("email");
  const phone = pick("phone");
  const message = pick("message");
  if (enabled.has("email") || enabled.has("phone")) {
    if (!email && !phone) return { ok: false, code: "BAD_REQUEST", message: "Please give an email address or phone number so we can reach you." };
  } else if (!name && !message) {
    return { ok: false, code: "BAD_REQUEST", message: "Please tell us how we can help." };
  }
  const at = (deps.now ?? (() => new Date()))();
  const shop = input.shop.shop;
  const conversationId = input.conversation?.id ?? null;
  const leadId = newRowId();
  const enc = (value: string | null) => (value ? vault.encrypt(value) : null);
  await db.$transaction([
    db.lead.create({
      data: {
        id: leadId,
        shop,
        conversationId,
        nameEnc: enc(name),
        emailEnc: enc(email),
        phoneEnc: enc(phone),
        messageEnc: enc(message ? redactCardNumbers(message) : null),
        emailHash: email ? vault.hash("email", email) : null,
        phoneHash: phone ? vault.hash("phone", phone) : null,
        customerIdHash: input.customerId ? vault.hash("customer", input.customerId) : null,
        keyId: vault.currentKeyId,
        consentAt: at,
        consentText: leadConsentText(input.shop.settings.privacy.noticeVersion),
        createdAt: at,
      },
    }),
    db.shopEvent.create({ data: { id: newRowId(), shop, kind: "handoff", conversationId, createdAt: at } }),
    ...(conversationId ? [db.conversation.updateMany({ where: { id: conversationId, shop }, data: { outcome: "handed_off" } })] : []),
  ]);
  return { ok: true, leadId };
}
