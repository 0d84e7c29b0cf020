// The Shopify Admin API version the app, its webhooks (shopify.app.toml `api_version`)
// and the demo's Admin API fake all speak. One place: test/contracts.test.ts checks
// that shopify.app.toml and the Shopify library agree with it.
export const ADMIN_API_VERSION = "2026-01" as const;
export type AdminApiVersion = typeof ADMIN_API_VERSION;
