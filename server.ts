// The production server (npm start) and the one tests and the demo start: serves
// the built Remix app (build/, from `remix build`) and public/ with express.
// Node 22 runs this file directly (type stripping), so it uses erasable syntax only.
// Compression (gzip/brotli) for everything except the assistant's text/event-stream
// answers, which must flow as they are written.
//
// WEB_CONCURRENCY=N runs N worker processes behind a primary that only accepts
// connections and hands them out in turn (node:cluster), so the app uses N cores and a
// worker that dies is replaced. N > 1 needs REDIS_URL: rate limits kept in each
// worker's memory would let a shopper have N times the limit.
// A saturated Node process takes a single new connection per event-loop turn (libuv,
// since 2022; a cluster worker likewise takes one handed-over connection per turn), so
// under a rush new connections wait while kept-alive ones are served: put the app
// behind a proxy with a bounded pool of kept-alive connections (README "Several
// processes"; the demo storefront's app proxy has one).
//
// Hostile traffic (docs/architecture.md "Guarantees under hostile traffic"): an answer
// sent before the request body was read never leaves the connection stuck (the rest of
// a small body is drained, a large or unbounded one gets `Connection: close` and a
// lingering close); slow clients are cut off by the header and request timeouts; every
// error, including those Node and express raise before the app runs, is JSON
// `{"error":{"code","message"}}`; the socket's peer address is appended to
// X-Forwarded-For so the app can take the client address from a trusted hop.
import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo, Socket } from "node:net";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { createRequestHandler } from "@remix-run/express";
// The adapter's own Request and response functions, for the direct routes below (the
// package's main entry exports only createRequestHandler; these live in the same file).
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import type { ServerBuild } from "@remix-run/node";
// A route the app's build asks to be served without Remix's request handling (type only: erased when Node runs this file).
import type { DirectRoute } from "./app/composition/direct-routes.server.ts";

const root = import.meta.dirname;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Timeouts against slow clients; the app's build supplies them from env (app/entry.server.tsx serverSettings). */
export interface ServerSettings {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}
const DEFAULT_SETTINGS: ServerSettings = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/** A body still arriving when the answer goes out is drained up to this many bytes; a larger or unbounded one closes the connection. */
export const DRAIN_LIMIT_BYTES = 256 * 1024;
/** A drain that takes longer than this ends the connection. */
const DRAIN_TIMEOUT_MS = 5_000;
/** After `Connection: close` with a body still arriving, what the client sends is read and dropped this long at most (no RST before it read the answer). */
const LINGER_MS = 10_000;
/** No route takes a body this large: a declared Content-Length above it gets 413 before the app runs. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

const ERROR_STATUS: Record<number, [string, string]> = {
  400: ["BAD_REQUEST", "The request is not valid."],
  404: ["NOT_FOUND", "Not found."],
  408: ["TIMEOUT", "The request took too long to arrive."],
  413: ["PAYLOAD_TOO_LARGE", "The request body is too large."],
  431: ["HEADERS_TOO_LARGE", "The request headers are too large."],
};

function errorBody(status: number, message?: string): string {
  const [code, fallback] = ERROR_STATUS[status] ?? ["UNAVAILABLE", "The app is briefly unavailable. Please try again in a few seconds."];
  return JSON.stringify({ error: { code, message: message ?? fallback } });
}

/** A whole HTTP/1.1 answer for a socket Node gave up on (clientError): JSON, then the connection ends. */
function rawJsonAnswer(status: number): string {
  const body = errorBody(status);
  const reason = http.STATUS_CODES[status] ?? "Error";
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

function sendJsonError(res: ExpressResponse, status: number, message?: string) {
  res
    .status(status)
    .set({ "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" })
    .send(errorBody(status, message));
}

/** Reads and drops what the client still sends after the answer, then closes: a client that is still uploading reads the answer instead of a reset. */
function lingeringClose(socket: Socket, req: http.IncomingMessage) {
  if (socket.destroyed) return;
  req.removeAllListeners("data");
  req.resume();
  socket.resume();
  const stop = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(stop, LINGER_MS);
  timer.unref();
  socket.once("end", stop);
  socket.once("close", () => clearTimeout(timer));
  if (socket.writable) socket.end();
}

/**
 * An answer sent before the request body was read must not leave the connection stuck
 * (the parser waits for the rest of the body, the next request on the connection waits
 * behind it). When the answer starts: a body that has fully arrived is dropped; a small
 * one still arriving is drained after the answer (the connection stays kept alive); a
 * large or unbounded one gets `Connection: close` and a lingering close. The app's
 * readers may cancel the body (the 413 of read-json-body): that no longer destroys the
 * socket under the answer.
 */
function earlyAnswers(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  const declared = Number(req.headers["content-length"] ?? 0);
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (!chunked && !(declared > 0)) return next();
  const socket = req.socket;

  // Remix cancels the body stream with req.destroy(): keep the socket for the answer.
  const destroy = req.destroy;
  req.destroy = function (this: http.IncomingMessage, error?: Error) {
    if (!socket.destroyed && socket.readable && !res.writableEnded) {
      this.removeAllListeners("data");
      this.pause();
      return this;
    }
    return destroy.call(this, error);
  } as typeof req.destroy;

  let drain = false;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ExpressResponse, ...args: unknown[]) {
    if (!req.complete) {
      if (!chunked && declared <= DRAIN_LIMIT_BYTES) drain = true;
      else {
        this.setHeader("Connection", "close");
        // Node ends the socket with destroySoon() after a `Connection: close` answer.
        (socket as Socket & { destroySoon?: () => void }).destroySoon = () => lingeringClose(socket, req);
      }
    }
    return (writeHead as (...a: unknown[]) => ExpressResponse).apply(this, args);
  } as typeof res.writeHead;

  res.once("finish", () => {
    if (req.complete && req.readableEnded) return;
    req.removeAllListeners("data");
    req.resume();
    if (!drain || req.complete) return;
    const timer = setTimeout(() => socket.destroy(), DRAIN_TIMEOUT_MS);
    timer.unref();
    req.once("end", () => clearTimeout(timer));
    req.once("close", () => clearTimeout(timer));
  });

  if (!chunked && declared > MAX_REQUEST_BODY_BYTES) return sendJsonError(res, 413);
  next();
}

/** server.ts is the app's first hop: the socket's peer goes last in X-Forwarded-For, as a proxy appends it. */
function appendPeerAddress(req: ExpressRequest, _res: ExpressResponse, next: NextFunction) {
  const peer = req.socket.remoteAddress ?? "unknown";
  const prior = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${peer}` : peer;
  next();
}

/** Errors express raises before the app (a path that is not valid percent-encoding) and any the app lets through: JSON. */
function jsonErrors(error: { status?: unknown; statusCode?: unknown }, req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = Number(error?.status ?? error?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return sendJsonError(
      res,
      status,
      error instanceof URIError || status === 400 ? "The request path or query is not valid percent-encoding." : undefined,
    );
  }
  console.error(`[server] ${req.method} request failed unexpectedly (${error instanceof Error ? error.name : typeof error})`);
  void next;
  sendJsonError(res, 503);
}

/** Node's own refusals (headers too large, bad HTTP, a request that took too long): JSON instead of an empty body. */
function onClientError(error: NodeJS.ErrnoException, socket: Socket) {
  const code = error.code ?? "";
  const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (code === "ECONNRESET" || code === "EPIPE" || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const status = code === "HPE_HEADER_OVERFLOW" ? 431 : code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  socket.end(rawJsonAnswer(status), () => socket.destroy());
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** The route's handler with the Request Remix would build and the answer written as Remix would write it; a thrown Response is the answer too. */
function directHandler(route: DirectRoute) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      await sendRemixResponse(res, await route.handle(createRemixRequest(req, res)));
    } catch (error) {
      if (error instanceof Response && !res.headersSent) await sendRemixResponse(res, error).catch(next);
      else next(error);
    }
  };
}

export async function startServer(options: { port: number; host: string }): Promise<RunningServer> {
  const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
  const fromApp = (build.entry.module as { serverSettings?: () => Partial<ServerSettings> }).serverSettings?.() ?? {};
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, ...fromApp };
  const app = express();
  app.disable("x-powered-by");
  // Remix builds each request's URL from the raw path; nothing reads req.query, and
  // parsing it (qs) cost about 3% of a chat turn's CPU (docs/performance.md).
  app.set("query parser", false);
  app.use(earlyAnswers);
  app.use(appendPeerAddress);
  // Before compression and static files: the chat turn's SSE is never compressed and no file answers it.
  const direct = (build.entry.module as { directRoutes?: () => DirectRoute[] }).directRoutes?.() ?? [];
  for (const route of direct) app.post(route.path, directHandler(route));
  app.use(
    compression({
      filter: (req, res) => !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") && compression.filter(req, res),
    }),
  );
  // Fingerprinted browser bundles never change under the same name. They are sent as
  // `npm run build` compressed them (brotli quality 11 or gzip 9, scripts/precompress-build.ts),
  // so no page load spends the server's CPU on them; compression above skips a response that
  // is already encoded, and answers a bundle without a compressed copy as before.
  const bundles = expressStaticGzip(path.join(root, "public", "build"), {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    serveStatic: { immutable: true, maxAge: "1y" },
  });
  app.use("/build", (req, res, next) => {
    // The library answers a path that is not valid percent-encoding with a plain-text 400;
    // jsonErrors answers it as JSON, as it does on every other path.
    try {
      decodeURIComponent(req.path);
    } catch (error) {
      next(Object.assign(error as URIError, { status: 400 }));
      return;
    }
    bundles(req, res, next);
  });
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: build.mode }));
  app.use(jsonErrors);

  const server = http.createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (default 30 s: a slow client would live that long).
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(settings.headersTimeoutMs / 2))),
    },
    app,
  );
  server.on("clientError", onClientError);
  server.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Streaming answers keep connections open; close ends them too.
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const listenOptions = () => ({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? "0.0.0.0" });
// test/support/app-server.ts waits for this exact line.
const announce = (url: string) => console.log(`app server listening on ${url}`);

/** WEB_CONCURRENCY: unset or empty runs one process; otherwise 1..64 workers. */
export function workerCount(value: string | undefined, redisUrl: string | undefined): number {
  if (value === undefined || value.trim() === "") return 0;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${value}")`);
  if (count > 1 && !redisUrl) throw new Error("WEB_CONCURRENCY above 1 needs REDIS_URL: rate limits must be shared by the workers");
  return count;
}

async function runSingle() {
  const server = await startServer(listenOptions());
  if (cluster.isPrimary) announce(server.url);
  else process.send?.({ listening: server.url });
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/**
 * V8 options of the workers: optimised code is compiled on the worker's own thread, when
 * a function turns hot, instead of on V8's background threads (decision 0015). N workers
 * on N cores keep every core busy under load, and a background compile then waits for a
 * core: a new worker ran on unoptimised code for tens of seconds, at about 1.6× the CPU
 * per turn. `SERVER_WORKER_CONCURRENT_JIT=1` keeps V8's default, for comparisons.
 */
export function workerExecArgv(execArgv: string[], concurrentJit: string | undefined): string[] {
  const flag = "--no-concurrent-recompilation";
  return concurrentJit === "1" || execArgv.includes(flag) ? execArgv : [...execArgv, flag];
}

/** The primary: forks the workers, announces once all listen, replaces a worker that dies. */
function runPrimary(count: number) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.SERVER_WORKER_CONCURRENT_JIT) });
  let stopping = false;
  let announced = false;
  const listening = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message: { listening?: string }) => {
      if (!message?.listening) return;
      listening.add(worker.id);
      if (!announced && listening.size >= count) {
        announced = true;
        announce(message.listening);
      }
    });
  };
  let running = 0;
  let exitCode = 0;
  cluster.on("fork", () => running++);
  cluster.on("exit", (worker: Worker, code: number | null, signal: string | null) => {
    running--;
    const hadListened = listening.delete(worker.id);
    if (stopping) {
      if (running === 0) process.exit(exitCode);
      return;
    }
    // A worker that dies before listening has a configuration problem: starting it
    // again would only loop. One that dies later is replaced.
    if (!hadListened) {
      console.error(`[server] a worker exited (${signal ?? code}) before listening; stopping`);
      stop(1);
      return;
    }
    console.error(`[server] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (running === 0) process.exit(exitCode);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), 10_000).unref();
  };
  process.once("SIGTERM", () => stop());
  process.once("SIGINT", () => stop());
  for (let i = 0; i < count; i++) fork();
}

async function main() {
  let workers: number;
  try {
    workers = workerCount(process.env.WEB_CONCURRENCY, process.env.REDIS_URL);
  } catch (error) {
    console.error(`[server] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (workers > 0 && cluster.isPrimary) runPrimary(workers);
  else await runSingle();
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
