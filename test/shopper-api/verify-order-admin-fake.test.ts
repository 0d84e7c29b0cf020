// Guest order verification against the Admin GraphQL fake (built from the real Admin
// schema): the named operation runs, the demo store's order #1001 verifies with its
// email and with nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminGraphql, sendViaFetch } from "../../app/infra/shopify/admin-graphql.server";
import { handleConsent } from "../../app/conversations/shopper/handle-consent.server";
import { handleVerifyOrder } from "../../app/order-verification/shopper/handle-verify-order.server";
import { startAdminApiFake, type AdminApiFake } from "../../demo/admin-api/start-admin-api-fake";
import { createHarness, signedRequest, type Harness } from "./harness";

const TOKEN = "shpat_verify_test";

describe("guest order verification through the Admin API fake", () => {
  let fake: AdminApiFake;
  let h: Harness;
  beforeAll(async () => {
    fake = await startAdminApiFake({ accessToken: TOKEN, scopes: ["read_products", "read_orders"] });
    h = await createHarness({ admin: createAdminGraphql({ send: sendViaFetch({ shopOrigin: fake.origin, accessToken: TOKEN }) }) });
    await h.setShopSettings({ privacy: { consentRequired: false } });
  });
  afterAll(async () => {
    await h?.cleanup();
    await fake?.close();
  });

  it("verifies #1001 with its email and refuses a wrong email", async () => {
    const order = fake.store.orders.find((o) => o.name === "#1001")!;
    const consent = await handleConsent(signedRequest("/consent", { body: { accepted: true } }), h.deps);
    const { id, token } = (await consent.json()).conversation;
    const verify = (email: string) =>
      handleVerifyOrder(signedRequest("/verify-order", { body: { conversationId: id, token, orderNumber: "1001", email } }), h.deps);
    expect((await verify("someone.else@example.com")).status).toBe(422);
    const ok = await verify(order.email!.toUpperCase());
    expect(ok.status, await ok.clone().text()).toBe(200);
    const row = await h.database.db.conversation.findUniqueOrThrow({ where: { id } });
    expect(h.deps.vault.decrypt(row.verifiedOrderEnc!)).toBe(String(order.legacyId));
    expect(fake.requests().filter((r) => r.query?.includes("query OrderForGuestVerification"))).toHaveLength(2);
  });
});
