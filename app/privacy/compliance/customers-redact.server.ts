// customers/redact: deletes every row that refers to the customer in this shop (by
// customer id, email or phone keyed hash, and the orders Shopify lists), set-based
// (a few indexed DELETE statements, never row by row), in one transaction.
// Each table's rows go through that table's owner, one set-based statement per table
// (per chunk of ids), all on the one transaction client.
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { auditEventRow, insertAuditEventSql } from "../../audit/audit-store.server";
import { deleteConversationsByIds } from "../../conversations/store/conversation-rows.server";
import { unlinkEventsFromConversations } from "../../analytics/event-store.server";
import { deleteCustomerLeads } from "../../leads/lead-store.server";
import { deleteCustomerVerifications } from "../../order-verification/order-verification-store.server";
import { clearCustomerDataRequests, completeDataRequest } from "../store/data-requests.server";
import { customerKeys, findCustomerConversations } from "./customer-footprint.server";
import type { CustomerRef } from "./payloads";

export interface CustomerRedactRequest {
  shop: string;
  customer: CustomerRef;
  orderIds: string[];
  /** Our DataRequest row for this webhook, which gets the counts. */
  dataRequestId?: string;
}

export interface RedactCounts {
  conversations: number;
  messages: number;
  leads: number;
  orderVerifications: number;
  dataRequestsCleared: number;
  eventsUnlinked: number;
}

export async function redactCustomer(db: Database, vault: Vault, request: CustomerRedactRequest, now: Date): Promise<RedactCounts> {
  const { shop } = request;
  const keys = customerKeys(vault, request.customer, request.orderIds);
  const audit = (counts: RedactCounts) =>
    auditEventRow(
      {
        shop,
        actor: "system",
        action: "customer.redacted",
        targetType: request.dataRequestId ? "data_request" : undefined,
        targetId: request.dataRequestId,
        detail: { deleted: { ...counts } },
      },
      now,
    );
  // One transaction, so one commit: the look-up, the set-based deletes, the request's
  // summary and the audit event. SQL for the reason given in app/infra/db/sql.ts.
  return db.$transaction(
    async (tx) => {
      const conversations = await findCustomerConversations(tx, shop, keys);
      const conversationIds = conversations.map((conversation) => conversation.id);
      const c: RedactCounts = { conversations: 0, messages: 0, leads: 0, orderVerifications: 0, dataRequestsCleared: 0, eventsUnlinked: 0 };
      // Messages go with their conversation (cascade, see deleteConversationsByIds).
      c.messages = conversations.reduce((total, conversation) => total + conversation.messages, 0);
      c.conversations = await deleteConversationsByIds(tx, shop, conversationIds);
      // Analytics keep their counts; only the link to a deleted conversation goes.
      c.eventsUnlinked = await unlinkEventsFromConversations(tx, shop, conversationIds);
      c.leads = await deleteCustomerLeads(tx, shop, keys, conversationIds);
      c.orderVerifications = await deleteCustomerVerifications(tx, shop, keys, conversationIds);
      // Earlier data requests of this customer: the export holds their data, the hashes point at them.
      c.dataRequestsCleared = await clearCustomerDataRequests(tx, shop, keys);
      if (request.dataRequestId) await completeDataRequest(tx, shop, request.dataRequestId, c, now);
      await insertAuditEventSql(tx, audit(c));
      return c;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
