// The AuditRecorder port over the privacy module's recordAudit (which refuses
// personal data in the detail).
import { recordAudit, type AuditInput } from "./audit-store.server";
import type { AuditRecorder, Database } from "../infra/admin-ports";

export function auditRecorder(db: Database): AuditRecorder {
  return async (entry) => {
    await recordAudit(db, entry as AuditInput);
  };
}
