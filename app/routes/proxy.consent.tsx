// POST /proxy/consent: the shopper's answer to the privacy notice.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleConsent } from "../conversations/shopper/handle-consent.server";

export const action = ({ request }: ActionFunctionArgs) => handleConsent(request, shopperApiDeps());
// GET and HEAD: the handler verifies the signature, then answers 405.
export const loader = ({ request }: LoaderFunctionArgs) => handleConsent(request, shopperApiDeps());
