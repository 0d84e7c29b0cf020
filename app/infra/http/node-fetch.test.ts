// The model call's fetch over node:http: what the OpenAI SDK relies on, against a real
// local server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHttpFetch } from "./node-fetch.server";

describe("nodeHttpFetch", () => {
  let server: Server;
  let base: string;
  let releaseStream: () => void = () => undefined;
  const received: Array<{ method?: string; headers: Record<string, unknown>; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push({ method: req.method, headers: req.headers, body });
        if (req.url === "/stream") {
          res.writeHead(200, { "content-type": "text/event-stream" });
          res.write("data: first\n\n");
          releaseStream = () => res.end("data: [DONE]\n\n");
        } else if (req.url === "/gzip") {
          res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync('{"ok":true}'));
        } else if (req.url === "/empty") {
          res.writeHead(204).end();
        } else if (req.url === "/hang") {
          // never answers
        } else if (req.url === "/limited") {
          res.writeHead(429, { "retry-after": "3", "content-type": "application/json" }).end('{"error":{"message":"slow down"}}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends method, headers and body, and streams the answer as it comes", async () => {
    const response = await nodeHttpFetch(`${base}/stream`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: '{"stream":true}',
    });
    expect(received.at(-1)).toMatchObject({
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: '{"stream":true}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    // The first event arrives while the server still holds the rest.
    expect(decoder.decode((await reader.read()).value)).toBe("data: first\n\n");
    releaseStream();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe("data: [DONE]\n\n");
  });

  it("decompresses a gzip answer and hands over status and headers of an error", async () => {
    const zipped = await nodeHttpFetch(`${base}/gzip`);
    expect(await zipped.json()).toEqual({ ok: true });
    expect(zipped.headers.get("content-encoding")).toBeNull();
    const limited = await nodeHttpFetch(`${base}/limited`);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "3"]);
    expect(await limited.json()).toEqual({ error: { message: "slow down" } });
  });

  it("answers a 204 with no body", async () => {
    const empty = await nodeHttpFetch(`${base}/empty`);
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it("fails with an AbortError when aborted before the answer, or already aborted", async () => {
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await expect(nodeHttpFetch(`${base}/hang`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("fails the body's stream when aborted after the headers", async () => {
    const controller = new AbortController();
    const response = await nodeHttpFetch(`${base}/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toBeTruthy();
  });

  it("refuses a connection error the way fetch does: a rejected promise", async () => {
    await expect(nodeHttpFetch("http://127.0.0.1:1/")).rejects.toBeTruthy();
  });
});
