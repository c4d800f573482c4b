// Chooses the store: Redis when a URL is given, else the SQLite file.
import type { CounterStore, StoreOptions } from './store.js';
import { DEFAULT_DB_PATH } from './store.js';
import { openRedisStore } from './store-redis.js';
import { openSqliteStore } from './store-sqlite.js';

export function openStore({ db, redis, redisPrefix, synchronous }: StoreOptions = {}): Promise<CounterStore> {
  if (redis) return openRedisStore({ url: redis, prefix: redisPrefix });
  return openSqliteStore({ path: db || DEFAULT_DB_PATH, synchronous });
}
