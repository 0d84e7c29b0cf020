// POST /proxy/consent: the shopper's answer to the privacy notice.
import type { ActionFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../shopper-api/deps.server";
import { methodNotAllowed } from "../shopper-api/errors";
import { handleConsent } from "../shopper-api/handle-consent.server";

export const action = ({ request }: ActionFunctionArgs) => handleConsent(request, shopperApiDeps());
export const loader = () => methodNotAllowed("POST");
