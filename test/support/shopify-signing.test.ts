import { describe, expect, it } from "vitest";
import { ApiVersion, shopifyApp } from "@shopify/shopify-app-remix/server";
import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { appProxyParams, appProxySignature, signAppProxyQuery, webhookHmac } from "./shopify-signing";

const SECRET = "proxy-test-secret";
const SHOP = "demo-shop.myshopify.com";

class NoSessions implements SessionStorage {
  storeSession = async (_session: Session) => true;
  loadSession = async () => undefined;
  deleteSession = async () => true;
  deleteSessions = async () => true;
  findSessionsByShop = async () => [];
}

const shopify = shopifyApp({
  apiKey: "proxy-test-key",
  apiSecretKey: SECRET,
  apiVersion: ApiVersion.January26,
  scopes: ["read_products"],
  appUrl: "https://app.example.com",
  sessionStorage: new NoSessions(),
  logger: { level: 0 },
});

async function proxyAnswer(query: URLSearchParams): Promise<number> {
  try {
    await shopify.authenticate.public.appProxy(new Request(`https://app.example.com/proxy/chat?${query}`));
    return 200;
  } catch (response) {
    if (response instanceof Response) return response.status;
    throw response;
  }
}

describe("Shopify signing helpers", () => {
  it("computes the webhook HMAC of Shopify's known vector", () => {
    expect(webhookHmac('{"foo": "bar"}', "test_secret_key")).toBe("B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=");
  });

  it("signs app proxy parameters sorted, unseparated, with repeated keys joined by commas", () => {
    const params = { shop: SHOP, ids: ["1", "2"], path_prefix: "/apps/assistant", timestamp: "1700000000" };
    const query = signAppProxyQuery(params, SECRET);
    expect(query.getAll("ids")).toEqual(["1", "2"]);
    expect(query.get("signature")).toBe(appProxySignature({ ...params, ids: "1,2" }, SECRET));
    expect(query.get("signature")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is accepted by authenticate.public.appProxy", async () => {
    expect(await proxyAnswer(signAppProxyQuery(appProxyParams({ shop: SHOP, customerId: "42" }), SECRET))).toBe(200);
  });

  it("is refused when a parameter was changed after signing", async () => {
    const query = signAppProxyQuery(appProxyParams({ shop: SHOP, customerId: "42" }), SECRET);
    query.set("logged_in_customer_id", "43");
    expect(await proxyAnswer(query)).toBe(400);
  });

  it("is refused when signed with another secret", async () => {
    expect(await proxyAnswer(signAppProxyQuery(appProxyParams({ shop: SHOP }), "not-the-secret"))).toBe(400);
  });

  it("is accepted within 90 seconds and refused beyond", async () => {
    const recent = Math.floor(Date.now() / 1000) - 60;
    expect(await proxyAnswer(signAppProxyQuery(appProxyParams({ shop: SHOP, timestamp: recent }), SECRET))).toBe(200);

    const stale = Math.floor(Date.now() / 1000) - 120;
    expect(await proxyAnswer(signAppProxyQuery(appProxyParams({ shop: SHOP, timestamp: stale }), SECRET))).toBe(400);
  });
});
