// What admin routes need after authenticate.admin: the staff member, and the
// process's adapters for the domain modules (database, vault, audit, clock, caches).
import { auditRecorder } from "../audit/audit-recorder.server";
import { describeModelProvider } from "../settings/model-provider";
import { systemClock } from "../infra/clock";
import { resolveStaff, type AuthenticatedAdmin } from "../infra/shopify/staff.server";
import { appRoot } from "./root.server";

export function adminDeps() {
  const { db, vault, forgetShop } = appRoot();
  return { db, vault, audit: auditRecorder(db), clock: systemClock, forgetShop };
}

export function staffOf(auth: AuthenticatedAdmin) {
  return resolveStaff(appRoot().db, auth);
}

export function modelProvider(aiEnabled: boolean) {
  return describeModelProvider(appRoot().config, aiEnabled);
}

/** Query parameters of a request as a plain object, for zod. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
