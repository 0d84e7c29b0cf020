// The first step of every shopper route: verify the app proxy signature
// (authenticate.public.appProxy), then take the shop and the logged-in customer from
// the verified query and nowhere else (headers and bodies are the shopper's to
// forge). Unknown and uninstalled shops are refused; the widget is marked as seen;
// the request is counted against the shop's and the client IP's rate limits.
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import type { ShopState } from "../settings/shop-settings.server";
import { loadShopState } from "../settings/shop-settings.server";
import { jsonError } from "../infra/http/errors";
import { rateLimitedAndRecorded } from "./security-events.server";
import { markWidgetSeen, WIDGET_SEEN_RESOLUTION_MS } from "./widget-seen.server";
import { withCatalogCache } from "../catalog/catalog-cache";
import type { ShopperApiDeps } from "./deps";
import { clientAddressFrom } from "../infra/http/client-address";

export interface ProxyContext {
  shop: ShopState;
  /** Numeric Shopify customer id from the signed `logged_in_customer_id`, or null for guests. */
  customerId: string | null;
  /** Keyed hash of the client IP (rate-limit key; never the address itself). */
  ipKey: string;
  admin: AdminGraphql | null;
}

export type ContextResult = { ok: true; context: ProxyContext } | { ok: false; response: Response };

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;

// shopify-api error classes (matched by name: the library may load as CJS or ESM).
const SIGNATURE_ERRORS = new Set(["InvalidShopError", "InvalidHmacError", "SafeCompareError"]);

const unauthorized = () =>
  jsonError(401, "UNAUTHORIZED", "This request did not come signed from the shop's storefront (missing, invalid or expired signature).");

/**
 * The client IP: the X-Forwarded-For entry the deployment trusts, counted from the right
 * (TRUSTED_PROXY_HOPS; server.ts appends the socket's peer last). Never the leftmost
 * entry, which the client writes itself. Behind Shopify's app proxy the socket peer is
 * Shopify (or the load balancer in front of the app); Shopify's proxy appends the
 * shopper's address, so the hop count includes it (docs/architecture.md "Client address").
 */
export function clientIpOf(request: Request, trustedProxyHops = 0): string {
  return clientAddressFrom(request.headers.get("x-forwarded-for"), trustedProxyHops);
}

const widgetSeenIsStale = (shop: ShopState, now: Date) =>
  !shop.widgetSeenAt || shop.widgetSeenAt.getTime() < now.getTime() - WIDGET_SEEN_RESOLUTION_MS;

export async function resolveProxyContext(request: Request, deps: ShopperApiDeps): Promise<ContextResult> {
  let proxy: Awaited<ReturnType<ShopperApiDeps["authenticateAppProxy"]>>;
  try {
    proxy = await deps.authenticateAppProxy(request);
  } catch (error) {
    // The library throws a 400 Response for a missing, bad or stale signature (and
    // InvalidShopError for a malformed shop); both mean "not signed by Shopify".
    if (error instanceof Response || SIGNATURE_ERRORS.has((error as Error | null)?.constructor?.name ?? "")) {
      return { ok: false, response: unauthorized() };
    }
    throw error;
  }
  const query = new URL(request.url).searchParams;
  const shopDomain = query.get("shop") ?? "";
  if (!SHOP_DOMAIN.test(shopDomain)) return { ok: false, response: unauthorized() };
  const customer = query.get("logged_in_customer_id") ?? "";
  const customerId = /^\d{1,20}$/.test(customer) ? customer : null;

  // Cached for a few seconds per shop in the app process (see createShopStateCache for
  // the staleness bound); this process's own pause, settings save and uninstall apply at once.
  const shopStates = deps.caches?.shopStates;
  const shop = shopStates ? await shopStates.load(deps.db, shopDomain) : await loadShopState(deps.db, shopDomain);
  if (!shop.installed) return { ok: false, response: jsonError(404, "NOT_FOUND", "The assistant is not available in this shop.") };
  // Once per verified request, here and nowhere else (the set-up checklist's embed item).
  const now = deps.now?.() ?? new Date();
  if (widgetSeenIsStale(shop, now)) {
    await markWidgetSeen(deps.db, shop, now);
    shopStates?.remember({ ...shop, widgetSeenAt: now });
  }

  const ipKey = deps.vault.hash("ip", clientIpOf(request, deps.trustedProxyHops));
  const decision = await deps.limits.consumeRequest({ shop: shopDomain, ipKey });
  if (!decision.ok) return { ok: false, response: await rateLimitedAndRecorded(deps, { shop: shopDomain }, decision.retryAfterSeconds) };

  const admin = deps.adminFor(proxy);
  const adminReads = deps.caches?.adminReads;
  // Product and policy reads are shared per shop for a minute; orders never are (catalog-cache.ts).
  return {
    ok: true,
    context: { shop, customerId, ipKey, admin: admin && adminReads ? withCatalogCache(admin, shopDomain, adminReads) : admin },
  };
}
