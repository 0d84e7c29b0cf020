// Shopify's own library (@shopify/shopify-api, under shopify-app-remix) talks to the fake
// as it would to a shop: token exchange for an expiring offline token, then GraphQL
// requests, Shopify-shaped errors and THROTTLED. Requests to the demo shop are rewritten
// to the fake the way app/demo-mode.server.ts does it.
import "@shopify/shopify-api/adapters/node";
import { createHmac } from "node:crypto";
import { ApiVersion, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminApiFake, type AdminApiFake } from "./start-admin-api-fake";

const SHOP = "demo-shop.myshopify.com";
let fake: AdminApiFake;

beforeAll(async () => {
  fake = await startAdminApiFake({
    accessToken: "shpat_lib",
    apiKey: "key",
    apiSecret: "secret",
    scopes: ["read_products", "read_orders"],
  });
  const original = abstractFetch;
  setAbstractFetchFunc((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const target = url.hostname === SHOP ? `${fake.origin}${url.pathname}${url.search}` : url.toString();
    return original(input instanceof Request ? new Request(target, input) : target, init);
  });
});
afterAll(() => fake.close());

function sessionToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part({
    iss: `https://${SHOP}/admin`,
    dest: `https://${SHOP}`,
    aud: "key",
    sub: "1",
    exp: now + 60,
    nbf: now - 5,
    iat: now,
    jti: "jti",
    sid: "sid",
  })}`;
  return `${unsigned}.${createHmac("sha256", "secret").update(unsigned).digest("base64url")}`;
}

describe("the fake with Shopify's library", () => {
  it("exchanges a session token, then answers GraphQL, errors and throttling as Shopify does", async () => {
    const api = shopifyApi({
      apiKey: "key",
      apiSecretKey: "secret",
      scopes: ["read_products"],
      hostName: "app.example",
      isEmbeddedApp: true,
      apiVersion: ApiVersion.January26,
      logger: { level: 0 },
    });
    const { session } = await api.auth.tokenExchange({
      shop: SHOP,
      sessionToken: sessionToken(),
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    expect(session).toMatchObject({ id: `offline_${SHOP}`, accessToken: "shpat_lib" });
    expect(session.refreshToken).toMatch(/^shprt_/);

    const client = new api.clients.Graphql({ session });
    const answer = await client.request(`query Two { products(first: 2) { nodes { title } } }`);
    expect(answer.data).toEqual({ products: { nodes: [{ title: "Classic Cotton Tee" }, { title: "Merino Trail Tee" }] } });
    await expect(client.request(`query Bad { shop { nope } }`)).rejects.toThrow("Field 'nope' doesn't exist on type 'Shop'");
    fake.injectFault({ kind: "throttled" });
    await expect(client.request(`query Shop { shop { name } }`)).rejects.toThrow("Throttled");
  });
});
