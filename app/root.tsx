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
        {/* Nothing is painted before the page's HTML is all in (#page-end, below): Remix streams
            the document, and a busy browser painted half a page whose columns then narrowed
            when the rest arrived, a layout shift (0.003–0.005 on Knowledge at 1,280 px). Where
            `blocking` is unknown this does nothing. */}
        {/* eslint-disable-next-line react/no-unknown-property -- HTML's `blocking`, newer than the rule's list; React passes it on */}
        <link rel="expect" href="#page-end" blocking="render" />
        <Links />
      </head>
      <body>
        <Outlet />
        <div id="page-end" hidden />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
