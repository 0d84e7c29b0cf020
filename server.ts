// The production server (npm start) and the one tests and the demo start: serves
// the built Remix app (build/, from `remix build`) and public/ with express.
// Node 22 runs this file directly (type stripping), so it uses erasable syntax only.
// No compression: it would buffer the assistant's text/event-stream answers.
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

async function main() {
  const server = await startServer({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? "0.0.0.0",
  });
  // test/support/app-server.ts waits for this exact line.
  console.log(`app server listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
