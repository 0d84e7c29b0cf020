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
 * The customer's conversations, with how many messages each holds: owned while logged
 * in, verified with their email or one of the named orders, or the conversation a lead
 * with their contact details came from. Two indexed queries.
 */
export async function findCustomerConversations(
  db: Db,
  shop: string,
  keys: CustomerKeys,
): Promise<Array<{ id: string; messages: number }>> {
  const leadConditions = leadMatch(keys);
  const fromLeads = leadConditions.length
    ? await db.lead.findMany({ where: { shop, OR: leadConditions, conversationId: { not: null } }, select: { conversationId: true } })
    : [];
  const conditions = [
    ...(keys.customerIdHash ? [{ customerIdHash: keys.customerIdHash }] : []),
    ...(keys.emailHash ? [{ verifiedEmailHash: keys.emailHash }] : []),
    ...chunks(keys.orderHashes).map((hashes) => ({ verifiedOrderHash: { in: hashes } })),
    ...chunks([...new Set(fromLeads.map((l) => l.conversationId!))]).map((ids) => ({ id: { in: ids } })),
  ];
  if (conditions.length === 0) return [];
  const rows = await db.conversation.findMany({
    where: { shop, OR: conditions },
    select: { id: true, _count: { select: { messages: true } } },
  });
  return rows.map((row) => ({ id: row.id, messages: row._count.messages }));
}

export async function findCustomerConversationIds(db: Db, shop: string, keys: CustomerKeys): Promise<string[]> {
  return (await findCustomerConversations(db, shop, keys)).map((c) => c.id);
}
