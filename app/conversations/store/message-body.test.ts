// The one decoder of stored message bodies, and what each reader does with its one
// failure: the admin's transcript shows a placeholder, the customer export writes a
// marker, the shopper's transcript read fails as it always did (the proxy answers 503).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "../../infra/crypto/crypto.server";
import type { Card } from "../../contracts/cards";
import { createTestDatabase, type TestDatabase } from "../../../test/support/test-database";
import { databaseAudit, owner, seedConversation, SHOP } from "../../../test/support/admin-fixtures";
import { decodeMessageBody, UNDECODABLE } from "./message-body.server";
import { UNDECODABLE_MESSAGE_PLACEHOLDER, viewTranscript } from "../admin/conversations.server";
import { buildCustomerExport, UNDECODABLE_MESSAGE_MARKER } from "../../privacy/compliance/customer-export.server";
import { createConversationStore } from "../conversation-store.server";

const hashKey = randomBytes(32).toString("base64");
const oldKey = { id: "k1", key: randomBytes(32).toString("base64") };
const newKey = { id: "k2", key: randomBytes(32).toString("base64") };
const both = createVault([newKey, oldKey], hashKey);
const oldOnly = createVault([oldKey], hashKey);
const newOnly = createVault([newKey], hashKey);

const policy: Card = { kind: "policy", title: "Refunds", url: null, excerpt: "30 days" };

describe("decodeMessageBody", () => {
  it("decrypts the text and the cards, validated against the card schemas", () => {
    expect(decodeMessageBody(both, { bodyEnc: both.encrypt("hello"), cardsEnc: both.encrypt(JSON.stringify([policy])) })).toEqual({
      ok: true,
      text: "hello",
      cards: [policy],
    });
    expect(decodeMessageBody(both, { bodyEnc: both.encrypt("no cards"), cardsEnc: null })).toEqual({
      ok: true,
      text: "no cards",
      cards: [],
    });
  });

  it("returns the typed failure when the body or its cards cannot be decrypted", () => {
    const lostKey = { bodyEnc: oldOnly.encrypt("old secret"), cardsEnc: null };
    expect(decodeMessageBody(newOnly, lostKey)).toEqual({ ok: false, code: "MESSAGE.UNDECODABLE" });
    expect(decodeMessageBody(newOnly, lostKey)).toEqual(UNDECODABLE);
    expect(decodeMessageBody(newOnly, { bodyEnc: newOnly.encrypt("fine"), cardsEnc: oldOnly.encrypt("[]") })).toEqual(UNDECODABLE);
    expect(decodeMessageBody(newOnly, { bodyEnc: "v1.k2.not-base64.garbage", cardsEnc: null })).toEqual(UNDECODABLE);
  });

  it("drops cards that are not JSON or not valid cards, and keeps the text", () => {
    const withCards = (json: string) => decodeMessageBody(both, { bodyEnc: both.encrypt("text"), cardsEnc: both.encrypt(json) });
    expect(withCards("{not json")).toEqual({ ok: true, text: "text", cards: [] });
    expect(withCards(JSON.stringify([{ ...policy, email: "leak@example.org" }]))).toEqual({ ok: true, text: "text", cards: [] });
    expect(withCards(JSON.stringify({ kind: "policy" }))).toEqual({ ok: true, text: "text", cards: [] });
  });
});

describe("readers of a body whose key is gone", () => {
  let t: TestDatabase;
  let conversationId: string;
  const customerId = "7001";

  beforeAll(async () => {
    t = await createTestDatabase();
    // one message under the old key, one under the new; the readers below only have the new key
    conversationId = await seedConversation(t.db, oldOnly, {
      customerIdHash: both.hash("customer", customerId),
      messages: [{ role: "shopper", text: "written under k1", cards: [policy] }],
    });
    await t.db.message.create({
      data: {
        id: "m-new",
        shop: SHOP,
        conversationId,
        role: "assistant",
        bodyEnc: newOnly.encrypt("written under k2"),
        keyId: "k2",
        createdAt: new Date(Date.now() + 60_000),
      },
    });
  });
  afterAll(async () => t?.cleanup());

  it("the admin's transcript shows a placeholder for it and the rest as usual", async () => {
    const result = await viewTranscript(
      { db: t.db, vault: newOnly, audit: databaseAudit(t.db) },
      { shop: SHOP, staff: owner, conversationId },
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.transcript.messages.map((m) => [m.text, m.cards])).toEqual([
      [UNDECODABLE_MESSAGE_PLACEHOLDER, []],
      ["written under k2", []],
    ]);
  });

  it("the customer export writes a marker for it", async () => {
    const exported = await buildCustomerExport(
      t.db,
      newOnly,
      { shop: SHOP, customer: { id: customerId, email: undefined, phone: undefined }, orderIds: [], shopifyRequestId: null },
      new Date(),
    );
    expect(exported.conversations).toHaveLength(1);
    expect(exported.conversations[0]!.messages).toEqual([
      { role: "shopper", text: UNDECODABLE_MESSAGE_MARKER, cards: [], sentAt: expect.any(String), undecodable: true },
      { role: "assistant", text: "written under k2", cards: [], sentAt: expect.any(String) },
    ]);
  });

  it("the shopper's transcript read fails, as before (the proxy answers 503), and reads fine with the key", async () => {
    await expect(createConversationStore({ db: t.db, vault: newOnly }).readTranscript(SHOP, conversationId)).rejects.toThrow(
      /cannot be decoded/,
    );
    const messages = await createConversationStore({ db: t.db, vault: both }).readTranscript(SHOP, conversationId);
    expect(messages.map((m) => [m.text, m.cards])).toEqual([
      ["written under k1", [policy]],
      ["written under k2", []],
    ]);
  });
});
