// Streams the HTML; bots and crawlers get the whole document at once.
import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { allowLocalFraming, dropShopifyCdnPreload } from "./infra/shopify/demo-mode.server";
import { addDocumentResponseHeaders } from "./composition/shopify.server";
import { startApp } from "./composition/root.server";

// The server build evaluates this module when the server starts: the composition root
// parses the configuration (a bad variable stops the process here, with its name),
// builds the dependencies and starts the job worker.
const root = startApp();

/** The HTTP server's settings (server.ts reads them from the build), parsed with the rest of env. */
export function serverSettings() {
  const { config } = root;
  return {
    headersTimeoutMs: config.SERVER_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.SERVER_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: config.SERVER_KEEP_ALIVE_TIMEOUT_MS,
  };
}

/** The routes server.ts serves without Remix's request handling (the chat turn). */
export { directRoutes } from "./composition/direct-routes.server";

const STREAM_TIMEOUT_MS = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  allowLocalFraming(responseHeaders);
  dropShopifyCdnPreload(responseHeaders);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");

  return new Promise<Response>((resolve, reject) => {
    let statusCode = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={STREAM_TIMEOUT_MS} />,
      {
        [waitForAll ? "onAllReady" : "onShellReady"]: () => {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: statusCode }));
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          statusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, STREAM_TIMEOUT_MS + 1_000);
  });
}
