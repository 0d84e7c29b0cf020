// POST /proxy/verify-order: a guest proves an order is theirs by number and email.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleVerifyOrder } from "../order-verification/shopper/handle-verify-order.server";

export const action = ({ request }: ActionFunctionArgs) => handleVerifyOrder(request, shopperApiDeps());
// GET and HEAD: the handler verifies the signature, then answers 405.
export const loader = ({ request }: LoaderFunctionArgs) => handleVerifyOrder(request, shopperApiDeps());
