// POST /proxy/lead: "talk to a person", with the shopper's consent to be contacted.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleLead } from "../leads/shopper/handle-lead.server";

export const action = ({ request }: ActionFunctionArgs) => handleLead(request, shopperApiDeps());
// GET and HEAD: the handler verifies the signature, then answers 405.
export const loader = ({ request }: LoaderFunctionArgs) => handleLead(request, shopperApiDeps());
