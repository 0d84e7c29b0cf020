// GET /proxy/conversations/:id/export: the shopper's JSON download of their conversation.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleConversationExport } from "../privacy/shopper/handle-conversation-export.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => handleConversationExport(request, params.id, shopperApiDeps());
// POST, PUT, DELETE: the handler verifies the signature, then answers 405.
export const action = ({ request, params }: ActionFunctionArgs) => handleConversationExport(request, params.id, shopperApiDeps());
