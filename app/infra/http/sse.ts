// Server-sent events for POST /chat. Each `send` is one frame; the frames sent within one
// turn of the event loop go out as one chunk (one socket write instead of one per word),
// flushed before the loop waits for anything else, so the shopper still sees text as the
// model produces it. The headers keep proxies and
// compressors from buffering (no-transform, X-Accel-Buffering: no); a `: ping` comment
// every ~15 s keeps idle connections open on long turns. When the shopper leaves
// (request aborted or stream cancelled) the turn's AbortSignal fires, so the model
// call stops instead of running on for nobody.

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

export const HEARTBEAT_MS = 15_000;

export interface SseSink {
  /** Writes `event: <name>` and `data: <json>`; does nothing once the stream is closed. */
  send(event: string, data: unknown): void;
  /** Aborts when the shopper disconnects. */
  readonly signal: AbortSignal;
}

export interface SseOptions {
  /** The request's signal: aborts when the client goes away. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Produces the events; the stream closes when it settles. Must not throw (errors are events). */
  run(sink: SseSink): Promise<void>;
  /** Called if `run` throws anyway, to send a last `error` event. */
  onUnexpectedError?(error: unknown, sink: SseSink): void;
}

const encoder = new TextEncoder();

/** One frame as text. JSON.stringify never emits a raw newline, so one data: line is always enough. */
const sseFrame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function encodeSseFrame(event: string, data: unknown): Uint8Array {
  return encoder.encode(sseFrame(event, data));
}

export function sseResponse(options: SseOptions): Response {
  const turn = new AbortController();
  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  let pending = "";
  let flushScheduled: ReturnType<typeof setImmediate> | undefined;
  const flush = () => {
    flushScheduled = undefined;
    if (closed || !pending) return;
    const text = pending;
    pending = "";
    try {
      controllerRef?.enqueue(encoder.encode(text));
    } catch {
      abortTurn();
    }
  };
  const write = (text: string) => {
    if (closed) return;
    pending += text;
    flushScheduled ??= setImmediate(flush);
  };
  const finish = () => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = undefined;
    if (flushScheduled) clearImmediate(flushScheduled);
    flush();
    if (!closed) {
      closed = true;
      try {
        controllerRef?.close();
      } catch {
        // already closed or errored by the runtime
      }
    }
  };
  const abortTurn = () => {
    if (!turn.signal.aborted) turn.abort();
    finish();
  };
  if (options.signal?.aborted) turn.abort();
  options.signal?.addEventListener("abort", abortTurn, { once: true });

  const sink: SseSink = { send: (event, data) => write(sseFrame(event, data)), signal: turn.signal };

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      heartbeat = setInterval(() => write(": ping\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref?.();
      void options
        .run(sink)
        .catch((error: unknown) => options.onUnexpectedError?.(error, sink))
        .finally(() => {
          options.signal?.removeEventListener("abort", abortTurn);
          finish();
        });
    },
    cancel() {
      closed = true;
      abortTurn();
    },
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
