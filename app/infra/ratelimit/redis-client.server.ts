// The Redis connection shared by the rate limiters when REDIS_URL is set. Commands
// fail fast while Redis is away (no offline queue), so the limiters fall back to
// memory at once instead of holding requests; errors are logged once per outage.
// Commands issued in the same turn of the event loop (a request's shop and address
// limits, several requests' limits) leave in one write (ioredis auto-pipelining).
import { Redis } from "ioredis";

export function connectRateLimitRedis(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true });
  let down = false;
  redis.on("error", (error: Error) => {
    if (!down) console.warn(`[ratelimit] Redis unavailable, limiting in memory: ${error.message}`);
    down = true;
  });
  redis.on("ready", () => {
    down = false;
  });
  return redis;
}
