// POST /proxy/lead: "talk to a person", with the shopper's consent to be contacted.
import type { ActionFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../shopper-api/deps.server";
import { methodNotAllowed } from "../shopper-api/errors";
import { handleLead } from "../shopper-api/handle-lead.server";

export const action = ({ request }: ActionFunctionArgs) => handleLead(request, shopperApiDeps());
export const loader = () => methodNotAllowed("POST");
