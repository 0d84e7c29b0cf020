// customers/redact: deletes every row that refers to the customer in this shop (by
// customer id, email or phone keyed hash, and the orders Shopify lists), set-based
// (a few indexed deleteMany calls, not row by row), in one transaction.
import type { Database } from "../../db/create-database.server";
import type { Vault } from "../crypto.server";
import { recordAudit } from "../audit.server";
import { chunks, customerKeys, findCustomerConversationIds, leadMatch, verificationMatch } from "./customer-footprint.server";
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
  const counts = await db.$transaction(
    async (tx) => {
      const conversationIds = await findCustomerConversationIds(tx, shop, keys);
      const c: RedactCounts = { conversations: 0, messages: 0, leads: 0, orderVerifications: 0, dataRequestsCleared: 0, eventsUnlinked: 0 };
      for (const ids of chunks(conversationIds)) {
        // Messages first: the foreign key cascades too, but SQLite only when foreign_keys is on.
        c.messages += (await tx.message.deleteMany({ where: { shop, conversationId: { in: ids } } })).count;
        c.conversations += (await tx.conversation.deleteMany({ where: { shop, id: { in: ids } } })).count;
        // Analytics keep their counts; only the link to the deleted conversation goes.
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
      return c;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  if (request.dataRequestId) {
    await db.dataRequest.updateMany({
      where: { id: request.dataRequestId, shop },
      data: { status: "done", summaryJson: JSON.stringify(counts), completedAt: now },
    });
  }
  await recordAudit(
    db,
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
  return counts;
}
