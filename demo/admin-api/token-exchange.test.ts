// POST /admin/oauth/access_token as @shopify/shopify-api calls it.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApiFake, type AdminApiFake } from "./start-admin-api-fake";

const secret = "test_secret";
let fake: AdminApiFake;
beforeAll(async () => {
  fake = await startAdminApiFake({ accessToken: "shpat_x", apiKey: "key", apiSecret: secret, scopes: ["read_products", "read_orders"] });
});
afterAll(() => fake.close());

function sessionToken(dest: string, key = secret) {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part({ iss: `${dest}/admin`, dest, aud: "key", sub: "1", exp: now + 60, nbf: now, iat: now, jti: "j", sid: "s" })}`;
  return `${unsigned}.${createHmac("sha256", key).update(unsigned).digest("base64url")}`;
}

const exchange = (body: Record<string, unknown>) =>
  fetch(`${fake.origin}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_id: "key", client_secret: secret, ...body }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

describe("token exchange", () => {
  const offline = (token: string) => ({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: token,
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    expiring: "1",
  });

  it("gives an expiring offline token for a valid session token, and refreshes it once", async () => {
    const { status, body } = await exchange(offline(sessionToken("https://demo-shop.myshopify.com")));
    expect(status).toBe(200);
    expect(body).toMatchObject({ access_token: "shpat_x", scope: "read_products,read_orders", expires_in: 3600 });
    const refreshed = await exchange({ grant_type: "refresh_token", refresh_token: body.refresh_token });
    expect(refreshed.body.access_token).toBe("shpat_x");
    expect((await exchange({ grant_type: "refresh_token", refresh_token: body.refresh_token })).status).toBe(400);
  });

  it("refuses a session token signed with another secret, for another shop, or wrong client credentials", async () => {
    expect((await exchange(offline(sessionToken("https://demo-shop.myshopify.com", "other")))).status).toBe(400);
    expect((await exchange(offline(sessionToken("https://elsewhere.myshopify.com")))).status).toBe(400);
    expect((await exchange({ ...offline(sessionToken("https://demo-shop.myshopify.com")), client_secret: "nope" })).status).toBe(400);
  });
});
