// The merchant's download of a data-request export (admin). Decrypts the stored export
// and writes the audit event; expected failures come back as values.
import type { Database } from "../../infra/db/create-database.server";
import type { Vault } from "../../infra/crypto/crypto.server";
import { recordAudit } from "../../audit/audit-store.server";
import type { CustomerExport } from "./customer-export.server";
import { findDataRequestExport } from "../store/data-requests.server";
import { isShopPaused } from "../../settings/shop-settings.server";

export type ExportFailureCode = "DATA_REQUEST_NOT_FOUND" | "DATA_REQUEST_NOT_READY" | "DATA_REQUEST_EXPIRED" | "SHOP_PAUSED";

export type ExportDownload =
  { ok: true; filename: string; json: string; export: CustomerExport } | { ok: false; code: ExportFailureCode; message: string };

export interface DownloadRequest {
  shop: string;
  dataRequestId: string;
  /** staff user id from the admin session */
  actor: string;
  actorName?: string | null;
}

export async function downloadDataRequestExport(
  db: Database,
  vault: Vault,
  request: DownloadRequest,
  now: Date = new Date(),
): Promise<ExportDownload> {
  const { shop, dataRequestId } = request;
  const [row, paused] = await Promise.all([findDataRequestExport(db, shop, dataRequestId), isShopPaused(db, shop)]);
  if (!row) return { ok: false, code: "DATA_REQUEST_NOT_FOUND", message: "No such data request." };
  if (paused) return { ok: false, code: "SHOP_PAUSED", message: "Exports are disabled while the assistant is paused." };
  if (row.exportExpiresAt && row.exportExpiresAt <= now) {
    return { ok: false, code: "DATA_REQUEST_EXPIRED", message: "This export has expired and was deleted." };
  }
  if (!row.exportEnc) return { ok: false, code: "DATA_REQUEST_NOT_READY", message: "The export is not ready yet." };
  const json = vault.decrypt(row.exportEnc);
  await recordAudit(
    db,
    {
      shop,
      actor: request.actor,
      actorName: request.actorName,
      action: "data_request.downloaded",
      targetType: "data_request",
      targetId: row.id,
    },
    now,
  );
  return {
    ok: true,
    filename: `customer-data-request-${row.shopifyRequestId ?? row.id}.json`,
    json,
    export: JSON.parse(json) as CustomerExport,
  };
}
