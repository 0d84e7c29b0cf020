// Guest order verification: order number + email, checked against the Admin API.
// The answer never says which of the two was wrong; the email comparison is constant
// time over keyed hashes; every attempt leaves an OrderVerification row (hashes only)
// and at most RATE_LIMIT_VERIFY_FAILURES_PER_HOUR failures per conversation and per
// IP are allowed. A success binds that one order to the conversation, which is the
// only way a guest's turn can see an order.
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Database } from "../infra/db/create-database.server";
import type { Vault } from "../infra/crypto/crypto.server";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { ShopState } from "../settings/shop-settings.server";
import type { ShopperLimits } from "../infra/ratelimit/shopper-limits.server";
import { ORDER_FOR_GUEST_VERIFICATION } from "../orders/operations";
import { newRowId } from "../conversations/conversation-token";
import type { OwnedConversation } from "../conversations/conversation-store.server";
import { storagePolicy } from "../conversations/storage-policy";
import { verifiedOrderWrite } from "../conversations/store/conversation-rows.server";
import { shopEventWrite } from "../analytics/event-store.server";
import { insertOrderVerificationWrite } from "./order-verification-store.server";

export const GENERIC_VERIFY_FAILURE = "We couldn't verify that order. Please check the order number and email and try again.";

export type VerifyOrderResult =
  | { ok: true; orderName: string }
  | { ok: false; code: "VERIFICATION_FAILED"; message: string }
  | { ok: false; code: "RATE_LIMITED"; message: string; retryAfterSeconds: number }
  | { ok: false; code: "FORBIDDEN" | "CONSENT_REQUIRED"; message: string }
  | { ok: false; code: "UNAVAILABLE"; message: string };

export interface VerifyOrderInput {
  shop: ShopState;
  conversation: OwnedConversation;
  /** Already hashed (vault.hash("ip", …)). */
  ipKey: string;
  orderNumber: string;
  email: string;
}

export interface VerifyOrderDeps {
  db: Database;
  vault: Vault;
  limits: ShopperLimits;
  admin: AdminGraphql | null;
  now?: () => Date;
}

const ordersSchema = z.object({
  orders: z.object({ nodes: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable() })) }),
});

/** "#1001", "1001", " # 1001 " → "1001"; anything else → null (never reaches the API). */
export function orderNumberDigits(input: string): string | null {
  const match = /^\s*#?\s*(\d{1,12})\s*$/.exec(input);
  return match ? match[1]! : null;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Why guest verification is refused here (settings, pause, consent), or null. */
export function guestVerificationRefusal(
  shop: ShopState,
  conversation: Pick<OwnedConversation, "consentState">,
): Extract<VerifyOrderResult, { code: "FORBIDDEN" | "CONSENT_REQUIRED" }> | null {
  const privacy = shop.settings.privacy;
  if (!privacy.orderLookup) return { ok: false, code: "FORBIDDEN", message: "Order lookup is not available in this shop." };
  if (privacy.orderVerification === "logged_in") {
    return { ok: false, code: "FORBIDDEN", message: "Please log in to your account to see your orders." };
  }
  const policy = storagePolicy(shop, conversation.consentState);
  if (policy.blockedBy === "paused")
    return { ok: false, code: "FORBIDDEN", message: "Order lookup is paused right now. Please try again later." };
  if (!policy.persistConversation) {
    return { ok: false, code: "CONSENT_REQUIRED", message: "Please accept the privacy notice before verifying an order." };
  }
  return null;
}

export async function verifyGuestOrder(deps: VerifyOrderDeps, input: VerifyOrderInput): Promise<VerifyOrderResult> {
  const { db, vault, limits } = deps;
  const refused = guestVerificationRefusal(input.shop, input.conversation);
  if (refused) return refused;
  const keys = { conversationId: input.conversation.id, ipKey: input.ipKey };
  const gate = await limits.checkVerifyFailures(keys);
  if (!gate.ok) {
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: "Too many attempts. Please try again later.",
      retryAfterSeconds: gate.retryAfterSeconds,
    };
  }
  const digits = orderNumberDigits(input.orderNumber);
  let order: { id: string; name: string; email: string | null } | undefined;
  if (digits && deps.admin) {
    const result = await deps.admin(ORDER_FOR_GUEST_VERIFICATION, { query: `name:#${digits}` });
    if (!result.ok) return { ok: false, code: "UNAVAILABLE", message: "Order lookup is unavailable right now. Please try again shortly." };
    const parsed = ordersSchema.safeParse(result.data);
    order = parsed.success ? parsed.data.orders.nodes.find((n) => orderNumberDigits(n.name) === digits) : undefined;
  } else if (digits && !deps.admin) {
    return { ok: false, code: "UNAVAILABLE", message: "Order lookup is unavailable right now. Please try again shortly." };
  }
  const typedEmailHash = vault.hash("email", input.email);
  // Compare even when there is no order, so a missing order costs the same as a wrong email.
  const emailMatches = sameHash(typedEmailHash, vault.hash("email", order?.email ?? "no order\u0000")) && !!order?.email;
  const success = !!order && emailMatches;
  const at = (deps.now ?? (() => new Date()))();
  const shop = input.shop.shop;
  const attempt = insertOrderVerificationWrite(db, {
    id: newRowId(),
    shop,
    conversationId: input.conversation.id,
    orderHash: vault.hash("order", order?.id ?? `#${digits ?? input.orderNumber.slice(0, 40)}`),
    emailHash: typedEmailHash,
    ipHash: input.ipKey,
    success,
    createdAt: at,
  });
  if (!success || !order) {
    await db.$transaction([
      attempt,
      shopEventWrite(db, { shop, kind: "verify_failed", conversationId: input.conversation.id, createdAt: at }),
    ]);
    await limits.recordVerifyFailure(keys);
    return { ok: false, code: "VERIFICATION_FAILED", message: GENERIC_VERIFY_FAILURE };
  }
  const orderId = order.id.replace(/^gid:\/\/shopify\/Order\//, "");
  await db.$transaction([
    attempt,
    verifiedOrderWrite(db, input.conversation.id, {
      verifiedOrderEnc: vault.encrypt(orderId),
      verifiedOrderHash: vault.hash("order", orderId),
      verifiedEmailHash: typedEmailHash,
      verifiedAt: at,
      keyId: vault.currentKeyId,
    }),
  ]);
  return { ok: true, orderName: order.name };
}
