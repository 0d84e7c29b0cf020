// Shopify's auth paths (/auth/session-token bounce page, /auth/exit-iframe, ...):
// authenticate.admin answers them itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};
