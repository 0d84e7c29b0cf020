// Seeds what the shopper-facing code stores about a customer, through that code itself
// (conversation store, transcript store, leads, guest order verification), so the
// compliance tests delete and export what production really writes.
import { randomBytes } from "node:crypto";
import type { Database } from "../../app/infra/db/create-database.server";
import { createVault, type Vault } from "../../app/infra/crypto/crypto.server";
import { createConversationStore } from "../../app/conversations/conversation-store.server";
import { createTranscriptStore } from "../../app/conversations/transcript-store.server";
import { createLead } from "../../app/leads/lead-store.server";
import { verifyGuestOrder } from "../../app/order-verification/order-verification.server";
import { loadShopState } from "../../app/settings/shop-settings.server";
import type { ShopperLimits } from "../../app/infra/ratelimit/shopper-limits.server";

export function testVault(): Vault {
  return createVault([{ id: "k1", key: randomBytes(32).toString("base64") }], randomBytes(32).toString("base64"));
}

export interface SeedCustomer {
  id: string;
  email: string;
  phone: string;
  /** A string that appears only in this customer's messages and lead. */
  marker: string;
  orderId: string;
  orderName: string;
}

export function seedCustomer(tag: string, n: number): SeedCustomer {
  return {
    id: String(7_700_000_000_000 + n),
    email: `${tag}.${randomBytes(3).toString("hex")}@example.org`,
    phone: `+1 415 555 ${String(1000 + n).slice(-4)}`,
    marker: `MARKER-${tag}-${randomBytes(6).toString("hex")}`,
    orderId: String(5_500_000_000_000 + n),
    orderName: `#${1000 + n}`,
  };
}

// Only the verification limits are used here; the cast keeps this fake valid as the port grows.
const openLimits = {
  checkVerifyFailures: async () => ({ ok: true }),
  recordVerifyFailure: async () => undefined,
} satisfies Pick<ShopperLimits, "checkVerifyFailures" | "recordVerifyFailure"> as unknown as ShopperLimits;

/**
 * For one customer in one shop: a logged-in conversation, a guest conversation with a
 * verified order, a conversation known only through a lead with their email and phone,
 * a failed verification attempt, and the counted events those leave.
 */
export async function seedCustomerData(db: Database, vault: Vault, shop: string, c: SeedCustomer, now = new Date()) {
  await db.shop.upsert({
    where: { shop },
    create: {
      shop,
      settingsJson: JSON.stringify({ privacy: { consentRequired: false, leadFields: ["name", "email", "phone", "message"] } }),
    },
    update: {},
  });
  const state = await loadShopState(db, shop);
  const conversations = createConversationStore({ db, vault, now: () => now });
  const policy = { persistConversation: true, persistMessages: true, blockedBy: null };
  const transcript = createTranscriptStore({ db, vault, policy, now: () => now });

  const loggedIn = await conversations.create({ shop, customerId: c.id, consentState: "accepted", consentNoticeVersion: 1 });
  await transcript.appendShopperMessage({
    shop,
    conversationId: loggedIn.id,
    text: `Where is my parcel? ${c.marker} (mail ${c.email}, call ${c.phone})`,
  });
  await transcript.appendAssistantMessage({
    shop,
    conversationId: loggedIn.id,
    text: `Your order ${c.orderName} is on its way.`,
    cards: [],
    mode: "basic",
    topic: "order",
    tokensUsed: 0,
  });

  const guest = await conversations.create({ shop, customerId: null, consentState: "not_required" });
  await transcript.appendShopperMessage({ shop, conversationId: guest.id, text: `guest question ${c.marker}` });
  const owned = (await conversations.findOwned(shop, guest.id, guest.token))!;
  const admin = async () => ({
    ok: true as const,
    data: { orders: { nodes: [{ id: `gid://shopify/Order/${c.orderId}`, name: c.orderName, email: c.email }] } },
  });
  const ipKey = vault.hash("ip", "203.0.113.7");
  const verify = (email: string) =>
    verifyGuestOrder(
      { db, vault, limits: openLimits, admin: admin as never, now: () => now },
      { shop: state, conversation: owned, ipKey, orderNumber: c.orderName, email },
    );
  await verify(`wrong-${c.email}`);
  const verified = await verify(c.email);
  if (!verified.ok) throw new Error(`seed: verification failed (${verified.code})`);

  const viaLead = await conversations.create({ shop, customerId: null, consentState: "not_required" });
  await transcript.appendShopperMessage({ shop, conversationId: viaLead.id, text: `please call me back ${c.marker}` });
  const leadOwner = await conversations.findOwned(shop, viaLead.id, viaLead.token);
  const lead = await createLead(
    { db, vault, now: () => now },
    {
      shop: state,
      conversation: leadOwner,
      customerId: null,
      contact: { name: `Name ${c.marker}`, email: c.email, phone: c.phone, message: `about ${c.marker}` },
    },
  );
  if (!lead.ok) throw new Error(`seed: lead refused (${lead.code})`);
  return { conversationIds: [loggedIn.id, guest.id, viaLead.id] };
}
