// The one error shape of the shopper API: `{ "error": { "code", "message" } }`.
// Messages are written for the shopper's widget; a stack or an exception text never
// reaches the browser.

import type { ShopperApiErrorCode } from "../../contracts/error-codes";

export type ApiErrorCode = ShopperApiErrorCode;

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const merged = new Headers(JSON_HEADERS);
  new Headers(headers).forEach((value, key) => merged.set(key, value));
  return new Response(JSON.stringify(body), { status, headers: merged });
}

export function jsonError(status: number, code: ApiErrorCode, message: string, headers?: HeadersInit): Response {
  return jsonResponse({ error: { code, message } }, status, headers);
}

/** 429 with the seconds until the caller may try again (at least 1). */
export function rateLimited(retryAfterSeconds: number, message = "Too many requests. Please wait a moment and try again."): Response {
  return jsonError(429, "RATE_LIMITED", message, { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
}

/** 503 for a dependency that is down for a moment (the database); the widget retries after Retry-After. */
export function unavailable(retryAfterSeconds = 5): Response {
  return jsonError(503, "UNAVAILABLE", "The assistant is briefly unavailable. Please try again in a few seconds.", {
    "Retry-After": String(retryAfterSeconds),
  });
}

export function methodNotAllowed(allow: "GET" | "POST"): Response {
  return jsonError(405, "METHOD_NOT_ALLOWED", `Use ${allow} for this endpoint.`, { Allow: allow });
}

/** Same answer for an unknown conversation, a wrong token and another shop's conversation. */
export function conversationNotFound(): Response {
  return jsonError(404, "NOT_FOUND", "Conversation not found.");
}
