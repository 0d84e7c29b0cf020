// The embedded admin's layout: App Bridge + Polaris, the admin navigation, and the
// merchant's language (Shopify's `locale` parameter) and time zone for every page.
// Every /app/* route renders inside it, authenticated by this loader first.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import adminStyles from "../admin-ui/admin.css";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useMemo } from "react";
import { EmbeddedAppProvider, SHOPIFY_APP_BRIDGE_URL } from "../admin-ui/embedded-app-provider";
import { appRoot } from "../composition/root.server";
import { authenticate } from "../composition/shopify.server";
import { I18nProvider, useT, type MessageKey } from "../admin-ui/i18n/i18n";
import { adminLocaleOf, messagesFor, polarisTranslationsFor, shopAdminTimeZone } from "../composition/admin-locale.server";
import { adminGraphqlOf } from "../infra/shopify/admin-graphql.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: adminStyles },
];

export const ADMIN_NAVIGATION: readonly { to: string; label: MessageKey }[] = [
  { to: "/app/assistant", label: "nav.assistant" },
  { to: "/app/privacy", label: "nav.privacy" },
  { to: "/app/knowledge", label: "nav.knowledge" },
  { to: "/app/conversations", label: "nav.conversations" },
  { to: "/app/leads", label: "nav.leads" },
  { to: "/app/data-requests", label: "nav.dataRequests" },
  { to: "/app/analytics", label: "nav.analytics" },
  { to: "/app/audit", label: "nav.audit" },
  { to: "/app/dashboard", label: "nav.dashboard" },
  { to: "/app/incidents", label: "nav.incidents" },
];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const { config, db } = appRoot();
  // The offline demo stands in for App Bridge with a local script (APP_BRIDGE_URL) and
  // never loads Shopify's CDN, not even when the stand-in is missing.
  const appBridgeUrl = config.DEMO_MODE ? (config.APP_BRIDGE_URL ?? null) : SHOPIFY_APP_BRIDGE_URL;
  const { locale, language } = adminLocaleOf(request);
  const timeZone = await shopAdminTimeZone(db, session.shop, adminGraphqlOf(admin));
  return json({
    apiKey: config.SHOPIFY_API_KEY,
    appBridgeUrl,
    i18n: { locale, language, timeZone, messages: messagesFor(language) },
    polarisTranslations: polarisTranslationsFor(language),
  });
};

// Language and time zone are chosen once per page load (Shopify reloads the app with a
// new `locale` when the merchant changes language); later client navigations carry no
// `locale` parameter, so the layout keeps what it loaded.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) => {
  const next = nextUrl.searchParams.get("locale");
  return next !== null && next !== currentUrl.searchParams.get("locale");
};

function Navigation() {
  const t = useT();
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        {t("nav.home")}
      </Link>
      {ADMIN_NAVIGATION.map((item) => (
        <Link key={item.to} to={item.to}>
          {t(item.label)}
        </Link>
      ))}
    </NavMenu>
  );
}

export default function AdminLayout() {
  const { apiKey, appBridgeUrl, i18n, polarisTranslations } = useLoaderData<typeof loader>();
  const value = useMemo(() => i18n, [i18n]);
  return (
    <I18nProvider value={value}>
      <EmbeddedAppProvider apiKey={apiKey} appBridgeUrl={appBridgeUrl} i18n={polarisTranslations}>
        <Navigation />
        <Outlet />
      </EmbeddedAppProvider>
    </I18nProvider>
  );
}

// Shopify needs its own error and header handling inside the admin iframe
// (e.g. to break out of the iframe for re-authentication).
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
