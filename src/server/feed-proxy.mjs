// GET /v1/feed?url=: fetches feeds of allow-listed hosts for pages whose feeds lack CORS headers, never from a private address.
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

/** Addresses a proxy must never reach: this machine, private networks, cloud metadata, multicast, reserved. */
const blocked = new net.BlockList();
for (const [network, prefix] of /** @type {[string, number][]} */ ([
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, including 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
])) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of /** @type {[string, number][]} */ ([
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
])) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, if any. */
function embeddedIPv4(address) {
  const groups = expandIPv6(address);
  if (!groups) return undefined;
  const v4 = (hi, lo) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from, to) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6], groups[7]); // ::ffff:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6], groups[7]); // 64:ff9b::a.b.c.d
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]); // 6to4
  return undefined;
}

/** Eight 16-bit groups of an IPv6 address, or undefined. */
function expandIPv6(address) {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1].split('.').map(Number);
    text =
      text.slice(0, -dotted[1].length) +
      `${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return undefined;
  const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

/**
 * Whether an IP address is one a server-side fetch may connect to.
 * @param {string} address
 */
export function isPublicAddress(address) {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIPv4(address);
  if (v4 !== undefined && !isPublicAddress(v4)) return false;
  return !blocked.check(address, 'ipv6');
}

export class ProxyError extends Error {
  /** @param {number} status @param {string} reason */
  constructor(status, reason) {
    super(reason);
    this.status = status;
  }
}

/**
 * @typedef {object} FeedProxyOptions
 * @property {string[]} hosts hostnames that may be fetched (exact, case-insensitive)
 * @property {number[]} [ports] ports that may be fetched (default 80 and 443)
 * @property {number} [maxBytes] largest feed passed on (default 2 MB; larger → 502)
 * @property {number} [timeoutMs] for the whole fetch, redirects included (default 10 s; → 504)
 * @property {number} [maxRedirects] default 3
 * @property {number} [ttlMs] how long a fetched feed is served without asking upstream (default 60 s);
 *   after that it is revalidated with If-None-Match / If-Modified-Since
 * @property {number} [cacheBytes] memory for cached feeds (default 32 MB)
 * @property {string[]} [unsafeAllowTargets] addresses that may be reached although private: for tests
 *   against a local upstream only, never for a real deployment
 */

/** @param {FeedProxyOptions} options */
export function createFeedProxy(options) {
  const bare = (host) =>
    host
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
  const hosts = new Set(options.hosts.map(bare).filter(Boolean));
  const ports = new Set(options.ports?.length ? options.ports : [80, 443]);
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const ttlMs = options.ttlMs ?? 60_000;
  const cacheBytes = options.cacheBytes ?? 32 * 1024 * 1024;
  const exempt = new Set(options.unsafeAllowTargets ?? []);

  /** @typedef {{ body: Buffer, contentType: string, etag?: string, lastModified?: string, checkedAt: number }} Entry */
  /** @type {Map<string, Entry>} insertion order = least recently used first */
  const cache = new Map();
  let cachedBytes = 0;
  /** @type {Map<string, Promise<Entry>>} one upstream fetch per URL at a time */
  const pending = new Map();

  /** Checks a URL's scheme, host and port, before any network access. */
  function checkUrl(url) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProxyError(400, 'only http and https feeds');
    if (url.username || url.password) throw new ProxyError(400, 'credentials in feed url');
    if (!hosts.has(bare(url.hostname))) throw new ProxyError(403, 'host not allowed');
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (!ports.has(port)) throw new ProxyError(403, 'port not allowed');
  }

  /** Resolves the host and returns the one address to connect to, refusing if any address is private. */
  async function resolveTarget(url) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses;
    if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
    else {
      try {
        addresses = await dns.lookup(host, { all: true, verbatim: true });
      } catch {
        throw new ProxyError(502, 'feed host not found');
      }
    }
    if (!addresses.length) throw new ProxyError(502, 'feed host not found');
    // Refuse when any address is private, so a host can't mix a public and a private record and win a race.
    for (const { address } of addresses) {
      if (!isPublicAddress(address) && !exempt.has(address)) throw new ProxyError(403, 'feed address not allowed');
    }
    return addresses[0];
  }

  /** One request to one checked address; resolves with the response, its body capped. */
  function requestOnce(url, target, headers, signal) {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: 'GET',
          headers,
          signal,
          // Connect to the address that was checked, whatever DNS says by now (no rebinding).
          lookup: (_hostname, lookupOptions, callback) => {
            if (lookupOptions?.all) callback(null, [{ address: target.address, family: target.family }]);
            else callback(null, target.address, target.family);
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status !== 200) {
            res.resume();
            return resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
          }
          if (Number(res.headers['content-length']) > maxBytes) {
            res.destroy();
            return reject(new ProxyError(502, 'feed too large'));
          }
          const chunks = [];
          let size = 0;
          res.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
              res.destroy();
              reject(new ProxyError(502, 'feed too large'));
            } else chunks.push(chunk);
          });
          res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Fetches a feed, following redirects (each one checked again), revalidating `cached` if given. */
  async function fetchUpstream(start, cached) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let url = start;
      for (let hop = 0; ; hop++) {
        try {
          checkUrl(url);
        } catch (error) {
          // The client asked for an allowed feed; where its server sends us next is the upstream's fault.
          if (hop > 0 && error instanceof ProxyError && error.status === 400)
            throw new ProxyError(502, `redirect refused: ${error.message}`);
          throw error;
        }
        const target = await resolveTarget(url);
        const headers = {
          Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
          'Accept-Encoding': 'identity',
          'User-Agent': 'news-widgets-server (feed proxy)',
        };
        if (cached?.etag) headers['If-None-Match'] = cached.etag;
        if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;
        const res = await requestOnce(url, target, headers, controller.signal);
        if ([301, 302, 303, 307, 308].includes(res.status) && res.headers.location) {
          if (hop >= maxRedirects) throw new ProxyError(502, 'too many redirects');
          try {
            url = new URL(res.headers.location, url);
          } catch {
            throw new ProxyError(502, 'bad redirect');
          }
          continue;
        }
        if (res.status === 304 && cached) return { ...cached, checkedAt: Date.now() };
        if (res.status !== 200) throw new ProxyError(502, `feed server answered ${res.status}`);
        return {
          body: res.body,
          contentType: String(res.headers['content-type'] || 'application/octet-stream'),
          etag: res.headers.etag,
          lastModified: res.headers['last-modified'],
          checkedAt: Date.now(),
        };
      }
    } catch (error) {
      if (error instanceof ProxyError) throw error;
      if (controller.signal.aborted) throw new ProxyError(504, 'feed server timed out');
      throw new ProxyError(502, 'feed server unreachable');
    } finally {
      clearTimeout(timer);
    }
  }

  function remember(key, entry) {
    const old = cache.get(key);
    if (old) {
      cachedBytes -= old.body.length;
      cache.delete(key);
    }
    if (entry.body.length > cacheBytes / 4) return;
    cache.set(key, entry);
    cachedBytes += entry.body.length;
    for (const [k, e] of cache) {
      if (cachedBytes <= cacheBytes) break;
      cache.delete(k);
      cachedBytes -= e.body.length;
    }
  }

  /** @param {URL} url */
  async function getFeed(url) {
    checkUrl(url);
    const key = url.href;
    const cached = cache.get(key);
    if (cached && Date.now() - cached.checkedAt < ttlMs) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    let fetching = pending.get(key);
    if (!fetching) {
      fetching = fetchUpstream(url, cached).then((entry) => {
        remember(key, entry);
        return entry;
      });
      fetching.finally(() => pending.delete(key)).catch(() => {});
      pending.set(key, fetching);
    }
    return fetching;
  }

  return {
    /**
     * Answers `GET /v1/feed?url=`.
     * @param {import('node:http').IncomingMessage} req
     * @param {URL} requestUrl
     * @returns {Promise<{ status: number, headers: Record<string, string>, body?: Buffer }>}
     */
    async respond(req, requestUrl) {
      const raw = requestUrl.searchParams.get('url');
      if (!raw) throw new ProxyError(400, 'missing url');
      let url;
      try {
        url = new URL(raw);
      } catch {
        throw new ProxyError(400, 'invalid url');
      }
      url.hash = '';
      const entry = await getFeed(url);
      /** @type {Record<string, string>} */
      const headers = {
        'Content-Type': entry.contentType,
        'Cache-Control': `public, max-age=${Math.round(ttlMs / 1000)}`,
        // The feed is someone else's bytes on this server's origin: never let it run as a page here.
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      };
      if (entry.etag) headers.ETag = entry.etag;
      if (entry.lastModified) headers['Last-Modified'] = entry.lastModified;
      if (entry.etag && req.headers['if-none-match'] === entry.etag) return { status: 304, headers };
      return { status: 200, headers, body: entry.body };
    },
  };
}
