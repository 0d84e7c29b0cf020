import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData } from "@remix-run/react";
import { appRoot } from "./composition/root.server";

// The offline demo makes no outside request, so it skips the hint to Shopify's CDN.
export const loader = () => json({ preconnectShopifyCdn: !appRoot().config.DEMO_MODE });

export default function App() {
  const { preconnectShopifyCdn } = useLoaderData<typeof loader>();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {preconnectShopifyCdn ? <link rel="preconnect" href="https://cdn.shopify.com/" /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
