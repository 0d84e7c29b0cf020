// The embedded admin's layout: App Bridge + Polaris, and the admin navigation.
// Every /app/* route renders inside it, authenticated by this loader first.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { boundary } from "@shopify/shopify-app-remix/server";
import { EmbeddedAppProvider, SHOPIFY_APP_BRIDGE_URL } from "../admin-ui/embedded-app-provider";
import { appRoot } from "../composition/root.server";
import { authenticate } from "../composition/shopify.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export const ADMIN_NAVIGATION = [
  { to: "/app/assistant", label: "Assistant" },
  { to: "/app/privacy", label: "Privacy" },
  { to: "/app/knowledge", label: "Knowledge" },
  { to: "/app/conversations", label: "Conversations" },
  { to: "/app/leads", label: "Leads" },
  { to: "/app/data-requests", label: "Data requests" },
  { to: "/app/analytics", label: "Analytics" },
  { to: "/app/audit", label: "Audit log" },
  { to: "/app/dashboard", label: "Privacy dashboard" },
  { to: "/app/incidents", label: "Incidents" },
] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const { config } = appRoot();
  // The offline demo stands in for App Bridge with a local script (APP_BRIDGE_URL) and
  // never loads Shopify's CDN, not even when the stand-in is missing.
  const appBridgeUrl = config.DEMO_MODE ? (config.APP_BRIDGE_URL ?? null) : SHOPIFY_APP_BRIDGE_URL;
  return json({ apiKey: config.SHOPIFY_API_KEY, appBridgeUrl });
};

export default function AdminLayout() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <EmbeddedAppProvider apiKey={apiKey} appBridgeUrl={appBridgeUrl}>
      <NavMenu>
        <Link to="/app" rel="home">
          Home
        </Link>
        {ADMIN_NAVIGATION.map((item) => (
          <Link key={item.to} to={item.to}>
            {item.label}
          </Link>
        ))}
      </NavMenu>
      <Outlet />
    </EmbeddedAppProvider>
  );
}

// Shopify needs its own error and header handling inside the admin iframe
// (e.g. to break out of the iframe for re-authentication).
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
