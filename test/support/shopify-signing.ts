// Signs requests the way Shopify does, for tests and for the demo's stand-ins:
// app proxy query signatures, webhook HMACs and the admin's session tokens (JWT,
// from demo/app-bridge/session-token.ts: test support may use demo code, never the
// other way round).
import { createHmac } from "node:crypto";
import { adminHostParam, signSessionToken } from "../../demo/app-bridge/session-token";

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
export function appProxyParams(options: { shop: string; customerId?: string; pathPrefix?: string; timestamp?: number }): QueryParams {
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

/**
 * An App Bridge session token (HS256 JWT signed with the API secret), made by the
 * demo's App Bridge stand-in so tests and the demo sign tokens one way.
 */
export function sessionToken(options: {
  shop: string;
  apiKey: string;
  secret: string;
  userId?: string;
  /** Seconds since the epoch; default now. */
  now?: number;
  ttlSeconds?: number;
}): string {
  const { now } = options;
  return signSessionToken({
    shop: options.shop,
    apiKey: options.apiKey,
    apiSecret: options.secret,
    userId: options.userId,
    lifetimeSeconds: options.ttlSeconds,
    now: now === undefined ? undefined : () => now * 1000,
  });
}

/** Query of an embedded admin document request, as the Shopify admin loads it. */
export function embeddedAdminQuery(options: { shop: string; token: string }): URLSearchParams {
  return new URLSearchParams({
    embedded: "1",
    shop: options.shop,
    host: adminHostParam(options.shop),
    id_token: options.token,
  });
}
