// GET /proxy/conversations/:id: the transcript for the browser holding its token.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleConversationRead } from "../conversations/shopper/handle-conversation-read.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => handleConversationRead(request, params.id, shopperApiDeps());
// POST, PUT, DELETE: the handler verifies the signature, then answers 405.
export const action = ({ request, params }: ActionFunctionArgs) => handleConversationRead(request, params.id, shopperApiDeps());
