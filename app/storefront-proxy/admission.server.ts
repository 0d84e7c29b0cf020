// Admission of shopper requests, before any database or model work: a client address
// may have at most `perClient` requests in flight in this process (a chat stream counts
// until it ends), and a conversation at most one turn. The next one is refused at once
// with 429 and Retry-After, from memory: a flood costs the app a map lookup per request
// instead of a signature check, a session read, a body and a database write, so other
// shoppers keep their speed (test/shopper-api/hostile-traffic.test.ts).
//
// Both counts live in the process (with WEB_CONCURRENCY each worker counts its own);
// the per-minute budgets of app/infra/ratelimit are the ones shared through Redis.
import { createHash } from "node:crypto";
import { rateLimited } from "../infra/http/errors";

export type Release = () => void;

/**
 * The key of a conversation's one turn in flight: the shop, the conversation and a hash
 * of the presented token (a wrong token gets a slot of its own and its 404 later, so it
 * cannot block the owner). POST /chat and the shopper's delete share it.
 */
export function turnKeyOf(shop: string, conversationId: string, token: string | null | undefined): string {
  return `${shop}:${conversationId}:${createHash("sha256")
    .update(token ?? "")
    .digest("base64url")}`;
}

export interface ShopperAdmission {
  /** A slot for one request of this client address, or null when it has `perClient` in flight. */
  enterClient(address: string): Release | null;
  /** The conversation's one turn slot, or null while another turn of it runs. */
  enterTurn(conversationKey: string): Release | null;
  /** Requests in flight per client address (tests, diagnostics). */
  inFlight(address: string): number;
}

export function createShopperAdmission(options: { perClient: number }): ShopperAdmission {
  const clients = new Map<string, number>();
  const turns = new Set<string>();
  return {
    enterClient(address) {
      const current = clients.get(address) ?? 0;
      if (current >= options.perClient) return null;
      clients.set(address, current + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (clients.get(address) ?? 1) - 1;
        if (left <= 0) clients.delete(address);
        else clients.set(address, left);
      };
    },
    enterTurn(key) {
      if (turns.has(key)) return null;
      turns.add(key);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        turns.delete(key);
      };
    },
    inFlight: (address) => clients.get(address) ?? 0,
  };
}

/**
 * The default when a caller's deps bring none (in-process tests): one per deps object,
 * with the per-conversation turn slot and no per-client cap (the app's deps set the cap
 * from RATE_LIMIT_CONCURRENT_PER_CLIENT).
 */
const defaults = new WeakMap<object, ShopperAdmission>();
export const DEFAULT_CONCURRENT_PER_CLIENT = Number.POSITIVE_INFINITY;

export function admissionOf(deps: { admission?: ShopperAdmission }): ShopperAdmission {
  if (deps.admission) return deps.admission;
  let admission = defaults.get(deps);
  if (!admission) {
    admission = createShopperAdmission({ perClient: DEFAULT_CONCURRENT_PER_CLIENT });
    defaults.set(deps, admission);
  }
  return admission;
}

export const tooManyInFlight = () => rateLimited(1, "Too many requests at once. Please wait a moment and try again.");
export const turnInProgress = () => rateLimited(1, "The assistant is still answering your previous message.");

/**
 * Calls `release` once the response is done: at once for a response whose work is done
 * (no body, or a JSON body already built); for a stream (SSE), when it is read to its
 * end, errors, or is cancelled (the shopper left).
 */
export function releaseWhenDone(response: Response, release: Release): Response {
  if (!response.body || !/^text\/event-stream/i.test(response.headers.get("content-type") ?? "")) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
