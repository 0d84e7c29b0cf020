// Publishes the widget configuration as an app-data metafield on the current app
// installation, so the theme embed renders it with no extra storefront request.
import { z } from "zod";
import { runAdminQuery } from "../infra/shopify/admin-query";
import { failure, type Failure } from "../infra/admin-ports";
import type { AdminGraphql } from "../infra/shopify/admin-graphql";
import { CurrentAppInstallation, SetWidgetConfig } from "./operations";
import type { ShopSettings } from "./settings-schema";
import { WIDGET_CONFIG_KEY, WIDGET_CONFIG_NAMESPACE } from "../contracts/widget-config";
import { widgetConfigFromSettings } from "./widget-config";

const installationSchema = z.object({ currentAppInstallation: z.object({ id: z.string().min(1) }) });
const setSchema = z.object({
  metafieldsSet: z.object({
    metafields: z
      .array(z.object({ id: z.string() }))
      .nullable()
      .optional(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() })),
  }),
});

export type PublishResult = { ok: true; metafieldId: string | null } | Failure;

export async function publishWidgetConfig(admin: AdminGraphql, settings: ShopSettings): Promise<PublishResult> {
  const installation = await runAdminQuery(admin, CurrentAppInstallation, undefined, installationSchema);
  if (!installation.ok) return installation;
  const metafields = [
    {
      ownerId: installation.data.currentAppInstallation.id,
      namespace: WIDGET_CONFIG_NAMESPACE,
      key: WIDGET_CONFIG_KEY,
      type: "json",
      value: JSON.stringify(widgetConfigFromSettings(settings)),
    },
  ];
  const result = await runAdminQuery(admin, SetWidgetConfig, { metafields }, setSchema);
  if (!result.ok) return result;
  const userErrors = result.data.metafieldsSet.userErrors;
  if (userErrors.length > 0) {
    return failure("WIDGET_CONFIG_REJECTED", `Shopify refused the widget configuration: ${userErrors.map((e) => e.message).join("; ")}`);
  }
  return { ok: true, metafieldId: result.data.metafieldsSet.metafields?.[0]?.id ?? null };
}
