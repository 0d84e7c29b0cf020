// The production server (npm start) and the one tests and the demo start: serves
// the built Remix app (build/, from `remix build`) and public/ with express.
// Node 22 runs this file directly (type stripping), so it uses erasable syntax only.
// No compression: it would buffer the assistant's text/event-stream answers.
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
import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo } from "node:net";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";

const root = import.meta.dirname;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: { port: number; host: string }): Promise<RunningServer> {
  const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // Fingerprinted browser bundles never change under the same name.
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: build.mode }));

  const server = app.listen(options.port, options.host);
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
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${value}")`);
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

/** The primary: forks the workers, announces once all listen, replaces a worker that dies. */
function runPrimary(count: number) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
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
