// Who is reading: UTC days, salted reader keys (no raw IP or User-Agent is kept), bots, the client's address.
import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';

const DAY_MS = 86_400_000;

/** The UTC day of a moment, as `YYYY-MM-DD`. */
export function utcDay(now = Date.now()) {
  return new Date(now).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch at the start of a `YYYY-MM-DD` UTC day. */
export function dayStart(day) {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day before a `YYYY-MM-DD` day. */
export function previousDay(day) {
  return utcDay(dayStart(day) - DAY_MS);
}

/**
 * When a day's salt and seen-keys may go: the start of the day after next, so nothing of a day lives
 * longer than 48 hours.
 * @param {string} day
 * @returns {number} milliseconds since the epoch
 */
export function dayExpiry(day) {
  return dayStart(day) + 2 * DAY_MS;
}

/**
 * A reader of one article on one day, as an opaque key: HMAC-SHA256 under the day's random salt.
 * Once the salt is dropped the key can't be linked back to an address, not even by brute force
 * over the IPv4 space.
 * @param {Buffer} salt
 * @param {string} articleId
 * @param {string} ip
 * @param {string} userAgent
 */
export function readerKey(salt, articleId, ip, userAgent) {
  // 128 bits are plenty to tell a day's readers apart, and keep the seen-index small.
  return createHmac('sha256', salt)
    .update(`view\n${articleId}\n${ip}\n${userAgent}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** A key for an address in the rate limiter, so the limiter (even a shared Redis) never holds the address. */
export function addressKey(salt, ip) {
  return createHmac('sha256', salt).update(`rate\n${ip}`).digest('base64url').slice(0, 22);
}

/** Crawlers, link previewers, headless browsers and requests without a User-Agent are not readers. */
export function isBotAgent(userAgent) {
  if (!userAgent || !userAgent.trim()) return true;
  if (/headless|phantomjs|puppeteer|playwright|lighthouse/i.test(userAgent)) return true;
  return isbot(userAgent);
}

/**
 * The client's address. `X-Forwarded-For` is read only when the server is told it sits behind
 * `trustProxy` proxies, and then from the right, since everything left of the proxies' own entries
 * is whatever the client chose to send.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} trustProxy number of proxy hops in front of the server (0: none)
 */
export function clientAddress(req, trustProxy) {
  const socketAddress = req.socket?.remoteAddress ?? '';
  if (!trustProxy) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return socketAddress;
  const hops = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!hops.length) return socketAddress;
  return hops[Math.max(0, hops.length - trustProxy)];
}

/**
 * The day's salt, asked of the store once per day and process, so processes sharing a Redis share
 * salts and a restart keeps them.
 * @param {{ daySalt(day: string): Promise<Buffer> }} store
 */
export function createSaltCache(store) {
  /** @type {Map<string, Promise<Buffer>>} */
  const salts = new Map();
  return {
    /** @param {string} day */
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
