// The AuditRecorder port over the privacy module's recordAudit (which refuses
// personal data in the detail).
import { recordAudit, type AuditInput } from "../privacy/audit.server";
import type { AuditRecorder, Database } from "./ports";

export function auditRecorder(db: Database): AuditRecorder {
  return async (entry) => {
    await recordAudit(db, entry as AuditInput);
  };
}
