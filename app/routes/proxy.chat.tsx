// POST /proxy/chat (storefront /apps/assistant/chat): a shopper's message, answered as SSE.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../composition/shopper-deps.server";
import { handleChat } from "../conversations/shopper/handle-chat.server";

export const action = ({ request }: ActionFunctionArgs) => handleChat(request, shopperApiDeps());
// GET and HEAD: the handler verifies the signature, then answers 405.
export const loader = ({ request }: LoaderFunctionArgs) => handleChat(request, shopperApiDeps());
