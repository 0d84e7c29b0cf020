// Session tokens as Shopify's admin hands them to App Bridge: a JWT, HS256 with the
// app's API secret, with the claims authenticate.admin checks (shopify.dev, "Session tokens").
import { createHmac, randomUUID } from "node:crypto";

export interface SessionTokenInput {
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** Staff user id. */
  userId?: string;
  lifetimeSeconds?: number;
  now?: () => number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function signSessionToken(input: SessionTokenInput): string {
  const now = Math.floor((input.now?.() ?? Date.now()) / 1000);
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: input.userId ?? "1",
    exp: now + (input.lifetimeSeconds ?? 60),
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createHmac("sha256", input.apiSecret).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}

/** Shopify's `host` parameter: base64 of the admin host for the shop. */
export function adminHostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).toString("base64");
}
