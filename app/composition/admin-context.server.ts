// What admin routes need after authenticate.admin: the staff member, and the
// process's adapters for the domain modules (database, vault, audit, clock).
import prisma from "../infra/db/prisma.server";
import { env } from "../infra/env.server";
import { appVault } from "../infra/crypto/vault.server";
import { auditRecorder } from "../audit/audit-recorder.server";
import { describeModelProvider } from "../settings/model-provider";
import { systemClock } from "../infra/admin-ports";
import { resolveStaff, type AuthenticatedAdmin } from "../infra/shopify/staff.server";

export function adminDeps() {
  return { db: prisma, vault: appVault(), audit: auditRecorder(prisma), clock: systemClock };
}

export function staffOf(auth: AuthenticatedAdmin) {
  return resolveStaff(prisma, auth);
}

export function modelProvider(aiEnabled: boolean) {
  return describeModelProvider(env(), aiEnabled);
}

/** Query parameters of a request as a plain object, for zod. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
