// customers/redact: deletes every row that refers to the customer in this shop (by
// customer id, email or phone keyed hash, and the orders Shopify lists), set-based
// (a few indexed deleteMany calls, not row by row), in one transaction.
import type { Database } from "../../db/create-database.server";
import type { Vault } from "../crypto.server";
import { auditEventRow } from "../audit.server";
import { chunks, customerKeys, findCustomerConversations, leadMatch, verificationMatch } from "./customer-footprint.server";
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

export async function redactCustomer(
  db: Database,
  vault: Vault,
  request: CustomerRedactRequest,
  now: Date,
): Promise<RedactCounts> {
  const { shop } = request;
  const keys = customerKeys(vault, request.customer, request.orderIds);
  // One transaction, so one commit (the fsync is most of the cost on SQLite): the look-up,
  // the set-based deletes, the request's summary and the audit event.
  return db.$transaction(
    async (tx) => {
      const conversations = await findCustomerConversations(tx, shop, keys);
      const conversationIds = conversations.map((conversation) => conversation.id);
      const c: RedactCounts = { conversations: 0, messages: 0, leads: 0, orderVerifications: 0, dataRequestsCleared: 0, eventsUnlinked: 0 };
      // Messages go with their conversation: onDelete: Cascade in the schema, enforced by
      // both databases (libSQL switches SQLite's foreign keys on); the tests check it.
      c.messages = conversations.reduce((total, conversation) => total + conversation.messages, 0);
      for (const ids of chunks(conversationIds)) {
        c.conversations += (await tx.conversation.deleteMany({ where: { shop, id: { in: ids } } })).count;
        // Analytics keep their counts; only the link to a deleted conversation goes.
        c.eventsUnlinked += (await tx.shopEvent.updateMany({ where: { shop, conversationId: { in: ids } }, data: { conversationId: null } })).count;
      }
      const leads = leadMatch(keys, conversationIds);
      if (leads.length) c.leads = (await tx.lead.deleteMany({ where: { shop, OR: leads } })).count;
      const verifications = verificationMatch(keys, conversationIds);
      if (verifications.length) c.orderVerifications = (await tx.orderVerification.deleteMany({ where: { shop, OR: verifications } })).count;
      // Earlier data requests of this customer: the export holds their data, the hashes point at them.
      const requests = [
        ...(keys.customerIdHash ? [{ customerIdHash: keys.customerIdHash }] : []),
        ...(keys.emailHash ? [{ emailHash: keys.emailHash }] : []),
        ...(keys.phoneHash ? [{ phoneHash: keys.phoneHash }] : []),
      ];
      if (requests.length) {
        c.dataRequestsCleared = (
          await tx.dataRequest.updateMany({
            where: { shop, OR: requests },
            data: { customerIdHash: null, emailHash: null, phoneHash: null, exportEnc: null, exportExpiresAt: null },
          })
        ).count;
      }
      if (request.dataRequestId) {
        await tx.dataRequest.updateMany({
          where: { id: request.dataRequestId, shop },
          data: { status: "done", summaryJson: JSON.stringify(c), completedAt: now },
        });
      }
      const audit = {
        shop,
        actor: "system",
        action: "customer.redacted",
        targetType: request.dataRequestId ? "data_request" : undefined,
        targetId: request.dataRequestId,
        detail: { deleted: { ...c } },
      };
      await tx.auditEvent.create({ data: auditEventRow(audit, now) });
      return c;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
