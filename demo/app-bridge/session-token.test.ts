// The demo admin's session tokens are ones Shopify's library accepts.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { adminHostParam, signSessionToken } from "./session-token";

const shopify = shopifyApi({
  apiKey: "demo-key",
  apiSecretKey: "demo-secret",
  apiVersion: ApiVersion.January26,
  isEmbeddedApp: true,
  hostName: "127.0.0.1:3000",
  scopes: ["read_products"],
  logger: { level: 0 },
});

describe("demo session tokens", () => {
  it("decode and verify with the app's API secret", async () => {
    const token = signSessionToken({ shop: "demo-shop.myshopify.com", apiKey: "demo-key", apiSecret: "demo-secret" });
    const payload = await shopify.session.decodeSessionToken(token);
    expect(payload).toMatchObject({
      dest: "https://demo-shop.myshopify.com",
      iss: "https://demo-shop.myshopify.com/admin",
      aud: "demo-key",
    });
  });

  it("are refused when signed with another secret", async () => {
    const token = signSessionToken({ shop: "demo-shop.myshopify.com", apiKey: "demo-key", apiSecret: "other" });
    await expect(shopify.session.decodeSessionToken(token)).rejects.toThrow();
  });

  it("come with the admin host parameter Shopify's library accepts", () => {
    const host = adminHostParam("demo-shop.myshopify.com");
    expect(Buffer.from(host, "base64").toString()).toBe("admin.shopify.com/store/demo-shop");
    expect(shopify.utils.sanitizeHost(host)).toBe(host);
  });
});
