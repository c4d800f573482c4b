// Who is reading: UTC days, salted reader and bound keys (no raw IP or User-Agent is kept), bots.
import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';
import type { ViewInput } from './store.js';

const DAY_MS = 86_400_000;

/** The UTC day of a moment, as `YYYY-MM-DD`. */
export function utcDay(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch at the start of a `YYYY-MM-DD` UTC day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day before a `YYYY-MM-DD` day. */
export function previousDay(day: string): string {
  return utcDay(dayStart(day) - DAY_MS);
}

/**
 * When a day's salt and seen-keys may go: the start of the day after next, so nothing of a day lives
 * longer than 48 hours.
 */
export function dayExpiry(day: string): number {
  return dayStart(day) + 2 * DAY_MS;
}

// 128 bits are plenty to tell a day's keys apart, and keep the indexes small.
const hmac = (key: Buffer, text: string): string =>
  createHmac('sha256', key).update(text).digest().subarray(0, 16).toString('base64url');

/** A 53-bit hash of a string (cyrb53), in base 36. Quick; mixed with a secret key, it keys a row. */
function mix(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The keys of one view under the day's salt. Once the salt is dropped no key can be linked back to an
 * address, not even by brute force over the IPv4 space.
 * - reader: this address and User-Agent, for this article: the same browser counts once a day;
 * - articleQuota: this client network (IPv4 /32, IPv6 /64), for this article: however many User-Agents
 *   or addresses inside its /64 a client uses, the network adds at most the configured number of views;
 * - newIdQuota: this network, for ids that had no count yet.
 * The last two come from one HMAC of the network that is never stored, mixed with the id by a quick
 * 106-bit hash: two HMACs per view instead of three (they are most of the work of keying a view), and
 * still no two stored keys show that one network read two articles.
 */
export function viewKeys(
  salt: Buffer,
  input: { id: string; day: string; address: string; network: string; userAgent: string },
): ViewInput {
  const network = hmac(salt, `network\n${input.network}`);
  const article = `${network}\n${input.id}`;
  return {
    id: input.id,
    day: input.day,
    reader: hmac(salt, `view\n${input.id}\n${input.address}\n${input.userAgent}`),
    articleQuota: `${mix(article, 1)}.${mix(article, 2)}`,
    newIdQuota: `${mix(network, 3)}.${mix(network, 4)}`,
  };
}

/**
 * A key for a client network in a shared (Redis) rate limiter, so Redis never holds an address. Its
 * secret outlives days: a window runs its full length across midnight.
 */
export function rateKey(secret: Buffer, network: string): string {
  return hmac(secret, `rate\n${network}`);
}

/** Crawlers, link previewers, headless browsers and requests without a User-Agent are not readers. */
export function isBotAgent(userAgent: string): boolean {
  if (!userAgent || !userAgent.trim()) return true;
  if (/headless|phantomjs|puppeteer|playwright|lighthouse/i.test(userAgent)) return true;
  return isbot(userAgent);
}

/**
 * The day's salt, asked of the store once per day and process, so processes sharing a Redis share
 * salts and a restart keeps them.
 */
export function createSaltCache(store: { daySalt(day: string): Promise<Buffer> }): {
  get(day: string): Promise<Buffer>;
} {
  const salts = new Map<string, Promise<Buffer>>();
  return {
    get(day) {
      let salt = salts.get(day);
      if (!salt) {
        salt = store.daySalt(day);
        salt.catch(() => salts.delete(day));
        salts.set(day, salt);
        for (const known of salts.keys()) if (known < previousDay(day)) salts.delete(known);
      }
      return salt;
    },
  };
}
