// Compliance webhooks received (data requests and redactions), and the download of
// a data request's export (see below).
import { z } from "zod";
import { listDataRequestRows } from "../store/data-requests.server";
import type { Clock } from "../../infra/clock";
import type { Database } from "../../infra/admin-ports";

export interface DataRequestRow {
  id: string;
  topic: string;
  status: string;
  receivedAt: Date;
  completedAt: Date | null;
  /** Counts of what was found or deleted (no personal data). */
  summary: Record<string, number>;
  downloadable: boolean;
  exportExpiresAt: Date | null;
}

const summarySchema = z.record(z.string(), z.unknown());

function parseSummary(json: string): Record<string, number> {
  try {
    const parsed = summarySchema.safeParse(JSON.parse(json));
    if (!parsed.success) return {};
    return Object.fromEntries(Object.entries(parsed.data).filter((e): e is [string, number] => typeof e[1] === "number"));
  } catch {
    return {};
  }
}

export const DATA_REQUESTS_LIMIT = 200;

export async function listDataRequests(deps: { db: Database; clock: Clock }, shop: string): Promise<DataRequestRow[]> {
  const rows = await listDataRequestRows(deps.db, shop, DATA_REQUESTS_LIMIT);
  const now = deps.clock.now();
  return rows.map(({ exportEnc, summaryJson, ...row }) => ({
    ...row,
    summary: parseSummary(summaryJson),
    downloadable: exportEnc !== null && (row.exportExpiresAt === null || row.exportExpiresAt > now),
  }));
}

/**
 * The download itself is the privacy module's (decrypt, audit "data_request.downloaded",
 * refuse while paused or expired); re-exported so admin routes import one place.
 */
export { downloadDataRequestExport } from "../compliance/export-download.server";
