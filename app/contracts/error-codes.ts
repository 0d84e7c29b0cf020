// Error codes, one style: UPPER_SNAKE_CASE, prefixed by the area when the code is
// internal (`TRANSCRIPT_NOT_FOUND`), bare when it is part of the public shopper API
// (`NOT_FOUND`). The shopper API answers every error as `{ "error": { "code", "message" } }`
// with one of ShopperApiErrorCode; its messages are written for shoppers.

export type ShopperApiErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "CONSENT_REQUIRED"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "VERIFICATION_FAILED"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  // Raised by the HTTP server before the app runs (server.ts): the request took longer
  // than SERVER_REQUEST_TIMEOUT_MS to arrive (408), its headers were too large (431).
  | "TIMEOUT"
  | "HEADERS_TOO_LARGE";

export interface ShopperApiErrorBody {
  error: { code: ShopperApiErrorCode; message: string };
}
