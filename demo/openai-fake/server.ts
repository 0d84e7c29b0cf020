// An OpenAI-compatible Chat Completions server for tests and the offline demo.
// Tests script it (a queue of replies, or a function per request) and read back every
// request body it received; with nothing scripted it answers with the demo brain.
// It refuses what the real API refuses: no bearer key (401), a malformed body or a
// tool message without a matching tool call (400), an unknown path (404).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { demoBrain } from "./demo-brain";
import { writeJson, writeStream } from "./sse-writer";
import type { ChatCompletionBody, FakeBrain, FakeReply } from "./types";

export type { ChatCompletionBody, FakeBrain, FakeReply, FakeToolCall } from "./types";

export interface OpenAiFake {
  /** e.g. http://127.0.0.1:54321/v1 — what OPENAI_BASE_URL should be. */
  baseUrl: string;
  /** Queue replies (served in order) or functions of the request body. */
  script(...replies: Array<FakeReply | FakeBrain>): void;
  /** Every parsed request body, in order. */
  requests: ChatCompletionBody[];
  /** Every raw request body text, exactly as received. */
  rawBodies: string[];
  /** Clears the queue and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface OpenAiFakeOptions {
  port?: number;
  host?: string;
  /** Answers when the queue is empty (default: the demo brain). */
  brain?: FakeBrain;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (p: Buffer) => parts.push(p));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function apiError(
  res: ServerResponse,
  status: number,
  message: string,
  type = "invalid_request_error",
  headers: Record<string, string> = {},
) {
  res
    .writeHead(status, { "content-type": "application/json", ...headers })
    .end(JSON.stringify({ error: { message, type, param: null, code: null } }));
}

/** The checks the real API makes that matter to us; returns an error message or null. */
export function invalidBody(body: unknown): string | null {
  const b = body as ChatCompletionBody;
  if (!b || typeof b !== "object") return "body must be a JSON object";
  if (typeof b.model !== "string" || !b.model) return "'model' is required";
  if (!Array.isArray(b.messages) || b.messages.length === 0) return "'messages' must be a non-empty array";
  const callIds = new Set<string>();
  for (const m of b.messages) {
    if (!["system", "user", "assistant", "tool", "developer"].includes(m.role)) return `invalid role '${m.role}'`;
    for (const c of m.tool_calls ?? []) callIds.add(c.id);
    if (m.role === "tool" && (!m.tool_call_id || !callIds.has(m.tool_call_id))) {
      return "messages with role 'tool' must be a response to a preceding message with 'tool_calls'";
    }
  }
  for (const t of b.tools ?? []) {
    if (t.type !== "function" || !/^[a-zA-Z0-9_-]{1,64}$/.test(t.function?.name ?? "")) return "invalid tool definition";
  }
  return null;
}

export async function startOpenAiFake(options: OpenAiFakeOptions = {}): Promise<OpenAiFake> {
  const queue: Array<FakeReply | FakeBrain> = [];
  const requests: ChatCompletionBody[] = [];
  const rawBodies: string[] = [];
  const brain = options.brain ?? demoBrain;

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || path !== "/v1/chat/completions") return apiError(res, 404, `Unknown request URL: ${req.method} ${path}`);
    if (!/^Bearer \S+/.test(req.headers.authorization ?? ""))
      return apiError(res, 401, "You didn't provide an API key.", "invalid_api_key");
    const raw = await readBody(req);
    rawBodies.push(raw);
    let body: ChatCompletionBody;
    try {
      body = JSON.parse(raw) as ChatCompletionBody;
    } catch {
      return apiError(res, 400, "We could not parse the JSON body of your request.");
    }
    requests.push(body);
    const problem = invalidBody(body);
    if (problem) return apiError(res, 400, problem);

    const next = queue.shift() ?? brain;
    const reply = typeof next === "function" ? next(body) : next;
    if ("fault" in reply) {
      switch (reply.fault) {
        case "hang":
          return; // the socket stays open until the client gives up or close() runs
        case "status": {
          const headers: Record<string, string> = reply.retryAfter ? { "retry-after": String(reply.retryAfter) } : {};
          return apiError(
            res,
            reply.status,
            reply.status === 429 ? "Rate limit reached" : "The server had an error",
            reply.status === 429 ? "requests" : "server_error",
            headers,
          );
        }
        case "cut":
          return writeStream(
            res,
            { text: reply.text ?? "Let me check that for you and then I will" },
            { ...body, stream_options: {} },
            { after: 4, drop: true },
          );
        case "stall":
          return writeStream(
            res,
            { text: reply.text ?? "Let me check that for you and then I will" },
            { ...body, stream_options: {} },
            { after: 4, drop: false },
          );
        case "malformed_tool_call":
          return body.stream
            ? writeStream(res, { toolCalls: [{ name: "search_products", arguments: '{"query": "tee", ' }] }, body)
            : writeJson(res, { toolCalls: [{ name: "search_products", arguments: '{"query": "tee", ' }] }, body);
      }
    }
    return body.stream ? writeStream(res, reply, body) : writeJson(res, reply, body);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${options.host ?? "127.0.0.1"}:${port}/v1`,
    script: (...replies) => void queue.push(...replies),
    requests,
    rawBodies,
    reset() {
      queue.length = 0;
      requests.length = 0;
      rawBodies.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
