// POST /proxy/chat (storefront /apps/assistant/chat): a shopper's message, answered as SSE.
import type { ActionFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../shopper-api/deps.server";
import { methodNotAllowed } from "../shopper-api/errors";
import { handleChat } from "../shopper-api/handle-chat.server";

export const action = ({ request }: ActionFunctionArgs) => handleChat(request, shopperApiDeps());
export const loader = () => methodNotAllowed("POST");
