// POST /proxy/verify-order: a guest proves an order is theirs by number and email.
import type { ActionFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../shopper-api/deps.server";
import { methodNotAllowed } from "../shopper-api/errors";
import { handleVerifyOrder } from "../shopper-api/handle-verify-order.server";

export const action = ({ request }: ActionFunctionArgs) => handleVerifyOrder(request, shopperApiDeps());
export const loader = () => methodNotAllowed("POST");
