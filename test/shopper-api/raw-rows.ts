// Reads every row of the tables that hold shopper data, as raw column text, and
// names the rows where any of the given plaintext values appears.
import type { Harness } from "./harness";

export async function scanTablesFor(h: Harness, needles: string[]): Promise<string[]> {
  const db = h.database.db;
  const tables = {
    Conversation: await db.conversation.findMany(),
    Message: await db.message.findMany(),
    Lead: await db.lead.findMany(),
    OrderVerification: await db.orderVerification.findMany(),
    ShopEvent: await db.shopEvent.findMany(),
  };
  const hits: string[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    for (const row of rows) {
      const text = JSON.stringify(row).toLowerCase();
      for (const needle of needles) if (text.includes(needle.toLowerCase())) hits.push(`${table}:${needle}`);
    }
  }
  return hits;
}
