// POST /admin/oauth/access_token, the way @shopify/shopify-api calls it: token exchange
// (session token → offline or online access token, expiring when asked), refresh_token,
// client_credentials and the classic authorization_code grant. The fake always issues its
// one configured access token, so a session stored by the demo keeps working across restarts.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface TokenExchangeConfig {
  accessToken: string;
  scopes: string[];
  shopDomain: string;
  /** When set, client_id/client_secret must match and session tokens must be signed with the secret. */
  apiKey?: string;
  apiSecret?: string;
}

type Answer = { status: number; body: Record<string, unknown> };
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

function sessionTokenProblem(token: unknown, config: TokenExchangeConfig): string | null {
  if (typeof token !== "string" || token.split(".").length !== 3) return "subject_token is not a JWT";
  if (!config.apiSecret) return null;
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const expected = createHmac("sha256", config.apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "subject_token signature is invalid";
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { dest?: string; exp?: number };
  if (claims.dest !== `https://${config.shopDomain}`) return "subject_token is for another shop";
  if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now() - 5_000) return "subject_token has expired";
  return null;
}

export function createTokenEndpoint(config: TokenExchangeConfig) {
  const refreshTokens = new Set<string>();
  const scope = config.scopes.join(",");

  function offline(expiring: boolean): Record<string, unknown> {
    if (!expiring) return { access_token: config.accessToken, scope };
    const refresh = `shprt_${randomBytes(16).toString("hex")}`;
    refreshTokens.add(refresh);
    return { access_token: config.accessToken, scope, expires_in: 3600, refresh_token: refresh, refresh_token_expires_in: 7_776_000 };
  }

  return function handle(body: Record<string, unknown>): Answer {
    if (config.apiKey && (body.client_id !== config.apiKey || body.client_secret !== config.apiSecret)) {
      return { status: 400, body: { error: "invalid_client", error_description: "Client credentials are invalid" } };
    }
    switch (body.grant_type) {
      case "urn:ietf:params:oauth:grant-type:token-exchange": {
        const problem = sessionTokenProblem(body.subject_token, config);
        if (problem) return { status: 400, body: { error: "invalid_subject_token", error_description: problem } };
        if (body.requested_token_type === ONLINE) {
          return {
            status: 200,
            body: {
              access_token: config.accessToken,
              scope,
              expires_in: 86_399,
              associated_user_scope: scope,
              associated_user: {
                id: 902541635,
                first_name: "Demo",
                last_name: "Staff",
                email: "staff@demo-outfitters.example",
                email_verified: true,
                account_owner: true,
                locale: "en",
                collaborator: false,
              },
            },
          };
        }
        if (body.requested_token_type !== OFFLINE)
          return { status: 400, body: { error: "invalid_request", error_description: "requested_token_type" } };
        return { status: 200, body: offline(body.expiring === "1" || body.expiring === 1) };
      }
      case "refresh_token":
        if (typeof body.refresh_token !== "string" || !refreshTokens.delete(body.refresh_token)) {
          return { status: 400, body: { error: "invalid_grant", error_description: "refresh_token is invalid or used" } };
        }
        return { status: 200, body: offline(true) };
      case "client_credentials":
        return { status: 200, body: { access_token: config.accessToken, scope, expires_in: 86_399 } };
      default:
        if (typeof body.code === "string") return { status: 200, body: { access_token: config.accessToken, scope } };
        return { status: 400, body: { error: "unsupported_grant_type" } };
    }
  };
}
