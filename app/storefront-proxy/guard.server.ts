// The last line of defence of every proxy route: anything thrown that is not a
// Response (a database that went away, a driver error, a bug) becomes a 503 with
// Retry-After and a log line without request data. The shopper never sees a 500 or
// a stack; the widget retries after the pause.
import { jsonError, unavailable } from "../infra/http/errors";
import { admissionOf, releaseWhenDone, tooManyInFlight } from "./admission.server";
import type { ShopperApiDeps } from "./deps";
import { clientIpOf } from "./proxy-context.server";

const CONNECTION_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "SQLITE_BUSY",
]);

/** True for the errors a database outage produces (Prisma, the pg and libSQL drivers). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { name, code, cause } = error as { name?: string; code?: unknown; cause?: unknown };
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  const text = String((error as { message?: unknown }).message ?? "");
  if (/connect|connection|ECONNREFUSED|terminat|timed? ?out|database is locked/i.test(text)) return true;
  return cause !== undefined && cause !== error ? isDatabaseUnavailable(cause) : false;
}

/** True when the shopper went away (closed the connection mid-body or mid-answer): not our failure. */
export function isClientAbort(error: unknown, request?: Request): boolean {
  if (request?.signal.aborted) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "ClientAbortError" || name === "AbortError";
}

export async function guardRoute(route: string, handler: () => Promise<Response>, request?: Request): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) return error;
    // Checked first: a dropped connection surfaces as ECONNRESET/"aborted", which looks
    // like a database outage to isDatabaseUnavailable.
    if (isClientAbort(error, request)) {
      console.warn(`[shopper-api] ${route}: client aborted the request (connection closed before it was read)`);
      return jsonError(400, "BAD_REQUEST", "The request was aborted.");
    }
    const kind = isDatabaseUnavailable(error) ? "database unavailable" : "unexpected error";
    const name = error instanceof Error ? error.name : typeof error;
    console.error(`[shopper-api] ${route}: ${kind} (${name})`);
    return unavailable(isDatabaseUnavailable(error) ? 5 : 10);
  }
}

/**
 * Every shopper route: admission first (the client's in-flight cap, from memory, before
 * the signature or anything else is read), then guardRoute; the client's slot is held
 * until the answer is sent to its end (a chat stream included). A 429 is sent after
 * `refusalDelayMs` (a timer): a client looping on refusals gets a few answers a second
 * per connection instead of the whole process (test/hostile-traffic-fairness.test.ts).
 */
export async function guardShopperRoute(
  route: string,
  request: Request,
  deps: Pick<ShopperApiDeps, "admission" | "trustedProxyHops" | "refusalDelayMs">,
  handler: () => Promise<Response>,
): Promise<Response> {
  const pause = () => (deps.refusalDelayMs ? new Promise<void>((resolve) => setTimeout(resolve, deps.refusalDelayMs)) : Promise.resolve());
  const release = admissionOf(deps).enterClient(clientIpOf(request, deps.trustedProxyHops));
  if (!release) {
    await pause();
    return tooManyInFlight();
  }
  let response: Response;
  try {
    response = await guardRoute(route, handler, request);
    if (response.status === 429) await pause();
  } catch (error) {
    release();
    throw error;
  }
  return releaseWhenDone(response, release);
}
