// POST /proxy/conversations/:id/delete: the shopper deletes their conversation and what is linked to it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleConversationDelete } from "../privacy/shopper/handle-conversation-delete.server";

export const action = ({ request, params }: ActionFunctionArgs) => handleConversationDelete(request, params.id, shopperApiDeps());
// GET and HEAD: the handler verifies the signature, then answers 405.
export const loader = ({ request, params }: LoaderFunctionArgs) => handleConversationDelete(request, params.id, shopperApiDeps());
