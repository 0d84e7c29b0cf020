// Shopify's auth paths (/auth/session-token bounce page, /auth/exit-iframe, ...):
// authenticate.admin answers them itself (its pages skip entry.server, so the demo's
// "nothing leaves the machine" header rule is applied here too).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { dropShopifyCdnPreload } from "../infra/shopify/demo-mode.server";
import { authenticate } from "../composition/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  try {
    await authenticate.admin(request);
  } catch (answer) {
    if (answer instanceof Response) dropShopifyCdnPreload(answer.headers);
    throw answer;
  }
  return null;
};
