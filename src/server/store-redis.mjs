// The Redis store: counts, salts, seen-keys and rate-limit windows shared by every server process on one Redis.
import { createHash, randomBytes } from 'node:crypto';
import { dayExpiry } from './readers.mjs';

// KEYS[1] the counts hash, KEYS[2] (when there is a reader) the reader's seen-key for the day;
// ARGV[1] the article id, ARGV[2] when the seen-key expires (unix seconds).
// One script, so the seen-key and the increment happen together and no other client runs between.
const RECORD_VIEW = `
if #KEYS == 2 and not redis.call('SET', KEYS[2], '1', 'NX', 'EXAT', ARGV[2]) then
  return {tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0'), 0}
end
return {redis.call('HINCRBY', KEYS[1], ARGV[1], 1), 1}
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

// KEYS[1] the counts hash; ARGV[1] 'set' or 'add', then id, count pairs. The whole import is one
// script, so it lands entirely or not at all.
const IMPORT = `
local command = ARGV[1] == 'add' and 'HINCRBY' or 'HSET'
for i = 2, #ARGV, 2 do redis.call(command, KEYS[1], ARGV[i], ARGV[i + 1]) end
return (#ARGV - 1) / 2
`;

const sha1 = (text) => createHash('sha1').update(text).digest('hex');

/**
 * Connects to Redis and returns the store.
 *
 * Durability is Redis's own: with `appendonly yes` and `appendfsync everysec` (its usual setting) an
 * acknowledged view survives a Redis process kill, and at most a second of views can go with an OS
 * crash. The counter server processes themselves hold nothing.
 *
 * @param {{ url: string, prefix?: string }} options
 * @returns {Promise<import('./store.mjs').CounterStore>}
 */
export async function openRedisStore({ url, prefix = 'news-widgets:' }) {
  let createClient;
  try {
    ({ createClient } = await import('redis'));
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
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

  /** Runs a script by its SHA1, loading it on the first NOSCRIPT (after a Redis restart, say). */
  const script = (source) => {
    const hash = sha1(source);
    return async (keys, args) => {
      try {
        return await client.evalSha(hash, { keys, arguments: args });
      } catch (error) {
        if (!String(error?.message).startsWith('NOSCRIPT')) throw error;
        return client.eval(source, { keys, arguments: args });
      }
    };
  };
  const recordViewScript = script(RECORD_VIEW);
  const rateHitScript = script(RATE_HIT);
  const importScript = script(IMPORT);

  return {
    kind: 'redis',
    shared: true,
    async get(ids) {
      /** @type {Record<string, number>} */
      const counts = Object.create(null);
      const values = /** @type {(string | null)[]} */ (await client.sendCommand(['HMGET', countsKey, ...ids]));
      ids.forEach((id, i) => (counts[id] = Number(values[i] ?? 0)));
      return counts;
    },
    async recordView(id, reader, day) {
      const keys = reader == null ? [countsKey] : [countsKey, `${prefix}seen:${day}:${reader}`];
      const expiresAt = String(Math.floor(dayExpiry(day) / 1000));
      const [count, counted] = /** @type {[number, number]} */ (await recordViewScript(keys, [id, expiresAt]));
      return { count: Number(count), counted: counted === 1 };
    },
    async importCounts(rows, { add = false } = {}) {
      if (!rows.length) return 0;
      const args = [add ? 'add' : 'set'];
      for (const { id, count } of rows) args.push(id, String(count));
      return Number(await importScript([countsKey], args));
    },
    async daySalt(day) {
      const key = `${prefix}salt:${day}`;
      const expiresAt = String(Math.floor(dayExpiry(day) / 1000));
      // The first process to ask sets the day's salt; the others read the same one.
      await client.sendCommand(['SET', key, randomBytes(32).toString('hex'), 'NX', 'EXAT', expiresAt]);
      const salt = await client.sendCommand(['GET', key]);
      if (typeof salt !== 'string') throw new Error(`Redis lost the salt for ${day}`);
      return Buffer.from(salt, 'hex');
    },
    async prune() {
      // Salts and seen-keys carry their own expiry.
    },
    async hit(key, windowMs) {
      const [count, ttl] = /** @type {[number, number]} */ (
        await rateHitScript([`${prefix}rate:${key}`], [String(windowMs)])
      );
      return { count: Number(count), resetMs: Number(ttl) };
    },
    async total() {
      const values = /** @type {string[]} */ (await client.sendCommand(['HVALS', countsKey]));
      return values.reduce((sum, value) => sum + Number(value), 0);
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
