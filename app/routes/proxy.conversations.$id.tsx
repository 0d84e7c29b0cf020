// GET /proxy/conversations/:id: the transcript for the browser holding its token.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../shopper-api/deps.server";
import { methodNotAllowed } from "../shopper-api/errors";
import { handleConversationRead } from "../shopper-api/handle-conversation-read.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => handleConversationRead(request, params.id, shopperApiDeps());
export const action = (_args: ActionFunctionArgs) => methodNotAllowed("GET");
