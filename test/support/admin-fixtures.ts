// Seeds rows for the admin modules' tests (one code path for test data), and an
// audit recorder (the privacy module's recordAudit) that also keeps the entries.
import { adminGraphqlOf, type RemixAdminClient } from "../../app/infra/shopify/admin-graphql.server";
import type { AdminGraphql } from "../../app/infra/shopify/admin-graphql";
import { randomBytes } from "node:crypto";
import type { Database } from "../../app/infra/db/create-database.server";
import type { AuditEntry, AuditRecorder, StaffUser } from "../../app/infra/admin-ports";
import { createVault, type Vault } from "../../app/infra/crypto/crypto.server";
import { recordAudit, type AuditInput } from "../../app/audit/audit-store.server";

export const SHOP = "demo-shop.myshopify.com";
export const OTHER_SHOP = "other-shop.myshopify.com";

export const owner: StaffUser = { id: "1001", name: "Olive Owner", isOwner: true };
export const staffMember: StaffUser = { id: "2002", name: "Sam Staff", isOwner: false };

const key = (seed: number) => Buffer.alloc(32, seed).toString("base64");

export function testVault(ids: string[] = ["k2", "k1"]): Vault {
  return createVault(
    ids.map((id, i) => ({ id, key: key(i + 7) })),
    key(3),
  );
}

export const newId = () => randomBytes(12).toString("base64url");

export function databaseAudit(db: Database): AuditRecorder & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  const record = async (entry: AuditEntry) => {
    entries.push(entry);
    // The real recorder: its whitelist refuses personal data in the detail.
    await recordAudit(db, entry as AuditInput);
  };
  return Object.assign(record, { entries });
}

export async function seedConversation(
  db: Database,
  vault: Vault,
  options: {
    shop?: string;
    createdAt?: Date;
    outcome?: string;
    basicMode?: boolean;
    customerIdHash?: string | null;
    messages?: { role: "shopper" | "assistant"; text: string; topic?: string; cards?: unknown[] }[];
  } = {},
) {
  const id = newId();
  const createdAt = options.createdAt ?? new Date();
  await db.conversation.create({
    data: {
      id,
      shop: options.shop ?? SHOP,
      tokenHash: "t".repeat(43),
      createdAt,
      lastMessageAt: createdAt,
      outcome: options.outcome ?? "answered",
      basicMode: options.basicMode ?? false,
      customerIdHash: options.customerIdHash ?? null,
      turnCount: options.messages?.length ?? 0,
      keyId: vault.currentKeyId,
    },
  });
  let i = 0;
  for (const m of options.messages ?? []) {
    await db.message.create({
      data: {
        id: newId(),
        shop: options.shop ?? SHOP,
        conversationId: id,
        role: m.role,
        bodyEnc: vault.encrypt(m.text),
        cardsEnc: m.cards ? vault.encrypt(JSON.stringify(m.cards)) : null,
        keyId: vault.currentKeyId,
        topic: m.topic ?? null,
        createdAt: new Date(createdAt.getTime() + 1000 * i++),
      },
    });
  }
  return id;
}

export async function seedLead(
  db: Database,
  vault: Vault,
  options: { shop?: string; name?: string; email?: string; message?: string; createdAt?: Date; status?: string } = {},
) {
  const id = newId();
  await db.lead.create({
    data: {
      id,
      shop: options.shop ?? SHOP,
      keyId: vault.currentKeyId,
      nameEnc: options.name ? vault.encrypt(options.name) : null,
      emailEnc: options.email ? vault.encrypt(options.email) : null,
      emailHash: options.email ? vault.hash("email", options.email) : null,
      messageEnc: options.message ? vault.encrypt(options.message) : null,
      consentAt: options.createdAt ?? new Date(),
      consentText: "I agree to be contacted about my request.",
      status: options.status ?? "new",
      createdAt: options.createdAt ?? new Date(),
    },
  });
  return id;
}

export async function seedShopEvents(db: Database, kind: string, count: number, at: Date, shop = SHOP) {
  await db.shopEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({ id: newId(), shop, kind, createdAt: new Date(at.getTime() + i * 1000) })),
  });
}

/**
 * The app's Admin GraphQL interface over a fake of shopify-app-remix's `admin` client
 * (graphql(query, { variables }) → Response), as routes build it; retries do not wait.
 */
export function adminOverRemixFake(fake: RemixAdminClient): AdminGraphql {
  return adminGraphqlOf(fake, { clock: { now: () => new Date(), sleep: async () => undefined } });
}
