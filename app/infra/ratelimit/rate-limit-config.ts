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
