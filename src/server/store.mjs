// Chooses the store: Redis when a URL is given, else the SQLite file.
import { openRedisStore } from './store-redis.mjs';
import { openSqliteStore } from './store-sqlite.mjs';

export const DEFAULT_DB_PATH = './.data/counts.sqlite';

/**
 * What the server needs of a store. Every method may be called concurrently.
 * @typedef {object} CounterStore
 * @property {'sqlite' | 'redis'} kind
 * @property {boolean} shared true when several processes share it (so rate limits go through it too)
 * @property {(ids: string[]) => Promise<Record<string, number>>} get counts of these ids, 0 for unknown ones
 * @property {(id: string, reader: string | null, day: string) => Promise<{ count: number, counted: boolean }>} recordView
 *   counts a view unless this reader was already seen for this article on this day (a null reader always counts);
 *   returns the count after it
 * @property {(rows: { id: string, count: number }[], options?: { add?: boolean }) => Promise<number>} importCounts
 *   sets (or with `add`, adds to) counts, all rows in one transaction
 * @property {(day: string) => Promise<Buffer>} daySalt the day's random 32-byte salt, made on first use
 * @property {(today: string) => Promise<void>} prune drops salts and seen-keys of days before yesterday
 * @property {() => Promise<number>} total the sum of all counts
 * @property {(key: string, windowMs: number) => Promise<{ count: number, resetMs: number }>} [hit]
 *   a shared fixed-window rate-limit counter (Redis only)
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ db?: string, redis?: string, redisPrefix?: string, synchronous?: 'normal' | 'full' }} options
 * @returns {Promise<CounterStore>}
 */
export function openStore({ db, redis, redisPrefix, synchronous } = {}) {
  if (redis) return openRedisStore({ url: redis, prefix: redisPrefix });
  return openSqliteStore({ path: db || DEFAULT_DB_PATH, synchronous });
}
