// Who is asking: the staff member from the App Bridge session token (`sub`) or
// from an online session. Shopify only says whether someone is the shop owner in
// online sessions; when we have none for this user, isOwner stays null ("unknown")
// and owner-only features deny rather than guess.
import type { Database, StaffUser } from "../admin-ports";
import { findOnlineSessionOfUser } from "./sessions.server";

interface OnlineInfo {
  associated_user?: { id?: number | bigint; first_name?: string; last_name?: string; account_owner?: boolean };
}

export interface AuthenticatedAdmin {
  session: { shop: string; onlineAccessInfo?: OnlineInfo | undefined };
  sessionToken?: { sub?: string } | undefined;
}

export async function resolveStaff(db: Database, auth: AuthenticatedAdmin): Promise<StaffUser> {
  const user = auth.session.onlineAccessInfo?.associated_user;
  if (user?.id !== undefined) {
    const name = [user.first_name, user.last_name].filter(Boolean).join(" ") || null;
    return { id: String(user.id), name, isOwner: user.account_owner ?? null };
  }
  const sub = auth.sessionToken?.sub;
  if (!sub || !/^\d+$/.test(sub)) return { id: sub ?? "unknown", name: null, isOwner: null };
  // An online session stored earlier for this user tells us name and ownership.
  const online = await findOnlineSessionOfUser(db, auth.session.shop, BigInt(sub));
  if (!online) return { id: sub, name: null, isOwner: null };
  const name = [online.firstName, online.lastName].filter(Boolean).join(" ") || null;
  return { id: sub, name, isOwner: online.accountOwner };
}
