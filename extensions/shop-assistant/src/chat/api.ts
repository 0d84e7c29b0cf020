// Talks to the shopper API through the app proxy (/apps/assistant/...). Failures come
// back as values so the UI can show a friendly line instead of throwing.
import { createSseParser } from "./sse";
import { obj, type UncheckedError } from "./wire";

export interface Failure {
  status: number; // 0 = network error
  code: string;
  retryAfter: number | null;
  /** The server's own error message (shown only where it is meant for the shopper). */
  message?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

async function failureOf(response: Response): Promise<Failure> {
  let code = "HTTP_" + response.status;
  let message: string | undefined;
  try {
    const error = obj<UncheckedError>(obj<{ error?: unknown }>(await response.json()).error);
    if (typeof error.code === "string") code = error.code;
    if (typeof error.message === "string") message = error.message.slice(0, 300);
  } catch {
    // Not JSON: the status says enough.
  }
  const seconds = parseInt(response.headers.get("Retry-After") || "", 10);
  return { status: response.status, code, retryAfter: seconds >= 0 ? seconds : null, message };
}

const NETWORK: Failure = { status: 0, code: "NETWORK", retryAfter: null };
const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json" };

export async function requestJson<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Result<T>> {
  try {
    const response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: { ...JSON_HEADERS, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    if (!response.ok) return { ok: false, failure: await failureOf(response) };
    return { ok: true, value: (await response.json().catch(() => ({}))) as T };
  } catch {
    return { ok: false, failure: NETWORK };
  }
}

/** POSTs and hands each SSE event (name + parsed JSON data) to onEvent until the stream ends. */
export async function streamEvents(url: string, body: unknown, onEvent: (name: string, data: unknown) => void): Promise<Failure | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    if (!response.ok || !response.body) return await failureOf(response);
    const feed = createSseParser(({ event, data }) => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(data);
      } catch {
        return; // A broken event is skipped, not fatal.
      }
      onEvent(event, parsed);
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      feed(decoder.decode(value, { stream: true }));
    }
    feed(decoder.decode(), true);
    return null;
  } catch {
    return NETWORK;
  }
}

/** The line shown to the shopper for a failure, in their language. */
export function describeFailure(failure: Failure, t: (key: string, vars?: Record<string, string | number>) => string): string {
  if (failure.status === 429) return t("retry_in", { seconds: failure.retryAfter ?? 30 });
  if (failure.status === 413) return t("too_long");
  if (failure.status === 0) return t("offline");
  return t("error");
}

/**
 * A failed order verification: one generic line for a wrong number or email (no hint
 * which field was wrong), but a 403 says why verifying is refused here ("please log
 * in", look-ups off, no consent) in our server's own words, rendered as text.
 */
export function describeVerifyFailure(failure: Failure, t: (key: string, vars?: Record<string, string | number>) => string): string {
  if (failure.status === 403 && failure.message) return failure.message;
  return failure.status >= 400 && failure.status < 429 ? t("verify_failed") : describeFailure(failure, t);
}
