// A `fetch` for the OpenAI SDK over node:http/https with kept-alive connections.
//
// Why not the global fetch (undici): for the chat turn's one streamed model call it cost
// about 0.6–1.2 ms more CPU per call than node:http in the same process (measured with
// the OpenAI fake, 1,000 calls, 8 in flight), a large share of a turn
// (docs/performance.md). The SDK takes any fetch (`new OpenAI({ fetch })`).
//
// What it does of fetch: method, headers and a string or byte body; the answer streamed
// as a web ReadableStream; gzip/deflate/br answers decompressed (undici does that too);
// an AbortSignal that fails the call with an AbortError before the answer and the
// body's stream after it (the SDK's timeout and the turn's abort both use it). It does not
// follow redirects (the model API answers none) and does not take a body it cannot send
// as bytes: those calls go to the global fetch.
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import zlib from "node:zlib";

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const abortError = (signal: AbortSignal) =>
  signal.reason instanceof Error && signal.reason.name === "AbortError"
    ? signal.reason
    : new DOMException("The operation was aborted.", "AbortError");

function decoded(res: http.IncomingMessage): Readable {
  switch (res.headers["content-encoding"]) {
    case "gzip":
    case "x-gzip":
      return res.pipe(zlib.createGunzip());
    case "deflate":
      return res.pipe(zlib.createInflate());
    case "br":
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

export function nodeHttpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  const sendable = body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array;
  if (input instanceof Request || !sendable) return fetch(input, init);
  const url = new URL(String(input));
  if (url.protocol !== "http:" && url.protocol !== "https:") return fetch(input, init);
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortError(signal));

  return new Promise<Response>((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    if (!headers["accept-encoding"]) headers["accept-encoding"] = "gzip, deflate, br";
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: init.method ?? "GET",
      headers,
      agent: agents[url.protocol as keyof typeof agents],
    });
    let answered = false;
    const onAbort = () => request.destroy(abortError(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      if (!answered) reject(error);
    });
    request.on("response", (res) => {
      answered = true;
      const responseHeaders = new Headers();
      for (const [key, value] of Object.entries(res.headers)) {
        if (value === undefined || key === "content-encoding" || key === "content-length") continue;
        for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(key, item);
      }
      const status = res.statusCode ?? 502;
      res.once("close", () => signal?.removeEventListener("abort", onAbort));
      if (NULL_BODY_STATUSES.has(status)) {
        res.resume();
        resolve(new Response(null, { status, statusText: res.statusMessage, headers: responseHeaders }));
        return;
      }
      const stream = decoded(res);
      // An abort or a dropped connection after the headers fails the body's stream.
      res.once("error", (error) => stream !== res && stream.destroy(error));
      resolve(
        new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
          status,
          statusText: res.statusMessage,
          headers: responseHeaders,
        }),
      );
    });
    request.end(body ?? undefined);
  });
}
