// The last line of defence of every proxy route: anything thrown that is not a
// Response (a database that went away, a driver error, a bug) becomes a 503 with
// Retry-After and a log line without request data. The shopper never sees a 500 or
// a stack; the widget retries after the pause.
import { unavailable } from "./errors";

const CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "SQLITE_BUSY"]);

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

export async function guardRoute(route: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof Response) return error;
    const kind = isDatabaseUnavailable(error) ? "database unavailable" : "unexpected error";
    const name = error instanceof Error ? error.name : typeof error;
    console.error(`[shopper-api] ${route}: ${kind} (${name})`);
    return unavailable(isDatabaseUnavailable(error) ? 5 : 10);
  }
}
