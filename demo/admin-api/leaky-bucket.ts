// Shopify's cost-based rate limit: a bucket of 1000 points per app and shop that refills at
// 100 points a second (Standard plan). A query takes its requested cost up front and gets
// (requested - actual) back after it ran; when the bucket can't cover a query, THROTTLED.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface LeakyBucketOptions {
  maximumAvailable?: number;
  restoreRate?: number;
  now?: () => number;
}

export function createLeakyBucket(options: LeakyBucketOptions = {}) {
  const maximumAvailable = options.maximumAvailable ?? 1000;
  const restoreRate = options.restoreRate ?? 100;
  const now = options.now ?? Date.now;
  let available = maximumAvailable;
  let updatedAt = now();

  function refill() {
    const t = now();
    available = Math.min(maximumAvailable, available + ((t - updatedAt) / 1000) * restoreRate);
    updatedAt = t;
  }
  const status = (): ThrottleStatus => {
    refill();
    return { maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate };
  };

  return {
    status,
    /** Takes `cost` points if the bucket holds them; false (and nothing taken) when it doesn't. */
    take(cost: number): boolean {
      refill();
      if (cost > available) return false;
      available -= cost;
      return true;
    },
    refund(points: number) {
      refill();
      available = Math.min(maximumAvailable, available + Math.max(points, 0));
    },
    /** For tests and the fault API: set what is left right now. */
    setAvailable(points: number) {
      refill();
      available = Math.max(0, Math.min(maximumAvailable, points));
    },
  };
}

export type LeakyBucket = ReturnType<typeof createLeakyBucket>;

/** One bucket per key (the fake keys by access token: one app on one shop). */
export function createBucketsByKey(options: LeakyBucketOptions = {}) {
  const buckets = new Map<string, LeakyBucket>();
  return {
    for(key: string): LeakyBucket {
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = createLeakyBucket(options)));
      return bucket;
    },
    reset: () => buckets.clear(),
  };
}
