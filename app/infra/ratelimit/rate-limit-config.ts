// Rate-limit budgets, configurable through the environment with sensible defaults.
// Parsed with zod like the rest of the env; a bad value stops start-up with its name.
import { z } from "zod";

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const rateLimitConfigSchema = z.object({
  /** Proxy requests per client IP per minute (all shopper routes together). */
  RATE_LIMIT_IP_PER_MINUTE: positive(60),
  /** Chat turns per conversation per minute. */
  RATE_LIMIT_CONVERSATION_PER_MINUTE: positive(20),
  /** Proxy requests per shop per minute (a storm on one shop cannot starve the others). */
  RATE_LIMIT_SHOP_PER_MINUTE: positive(3000),
  /** Failed guest order verifications per conversation and per IP per hour. */
  RATE_LIMIT_VERIFY_FAILURES_PER_HOUR: positive(5),
  /**
   * Shopper requests one client address may have in flight at once in one app process
   * (a chat stream counts until it ends); the next is refused with 429 before any
   * database or model work (app/storefront-proxy/admission.server.ts).
   */
  RATE_LIMIT_CONCURRENT_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(4),
  /**
   * Milliseconds a shopper-API 429 waits before it is sent (a timer, no work): a client
   * that loops on refusals is slowed to a few requests per second per connection instead
   * of keeping the process busy answering it. 0 answers at once.
   */
  RATE_LIMIT_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(5000).default(250),
});

export type RateLimitConfig = z.infer<typeof rateLimitConfigSchema>;

export function rateLimitConfigFrom(source: Record<string, string | undefined>): RateLimitConfig {
  const result = rateLimitConfigSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid rate-limit environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
