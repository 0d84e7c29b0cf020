// Reads a JSON request body without trusting its size: at most `maxBytes` are read
// from the stream (a lying or missing Content-Length changes nothing), then the text
// is decoded strictly as UTF-8, parsed and validated with zod. Every failure is a
// ready 400/413 Response with a message that says what was wrong.
import type { z } from "zod";
import { jsonError } from "./errors";

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; response: Response };

export interface ReadJsonBodyOptions {
  maxBytes?: number;
  /** Fields whose zod `too_big` issue answers 413 instead of 400 (the chat message). */
  tooLargeFields?: string[];
}

const tooLarge = () => jsonError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");

/**
 * The body stream failed while being read: the client closed the connection mid-body
 * (or the server timed the request out). Logged as such by the route guard, never as a
 * database outage (a dropped socket's ECONNRESET looks like one).
 */
export class ClientAbortError extends Error {
  override name = "ClientAbortError";
  constructor(cause: unknown) {
    super("The client closed the connection before the request body was read", { cause });
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (error) {
      throw new ClientAbortError(error);
    }
    const { done, value } = step;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** "message: Too big: expected string to have <=1000 characters" — the first few zod issues, one line. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "body";
    return `${where}: ${issue.message}`;
  });
  return `Invalid request: ${parts.join("; ")}`;
}

export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: ReadJsonBodyOptions = {},
): Promise<BodyResult<z.infer<S>>> {
  const bytes = await readLimited(request, options.maxBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (bytes === null) return { ok: false, response: tooLarge() };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: jsonError(400, "BAD_REQUEST", "The request body is not valid UTF-8.") };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "BAD_REQUEST", "The request body must be a JSON object.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const oversized = parsed.error.issues.some(
      (issue) => issue.code === "too_big" && options.tooLargeFields?.includes(String(issue.path[0])),
    );
    if (oversized) return { ok: false, response: jsonError(413, "PAYLOAD_TOO_LARGE", describeZodError(parsed.error)) };
    return { ok: false, response: jsonError(400, "BAD_REQUEST", describeZodError(parsed.error)) };
  }
  return { ok: true, data: parsed.data };
}
