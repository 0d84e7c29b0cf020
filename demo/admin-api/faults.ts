// Faults a test can queue for the next Admin API requests:
//   throttled   a THROTTLED answer (HTTP 200 with errors), as when the bucket is empty
//   error500    HTTP 500 with Shopify's error body
//   error502    HTTP 502 (Shopify's edge when the shop is unavailable)
//   slow        wait delayMs, then answer normally
//   disconnect  drop the connection without an answer
import { z } from "zod";

export const FaultSchema = z.object({
  kind: z.enum(["throttled", "error500", "error502", "slow", "disconnect"]),
  count: z.number().int().min(1).max(1000).default(1),
  delayMs: z.number().int().min(0).max(60_000).default(0),
});
export type FaultInput = z.input<typeof FaultSchema>;
export type Fault = z.output<typeof FaultSchema>;

export function createFaultQueue() {
  let queue: Fault[] = [];
  return {
    add(input: FaultInput): Fault {
      const fault = FaultSchema.parse(input);
      queue.push({ ...fault });
      return fault;
    },
    /** The fault for this request, if any (each counts down once per request). */
    next(): Fault | undefined {
      const head = queue[0];
      if (!head) return undefined;
      head.count -= 1;
      if (head.count <= 0) queue.shift();
      return head;
    },
    pending: () => queue.map((f) => ({ ...f })),
    clear: () => {
      queue = [];
    },
  };
}
