// The app's one Shopify configuration. Routes import the named exports below.
import "@shopify/shopify-app-remix/adapters/node";
import { ADMIN_API_VERSION } from "../contracts/admin-api";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp, type Session } from "@shopify/shopify-app-remix/server";
import { installDemoMode, skipBotCheckInDemo } from "../infra/shopify/demo-mode.server";
import { appRoot } from "./root.server";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";
import { publishWidgetConfig } from "../settings/publish-widget-config.server";
import { loadShopSettings, recordShopInstall } from "../settings/shop-settings.server";

// Must run after the Shopify library set its default fetch (the imports above).
installDemoMode();

const { config, db, caches } = appRoot();

// Every subscription is app-specific, declared in shopify.app.toml and managed by
// Shopify. Shop-specific ones (rarely needed) would be added here.
const SHOP_SPECIFIC_WEBHOOKS: NonNullable<Parameters<typeof shopifyApp>[0]["webhooks"]> = {};

// The library names versions with an enum; its value is the version string.
const SHOPIFY_API_VERSION = ADMIN_API_VERSION as ApiVersion;

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  // The Admin API version of shopify.app.toml [webhooks] and of the vendored schema.
  apiVersion: SHOPIFY_API_VERSION,
  scopes: config.SCOPES.split(",")
    .map((scope) => scope.trim())
    .filter(Boolean),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  // Encrypted, with a per-process cache (the composition root builds it).
  sessionStorage: caches.sessions,
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  webhooks: SHOP_SPECIFIC_WEBHOOKS,
  // The library logs every app-proxy request at "info" (a line per shopper message,
  // naming the shop); warnings and errors are what operations need.
  logger: { level: LogSeverity.Warning },
  hooks: {
    // Runs once per install or token exchange. Shopify's library turns anything
    // thrown here into a bare 500, so failures are logged first.
    afterAuth: async ({ session, admin }) => {
      try {
        await recordInstall(session);
        // Listing a shop's subscriptions costs Admin API points; only handlers
        // declared in code (none today) need per-shop registration.
        if (Object.keys(SHOP_SPECIFIC_WEBHOOKS).length > 0) await shopify.registerWebhooks({ session });
        // The storefront widget reads its configuration from this metafield; without
        // it the widget runs on defaults, so a failure here is logged, not fatal.
        const published = await publishWidgetConfig(adminGraphqlOf(admin), await loadShopSettings(db, session.shop));
        if (!published.ok) console.warn(`widget config not published for ${session.shop}: ${published.code}`);
      } catch (error) {
        console.error(`afterAuth failed for ${session.shop}:`, error);
        throw error;
      }
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

// A (re)install clears an earlier uninstall mark; settings stay as they were.
async function recordInstall(session: Session): Promise<void> {
  await recordShopInstall(db, session.shop);
}

export default shopify;
export const apiVersion = SHOPIFY_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
// Admin authentication; in demo mode a headless browser is let in (skipBotCheckInDemo).
export const authenticate: typeof shopify.authenticate = Object.assign(Object.create(shopify.authenticate) as typeof shopify.authenticate, {
  admin: ((request: Request) => shopify.authenticate.admin(skipBotCheckInDemo(request, config))) as typeof shopify.authenticate.admin,
});
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
