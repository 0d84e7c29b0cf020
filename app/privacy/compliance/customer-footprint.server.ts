// Finds what we hold about one customer in one shop, through keyed hashes only: the
// customer id (logged-in shoppers), email and phone (verified orders, leads) and the
// order ids Shopify names. Shared by the data export and the redaction, so both see
// exactly the same rows.
import type { Database } from "../../db/create-database.server";
import type { Vault } from "../crypto.server";
import type { CustomerRef } from "./payloads";

export interface CustomerKeys {
  customerIdHash?: string;
  emailHash?: string;
  phoneHash?: string;
  orderHashes: string[];
}

export function customerKeys(vault: Vault, customer: CustomerRef, orderIds: string[] = []): CustomerKeys {
  return {
    customerIdHash: customer.id ? vault.hash("customer", customer.id) : undefined,
    emailHash: customer.email ? vault.hash("email", customer.email) : undefined,
    phoneHash: customer.phone ? vault.hash("phone", customer.phone) : undefined,
    orderHashes: orderIds.map((id) => vault.hash("order", id)),
  };
}

export const IN_CHUNK = 500;

export function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Db = Pick<Database, "conversation" | "lead">;

/** Lead conditions: the customer's contact hashes, or a conversation already theirs. */
export function leadMatch(keys: CustomerKeys, conversationIds: string[] = []) {
  return [
    ...(keys.emailHash ? [{ emailHash: keys.emailHash }] : []),
    ...(keys.phoneHash ? [{ phoneHash: keys.phoneHash }] : []),
    ...(keys.customerIdHash ? [{ customerIdHash: keys.customerIdHash }] : []),
    ...chunks(conversationIds).map((ids) => ({ conversationId: { in: ids } })),
  ];
}

export function verificationMatch(keys: CustomerKeys, conversationIds: string[] = []) {
  return [
    ...(keys.emailHash ? [{ emailHash: keys.emailHash }] : []),
    ...chunks(keys.orderHashes).map((hashes) => ({ orderHash: { in: hashes } })),
    ...chunks(conversationIds).map((ids) => ({ conversationId: { in: ids } })),
  ];
}

/**
 * The customer's conversations: owned while logged in, verified with their email or one
 * of the named orders, or the conversation a lead with their contact details came from.
 */
export async function findCustomerConversationIds(db: Db, shop: string, keys: CustomerKeys): Promise<string[]> {
  const direct = [
    ...(keys.customerIdHash ? [{ customerIdHash: keys.customerIdHash }] : []),
    ...(keys.emailHash ? [{ verifiedEmailHash: keys.emailHash }] : []),
    ...chunks(keys.orderHashes).map((hashes) => ({ verifiedOrderHash: { in: hashes } })),
  ];
  const leadConditions = leadMatch(keys);
  const [conversations, leads] = await Promise.all([
    direct.length ? db.conversation.findMany({ where: { shop, OR: direct }, select: { id: true } }) : [],
    leadConditions.length
      ? db.lead.findMany({ where: { shop, OR: leadConditions, conversationId: { not: null } }, select: { conversationId: true } })
      : [],
  ]);
  const ids = new Set(conversations.map((c) => c.id));
  for (const lead of leads) if (lead.conversationId) ids.add(lead.conversationId);
  return [...ids];
}
