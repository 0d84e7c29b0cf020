// Finds what we hold about one customer in one shop, through keyed hashes only: the
// customer id (logged-in shoppers), email and phone (verified orders, leads) and the
// order ids Shopify names. The matching rules live with each table's owner
// (conversations, leads, order verifications, data requests), written once as SQL
// conditions and shared by the data export and the redaction, so both see exactly the
// same rows. Set-based SQL, for the reason given in app/infra/db/sql.ts.
import type { DbClient } from "../../infra/db/sql";
import type { Vault } from "../../infra/crypto/crypto.server";
import { findCustomerConversations as findConversationsOf } from "../../conversations/store/conversation-rows.server";
import { findCustomerLeadIds, leadConversationIdsSql } from "../../leads/lead-store.server";
import { findCustomerVerificationIds } from "../../order-verification/order-verification-store.server";
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
    orderHashes: [...new Set(orderIds.map((id) => vault.hash("order", id)))],
  };
}

/**
 * The customer's conversations with how many messages each holds: owned while logged
 * in, verified with their email or one of the named orders, or the conversation a lead
 * with their contact details came from. One query, every branch on an index.
 */
export function findCustomerConversations(
  db: DbClient,
  shop: string,
  keys: CustomerKeys,
): Promise<Array<{ id: string; messages: number }>> {
  return findConversationsOf(db, shop, keys, leadConversationIdsSql(shop, keys));
}

export async function findCustomerConversationIds(db: DbClient, shop: string, keys: CustomerKeys): Promise<string[]> {
  return (await findCustomerConversations(db, shop, keys)).map((c) => c.id);
}

/** Ids of the customer's leads and order verifications (by hash, or in one of their conversations). */
export async function findCustomerRowIds(db: DbClient, shop: string, keys: CustomerKeys, conversationIds: string[]) {
  const leadIds = await findCustomerLeadIds(db, shop, keys, conversationIds);
  const verificationIds = await findCustomerVerificationIds(db, shop, keys, conversationIds);
  return { leadIds, verificationIds };
}
