// Per-network fixed-window rate limits: in memory for one process, or through the store's Redis when shared.

/** A limit of 0 turns the limit off. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

type Hit = (key: string, windowMs: number) => Promise<{ count: number; resetMs: number }>;

export interface RateLimiter {
  /** Counts one request of `key` (a network key, never a raw address, plus the limit's name) against `rule`. */
  take(key: string, rule: RateLimit): Promise<RateDecision>;
}

/** In memory unless the store offers a shared counter. Windows start at a network's first request. */
export function createRateLimiter(store: { hit?: Hit }, now: () => number = Date.now): RateLimiter {
  const hit: Hit = store.hit ? store.hit.bind(store) : memoryHits(now);
  return {
    async take(key, rule) {
      if (!rule.limit) return { allowed: true, retryAfterSeconds: 0 };
      const { count, resetMs } = await hit(key, rule.windowMs);
      return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(resetMs / 1000)) };
    },
  };
}

/** Fixed windows in a Map, swept as they expire so a network seen once doesn't stay forever. */
function memoryHits(now: () => number): Hit {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return async (key, windowMs) => {
    const t = now();
    if (t >= nextSweep) {
      for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      nextSweep = t + 10_000;
    }
    let window = windows.get(key);
    if (!window || window.resetAt <= t) {
      window = { count: 0, resetAt: t + windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.resetAt - t };
  };
}
