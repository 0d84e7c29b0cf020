// Polaris + App Bridge for the embedded admin. This does what AppProvider from
// @shopify/shopify-app-remix/react does; that module imports JSON with an import
// attribute (`with { type: "json" }`) that the Remix classic compiler's esbuild
// (0.17) cannot parse, so no file may import "@shopify/shopify-app-remix/react".
import { Link, useNavigate } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, type AppProviderProps } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import { forwardRef, useEffect, type ComponentProps, type ReactNode } from "react";

type PolarisLinkProps = ComponentProps<NonNullable<AppProviderProps["linkComponent"]>>;

export const SHOPIFY_APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

// Polaris renders links (Button url=…, etc.) through the Remix router.
const RouterLink = forwardRef<HTMLAnchorElement, PolarisLinkProps>(function RouterLink({ url, external: _external, ...rest }, ref) {
  return <Link {...(rest as Omit<ComponentProps<typeof Link>, "to">)} to={url} ref={ref} />;
});

interface EmbeddedAppProviderProps {
  apiKey: string;
  /** Shopify's CDN, or the offline demo's local stand-in; null loads no App Bridge script. */
  appBridgeUrl: string | null;
  i18n?: AppProviderProps["i18n"];
  children: ReactNode;
}

export function EmbeddedAppProvider({ apiKey, appBridgeUrl, i18n, children }: EmbeddedAppProviderProps) {
  const navigate = useNavigate();
  // App Bridge's navigation menu announces clicks as "shopify:navigate" events.
  useEffect(() => {
    const onNavigate = (event: Event) => {
      const href = (event.target as Element | null)?.getAttribute("href");
      if (href) navigate(href);
    };
    addEventListener("shopify:navigate", onNavigate);
    return () => removeEventListener("shopify:navigate", onNavigate);
  }, [navigate]);

  return (
    <>
      {appBridgeUrl ? <script src={appBridgeUrl} data-api-key={apiKey} /> : null}
      <PolarisAppProvider i18n={i18n ?? polarisTranslations} linkComponent={RouterLink}>
        {children}
      </PolarisAppProvider>
    </>
  );
}
