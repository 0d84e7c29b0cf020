// Signs requests the way Shopify does, for tests and for the demo's stand-ins:
// app proxy query signatures, webhook HMACs and the admin's session tokens (JWT).
import { createHmac, randomUUID } from "node:crypto";

export type QueryParams = Record<string, string | string[] | undefined>;

/**
 * Shopify's app proxy signature: drop `signature`; each parameter as key=value
 * (several values of one key joined with ","); sort; concatenate with no
 * separator; HMAC-SHA256 with the app's API secret, hex.
 */
export function appProxySignature(params: QueryParams, secret: string): string {
  const message = Object.entries(params)
    .filter(([key, value]) => key !== "signature" && value !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") : value}`)
    .sort()
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** The query string Shopify sends to the app proxy URL: params plus `signature`. */
export function signAppProxyQuery(params: QueryParams, secret: string): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "signature" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  }
  query.set("signature", appProxySignature(params, secret));
  return query;
}

/** The parameters Shopify adds for a storefront request through the app proxy. */
export function appProxyParams(options: {
  shop: string;
  customerId?: string;
  pathPrefix?: string;
  timestamp?: number;
}): QueryParams {
  return {
    shop: options.shop,
    logged_in_customer_id: options.customerId ?? "",
    path_prefix: options.pathPrefix ?? "/apps/assistant",
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
}

/** X-Shopify-Hmac-Sha256 of a webhook: base64 HMAC-SHA256 of the raw body. */
export function webhookHmac(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** An App Bridge session token (HS256 JWT signed with the API secret). */
export function sessionToken(options: {
  shop: string;
  apiKey: string;
  secret: string;
  userId?: string;
  /** Seconds since the epoch; default now. */
  now?: number;
  ttlSeconds?: number;
}): string {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const header = base64url({ alg: "HS256", typ: "JWT" });
  const payload = base64url({
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? "1",
    exp: now + (options.ttlSeconds ?? 60),
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  });
  const signature = createHmac("sha256", options.secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Query of an embedded admin document request, as the Shopify admin loads it. */
export function embeddedAdminQuery(options: { shop: string; token: string }): URLSearchParams {
  const store = options.shop.replace(/\.myshopify\.com$/, "");
  return new URLSearchParams({
    embedded: "1",
    shop: options.shop,
    host: Buffer.from(`admin.shopify.com/store/${store}`).toString("base64"),
    id_token: options.token,
  });
}
