// The widget configuration's two sources in the demo: the app-data metafield the
// app publishes (through the Admin API fake, exactly as on install), and, as a
// fallback, the shop's settings in the database.
import type { Database } from "../../../app/infra/db/create-database.server";
import type { AdminGraphql } from "../../../app/infra/shopify/admin-graphql";
import { createAdminGraphql, sendViaFetch } from "../../../app/infra/shopify/admin-graphql.server";
import { publishWidgetConfig } from "../../../app/settings/publish-widget-config.server";
import { loadShopSettings } from "../../../app/settings/shop-settings.server";
import { widgetConfigFromSettings } from "../../../app/settings/widget-config";

export function fakeAdminClient(adminApiUrl: string, accessToken: string): AdminGraphql {
  return createAdminGraphql({ send: sendViaFetch({ shopOrigin: adminApiUrl, accessToken }) });
}

export async function publishDemoWidgetConfig(input: {
  db: Database;
  shop: string;
  adminApiUrl: string;
  accessToken: string;
  log: (line: string) => void;
}): Promise<void> {
  const settings = await loadShopSettings(input.db, input.shop);
  const result = await publishWidgetConfig(fakeAdminClient(input.adminApiUrl, input.accessToken), settings);
  if (!result.ok)
    input.log(`warning: widget config not published to the Admin API fake (${result.code}); the storefront uses the saved settings`);
}

export async function widgetConfigFromDatabase(db: Database, shop: string): Promise<unknown> {
  return widgetConfigFromSettings(await loadShopSettings(db, shop));
}
