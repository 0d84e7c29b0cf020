// Creates, migrates and seeds the demo database as an installed app would have it:
// the Shop row, the offline session (token encrypted by the app's own session
// storage), the shop's policies and a few FAQ entries. Idempotent: a restart keeps
// what the merchant changed in the demo admin.
import path from "node:path";
import { Session } from "@shopify/shopify-api";
import { createDatabase, type Database } from "../../../app/infra/db/create-database.server";
import { applyMigrations } from "../../../app/infra/db/migrate.server";
import { createVault } from "../../../app/infra/crypto/crypto.server";
import { savePolicyEntry } from "../../../app/knowledge/knowledge-store.server";
import { encryptedPrismaSessionStorage } from "../../../app/infra/shopify/encrypted-session-storage.server";
import type { DemoStore } from "../../store/store-types";

export interface SeedInput {
  databaseUrl: string;
  root: string;
  store: DemoStore;
  shop: string;
  scopes: string;
  accessToken: string;
  encryptionKeys: string;
  hashKey: string;
}

const DEMO_FAQ = [
  {
    id: "demo-faq-gift-wrap",
    question: "Do you offer gift wrapping?",
    answer: "Yes: choose gift wrapping at checkout; it costs 4.00 and includes a handwritten card.",
    url: null,
  },
  {
    id: "demo-faq-sizes",
    question: "How do your sizes run?",
    answer: "Our clothing runs true to size. If you are between sizes, pick the larger one; exchanges are free within 30 days.",
    url: null,
  },
  {
    id: "demo-faq-store",
    question: "Do you have a physical store?",
    answer: "We are online only, but you can return items by post from anywhere in the EU.",
    url: null,
  },
];

function parseKeys(raw: string) {
  return raw.split(",").map((pair) => {
    const [id, key] = pair.trim().split(":");
    return { id: id!, key: key! };
  });
}

const htmlToText = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

export async function seedDemoDatabase(input: SeedInput): Promise<{ db: Database; applied: string[] }> {
  const applied = await applyMigrations(input.databaseUrl, path.join(input.root, "prisma"));
  const db = createDatabase(input.databaseUrl);
  await db.shop.upsert({ where: { shop: input.shop }, create: { shop: input.shop }, update: { uninstalledAt: null } });

  const vault = createVault(parseKeys(input.encryptionKeys), input.hashKey);
  const storage = encryptedPrismaSessionStorage(db, vault);
  const year = 365 * 24 * 3600 * 1000;
  await storage.storeSession(
    new Session({
      id: `offline_${input.shop}`,
      shop: input.shop,
      state: "demo",
      isOnline: false,
      scope: input.scopes,
      accessToken: input.accessToken,
      expires: new Date(Date.now() + year),
      refreshToken: `${input.accessToken}_refresh`,
      refreshTokenExpires: new Date(Date.now() + 2 * year),
    }),
  );

  // The demo admin's staff member (the stand-in's session tokens say sub "1"): an online
  // session gives her name to the audit log ("Jane Doe changed …"), as Shopify's does
  // after an online token exchange. Its token is never used (the app calls the Admin
  // API with the offline session).
  await storage.storeSession(
    new Session({
      id: `${input.shop}_1`,
      shop: input.shop,
      state: "demo",
      isOnline: true,
      scope: input.scopes,
      accessToken: `${input.accessToken}_online`,
      expires: new Date(Date.now() + year),
      onlineAccessInfo: {
        expires_in: 365 * 24 * 3600,
        associated_user_scope: input.scopes,
        associated_user: {
          id: 1,
          first_name: "Jane",
          last_name: "Doe",
          email: "jane.doe@demo-shop.example",
          email_verified: true,
          account_owner: true,
          locale: "en",
          collaborator: false,
        },
      },
    }),
  );

  // Without read_legal_policies the app cannot read shop.shopPolicies, so the policies
  // become knowledge entries (as a merchant would paste them); with it, the Admin API
  // fake serves them and copies here would only answer twice. Edited entries stay.
  const policiesReadable = input.scopes.split(",").includes("read_legal_policies");
  for (const policy of policiesReadable ? [] : input.store.policies) {
    const exists = await db.knowledgeEntry.findFirst({ where: { shop: input.shop, kind: "policy", policyType: policy.type } });
    if (!exists)
      await savePolicyEntry(db, input.shop, {
        policyType: policy.type,
        title: policy.title,
        body: htmlToText(policy.body),
        url: `/policies/${policy.handle}`,
      });
  }
  for (const faq of DEMO_FAQ) {
    const exists = await db.knowledgeEntry.findUnique({ where: { id: faq.id } });
    if (!exists) await db.knowledgeEntry.create({ data: { ...faq, shop: input.shop, kind: "faq" } });
  }
  return { db, applied };
}
