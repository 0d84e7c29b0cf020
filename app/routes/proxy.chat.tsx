// POST /proxy/chat (storefront /apps/assistant/chat): a shopper's message, answered as SSE.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { shopperApiDeps } from "../shopper-api/deps.server";
import { handleChat } from "../shopper-api/handle-chat.server";

export const action = ({ request }: ActionFunctionArgs) => handleChat(request, shopperApiDeps());
// GET and HEAD: the handler verifies the signature, then answers 405.
export const loader = ({ request }: LoaderFunctionArgs) => handleChat(request, shopperApiDeps());
