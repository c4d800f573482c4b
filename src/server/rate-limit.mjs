// Per-address fixed-window rate limits: in memory for one process, or through the store's Redis when shared.

/**
 * @typedef {{ limit: number, windowMs: number }} RateLimit  a limit of 0 turns the limit off
 * @typedef {{ allowed: boolean, retryAfterSeconds: number }} RateDecision
 */

/**
 * @param {{ hit?: (key: string, windowMs: number) => Promise<{ count: number, resetMs: number }> }} store
 * @param {() => number} now
 */
export function createRateLimiter(store, now = Date.now) {
  const hit = store.hit ? store.hit.bind(store) : memoryHits(now);
  return {
    /**
     * @param {string} key who (an address key, never a raw address) and which limit
     * @param {RateLimit} rule
     * @returns {Promise<RateDecision>}
     */
    async take(key, rule) {
      if (!rule.limit) return { allowed: true, retryAfterSeconds: 0 };
      const { count, resetMs } = await hit(key, rule.windowMs);
      return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(resetMs / 1000)) };
    },
  };
}

/** Fixed windows in a Map, swept as they expire so an address seen once doesn't stay forever. */
function memoryHits(now) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const windows = new Map();
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
