// The Redis store: counts, salts, seen-keys, bounds and rate-limit windows shared by every server process on one Redis.
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import type { createClient as CreateClient } from 'redis';
import { dayExpiry } from './readers.js';
import type { CounterStore, ImportOptions, ImportRow, ViewResult } from './store.js';
import { checkImportCounts, ImportError, MAX_COUNT, oneImportAtATime } from './store.js';

// Every script that touches a count first folds a committed import's row for that id into the counts
// hash (KEYS: state, rows), so an import is visible at the moment it is committed, however far its
// folding has got.
const FOLD_ONE = `
local function fold(counts, state, rows, id)
  if redis.call('HGET', state, 'state') ~= 'committed' then return end
  local value = redis.call('HGET', rows, id)
  if not value then return end
  if redis.call('HGET', state, 'mode') == 'add' then
    local sum = tonumber(redis.call('HGET', counts, id) or '0') + tonumber(value)
    if sum > ${MAX_COUNT} then sum = ${MAX_COUNT} end
    redis.call('HSET', counts, id, string.format('%d', sum))
  else
    redis.call('HSET', counts, id, value)
  end
  redis.call('HDEL', rows, id)
end
`;

// KEYS: counts, state, rows, seen-key, article bound, new-id bound.
// ARGV: id, expiry of the day's keys (unix seconds), views per article, new ids (0: no bound).
// One script, so the seen-key, the bounds and the increment happen together and no other client runs between.
const RECORD_VIEW = `${FOLD_ONE}
local counts, id, expires = KEYS[1], ARGV[1], ARGV[2]
fold(counts, KEYS[2], KEYS[3], id)
local function current() return tonumber(redis.call('HGET', counts, id) or '0') end
if redis.call('EXISTS', KEYS[4]) == 1 then return {current(), 0} end
local perArticle, newIds = tonumber(ARGV[3]), tonumber(ARGV[4])
if perArticle > 0 and tonumber(redis.call('GET', KEYS[5]) or '0') >= perArticle then return {current(), 0} end
if newIds > 0 and redis.call('HEXISTS', counts, id) == 0 then
  if tonumber(redis.call('GET', KEYS[6]) or '0') >= newIds then return {0, 0} end
  redis.call('INCR', KEYS[6])
  redis.call('EXPIREAT', KEYS[6], expires)
end
if perArticle > 0 then
  redis.call('INCR', KEYS[5])
  redis.call('EXPIREAT', KEYS[5], expires)
end
redis.call('SET', KEYS[4], '1', 'EXAT', expires)
return {redis.call('HINCRBY', counts, id, 1), 1}
`;

// KEYS: counts, state, rows; ARGV: ids. Counts as readers see them, a committed import included.
const READ = `
local committed = redis.call('HGET', KEYS[2], 'state') == 'committed'
local add = redis.call('HGET', KEYS[2], 'mode') == 'add'
local out = {}
for i, id in ipairs(ARGV) do
  local count = tonumber(redis.call('HGET', KEYS[1], id) or '0')
  if committed then
    local value = redis.call('HGET', KEYS[3], id)
    if value then
      if add then count = count + tonumber(value) else count = tonumber(value) end
    end
  end
  out[i] = string.format('%d', count)
end
return out
`;

// KEYS: counts, state, rows; ARGV: ids to fold.
const FOLD = `${FOLD_ONE}
for _, id in ipairs(ARGV) do fold(KEYS[1], KEYS[2], KEYS[3], id) end
return #ARGV
`;

// KEYS: state, lock; ARGV: owner. The moment the whole import becomes visible.
const COMMIT = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'committed')
return 1
`;

// KEYS[1] the window's counter; ARGV[1] the window in milliseconds. A fixed window that starts at
// the first request.
const RATE_HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

/** Rows per import command: each holds Redis for a few milliseconds at most. */
const IMPORT_STEP = 2_000;
/** How long an import's lock lives without being renewed: a killed import frees the slot after this. */
const LOCK_MS = 30_000;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Connects to Redis and returns the store.
 *
 * Durability is Redis's own: with `appendonly yes` and `appendfsync everysec` (its usual setting) an
 * acknowledged view survives a Redis process kill, and at most a second of views can go with an OS
 * crash. The counter server processes themselves hold nothing.
 */
export async function openRedisStore({
  url,
  prefix = 'news-widgets:',
}: {
  url: string;
  prefix?: string;
}): Promise<CounterStore> {
  let createClient: typeof CreateClient;
  try {
    ({ createClient } = await import('redis'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error('The Redis store needs the redis package: npm install redis');
    }
    throw error;
  }
  const client = createClient({ url });
  client.on('error', () => {
    // Without a listener a lost connection would crash the process. The client reconnects by
    // itself; requests meanwhile fail with 500 and are logged there.
  });
  await client.connect();

  const countsKey = `${prefix}counts`;
  const stateKey = `${prefix}import:state`;
  const rowsKey = `${prefix}import:rows`;
  const lockKey = `${prefix}import:lock`;
  const send = (args: string[]) => client.sendCommand(args) as Promise<unknown>;

  /** Runs a script by its SHA1, loading it on the first NOSCRIPT (after a Redis restart, say). */
  const script = (source: string) => {
    const hash = sha1(source);
    return async (keys: string[], args: string[]): Promise<unknown> => {
      try {
        return await send(['EVALSHA', hash, String(keys.length), ...keys, ...args]);
      } catch (error) {
        if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
        return send(['EVAL', source, String(keys.length), ...keys, ...args]);
      }
    };
  };
  const recordViewScript = script(RECORD_VIEW);
  const readScript = script(READ);
  const foldScript = script(FOLD);
  const commitScript = script(COMMIT);
  const rateHitScript = script(RATE_HIT);

  const owner = `${os.hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
  /** Renews this import's lock; fails when it was lost (the import then must not land). */
  async function renewLock() {
    const renewed = await send(['SET', lockKey, owner, 'XX', 'PX', String(LOCK_MS), 'GET']);
    if (renewed !== owner) throw new ImportError('the import lost its lock (it stalled for more than 30 s)');
  }

  /** Folds every row left in the import hash, a step at a time. */
  async function foldAll() {
    let cursor = '0';
    do {
      const [next, fields] = (await send(['HSCAN', rowsKey, cursor, 'COUNT', String(IMPORT_STEP)])) as [
        string,
        string[],
      ];
      cursor = next;
      const ids = fields.filter((_, i) => i % 2 === 0);
      if (ids.length) await foldScript([countsKey, stateKey, rowsKey], ids);
      await renewLock();
    } while (cursor !== '0');
  }

  // Another process's import is refused (see claim).
  const importCounts = oneImportAtATime(importNow);

  async function importNow(rows: ImportRow[], { add = false, onProgress }: ImportOptions = {}) {
    checkImportCounts(rows);
    if ((await send(['SET', lockKey, owner, 'NX', 'PX', String(LOCK_MS)])) === null) {
      throw new ImportError('another import into this Redis is running; run this one when it has finished');
    }
    try {
      // What an import killed before us left: finish it if it was committed, else drop it.
      const left = (await send(['HGET', stateKey, 'state'])) as string | null;
      if (left === 'committed') await foldAll();
      await send(['DEL', stateKey, rowsKey]);
      await send(['HSET', stateKey, 'state', 'staging', 'mode', add ? 'add' : 'set', 'owner', owner]);
      let committed = false;
      try {
        for (let from = 0; from < rows.length; from += IMPORT_STEP) {
          const step = rows.slice(from, from + IMPORT_STEP);
          const args = ['HSET', rowsKey];
          for (const { id, count } of step) args.push(id, String(count));
          await send(args);
          if (add) {
            const now = (await send(['HMGET', countsKey, ...step.map((row) => row.id)])) as (string | null)[];
            const over = step.filter((row, i) => Number(now[i] ?? 0) + row.count > MAX_COUNT);
            if (over.length) {
              throw new ImportError(
                `adding would take counts past ${MAX_COUNT}: ${over
                  .slice(0, 10)
                  .map((row, i) => `${row.id} (${now[i] ?? 0} + ${row.count})`)
                  .join(', ')}`,
              );
            }
          }
          await renewLock();
          onProgress?.(from + step.length, rows.length);
        }
        if ((await commitScript([stateKey, lockKey], [owner])) !== 1) {
          throw new ImportError('the import lost its lock before it could be committed');
        }
        committed = true;
      } finally {
        if (!committed) await send(['DEL', stateKey, rowsKey]);
      }
      for (let from = 0; from < rows.length; from += IMPORT_STEP) {
        await foldScript(
          [countsKey, stateKey, rowsKey],
          rows.slice(from, from + IMPORT_STEP).map((row) => row.id),
        );
        await renewLock();
      }
      await send(['DEL', stateKey, rowsKey]);
      return rows.length;
    } finally {
      // Only our own lock: compare and delete in one step.
      await send([
        'EVAL',
        "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end",
        '1',
        lockKey,
        owner,
      ]);
    }
  }

  return {
    kind: 'redis',
    shared: true,
    async get(ids) {
      const counts: Record<string, number> = Object.create(null);
      const values = (await readScript([countsKey, stateKey, rowsKey], ids)) as string[];
      ids.forEach((id, i) => (counts[id] = Number(values[i] ?? 0)));
      return counts;
    },
    async recordView(view, limits): Promise<ViewResult> {
      const keys = [
        countsKey,
        stateKey,
        rowsKey,
        `${prefix}seen:${view.day}:${view.reader}`,
        `${prefix}quota:${view.day}:${view.articleQuota}`,
        `${prefix}quota:${view.day}:${view.newIdQuota}`,
      ];
      const expiresAt = String(Math.floor(dayExpiry(view.day) / 1000));
      const [count, counted] = (await recordViewScript(keys, [
        view.id,
        expiresAt,
        String(limits.viewsPerArticle),
        String(limits.newIds),
      ])) as [number, number];
      return { count: Number(count), counted: counted === 1 };
    },
    importCounts,
    async daySalt(day) {
      const key = `${prefix}salt:${day}`;
      const expiresAt = String(Math.floor(dayExpiry(day) / 1000));
      // The first process to ask sets the day's salt; the others read the same one.
      await send(['SET', key, randomBytes(32).toString('hex'), 'NX', 'EXAT', expiresAt]);
      const salt = await send(['GET', key]);
      if (typeof salt !== 'string') throw new Error(`Redis lost the salt for ${day}`);
      return Buffer.from(salt, 'hex');
    },
    async rateSecret() {
      const key = `${prefix}rate-secret`;
      await send(['SET', key, randomBytes(32).toString('hex'), 'NX']);
      const secret = await send(['GET', key]);
      if (typeof secret !== 'string') throw new Error('Redis lost the rate-limit secret');
      return Buffer.from(secret, 'hex');
    },
    async prune() {
      // Salts, seen-keys and bounds carry their own expiry.
    },
    async hit(key, windowMs) {
      const [count, ttl] = (await rateHitScript([`${prefix}rate:${key}`], [String(windowMs)])) as [number, number];
      return { count: Number(count), resetMs: Number(ttl) };
    },
    async total() {
      const values = (await send(['HVALS', countsKey])) as string[];
      let total = values.reduce((sum, value) => sum + Number(value), 0);
      if ((await send(['HGET', stateKey, 'state'])) === 'committed') {
        const ids = (await send(['HKEYS', rowsKey])) as string[];
        const before = (await send(['HGET', stateKey, 'mode'])) === 'add' ? [] : ids;
        for (const value of (await send(['HVALS', rowsKey])) as string[]) total += Number(value);
        if (before.length) {
          for (const value of (await send(['HMGET', countsKey, ...before])) as (string | null)[])
            total -= Number(value ?? 0);
        }
      }
      return total;
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
