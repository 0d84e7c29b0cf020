// Routes the HTTP server (server.ts) hands straight to their handler, without Remix's
// request handling: only POST /proxy/chat, the chat turn, the one request every shopper
// message makes. Remix matches every request against the whole route tree again
// (flattening and ranking it each time), runs its data strategy and adds its own
// layers; with the express middleware the app needs for pages (compression, static
// files) that was about 8 % of the app's CPU per turn (docs/performance.md). The
// handler is the same function the Remix route module (app/routes/proxy.chat.tsx)
// calls, given the same Request (built by @remix-run/express's own functions in
// server.ts), so both paths answer alike: test/server-direct-routes.test.ts sends the
// same requests both ways. GET and HEAD still go to the Remix route (405 after the
// signature check).
import { handleChat } from "../conversations/shopper/handle-chat.server";
import { appRoot } from "./root.server";
import { shopperApiDeps } from "./shopper-deps.server";

export interface DirectRoute {
  method: "POST";
  /** An exact path (express matches it case-insensitively, with or without a trailing slash, as Remix does). */
  path: string;
  handle(request: Request): Promise<Response>;
}

export function directRoutes(): DirectRoute[] {
  if (appRoot().config.SERVER_DIRECT_ROUTES_OFF) return [];
  return [{ method: "POST", path: "/proxy/chat", handle: (request) => handleChat(request, shopperApiDeps()) }];
}
