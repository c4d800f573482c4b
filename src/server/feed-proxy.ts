// GET /v1/feed?url=: fetches feeds of allow-listed hosts for pages whose feeds lack CORS headers, never from a private address.
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { expandIPv6, mappedIPv4 } from './addresses.js';

/** Addresses a proxy must never reach: this machine, private networks, cloud metadata, multicast, reserved. */
const blocked = new net.BlockList();
for (const [network, prefix] of <[string, number][]>[
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
]) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of <[string, number][]>[
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
]) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, if any. */
function embeddedIPv4(address: string): string | undefined {
  const groups = expandIPv6(address);
  if (!groups) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const mapped = mappedIPv4(groups);
  if (mapped) return mapped; // ::ffff:a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6], groups[7]); // 64:ff9b::a.b.c.d
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]); // 6to4
  return undefined;
}

/** Whether an IP address is one a server-side fetch may connect to. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIPv4(address);
  if (v4 !== undefined && !isPublicAddress(v4)) return false;
  return !blocked.check(address, 'ipv6');
}

export class ProxyError extends Error {
  constructor(
    readonly status: number,
    reason: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
  }
}

export interface FeedProxyOptions {
  /** hostnames that may be fetched (exact, case-insensitive) */
  hosts: string[];
  /** ports that may be fetched (default 80 and 443) */
  ports?: number[];
  /** largest feed passed on (default 2 MB; larger → 502) */
  maxBytes?: number;
  /** for the whole fetch, redirects and body included (default 10 s; → 504); the upstream is dropped then */
  timeoutMs?: number;
  /** default 3 */
  maxRedirects?: number;
  /**
   * how long a fetched feed is served without asking upstream (default 60 s); after that it is
   * revalidated with If-None-Match / If-Modified-Since
   */
  ttlMs?: number;
  /** memory for cached feeds (default 32 MB) */
  cacheBytes?: number;
  /** upstream fetches at one time (default 4); each holds at most `maxBytes` */
  maxConcurrent?: number;
  /** requests that may wait for a fetch slot (default 32); beyond them, 503 with Retry-After */
  maxQueued?: number;
  /**
   * addresses that may be reached although private: for tests against a local upstream only, never for
   * a real deployment
   */
  unsafeAllowTargets?: string[];
}

interface Entry {
  body: Buffer;
  contentType: string;
  etag?: string;
  lastModified?: string;
  checkedAt: number;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FeedProxy {
  /** Answers `GET /v1/feed?url=`. */
  respond(
    req: IncomingMessage,
    requestUrl: URL,
  ): Promise<{ status: number; headers: Record<string, string>; body?: Buffer }>;
}

/**
 * The feed proxy. Memory is bounded by `maxConcurrent × maxBytes` for bodies being read plus
 * `cacheBytes` for cached ones; work by `maxConcurrent` upstream fetches, each given up at `timeoutMs`.
 * Requests for one feed share one fetch and one cache entry, keyed by the `url` parameter alone.
 */
export function createFeedProxy(options: FeedProxyOptions): FeedProxy {
  const bare = (host: string) =>
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
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
  const maxQueued = Math.max(0, options.maxQueued ?? 32);
  const exempt = new Set(options.unsafeAllowTargets ?? []);

  /** insertion order = least recently used first */
  const cache = new Map<string, Entry>();
  let cachedBytes = 0;
  /** one upstream fetch per feed at a time */
  const pending = new Map<string, Promise<Entry>>();
  let running = 0;
  const waiting: (() => void)[] = [];

  /** Waits for a fetch slot, up to `timeoutMs`; refuses at once when too many already wait. */
  function slot(): Promise<() => void> {
    const busy = () => new ProxyError(503, 'feed proxy busy', { 'Retry-After': String(Math.ceil(timeoutMs / 1000)) });
    const release = () => {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    };
    if (running < maxConcurrent) {
      running += 1;
      return Promise.resolve(release);
    }
    if (waiting.length >= maxQueued) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(wake), 1);
        reject(busy());
      }, timeoutMs);
      waiting.push(wake);
    });
  }

  /** Checks a URL's scheme, host and port, before any network access. */
  function checkUrl(url: URL) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProxyError(400, 'only http and https feeds');
    if (url.username || url.password) throw new ProxyError(400, 'credentials in feed url');
    if (!hosts.has(bare(url.hostname))) throw new ProxyError(403, 'host not allowed');
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (!ports.has(port)) throw new ProxyError(403, 'port not allowed');
  }

  /** Resolves the host and returns the one address to connect to, refusing if any address is private. */
  async function resolveTarget(url: URL): Promise<{ address: string; family: number }> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: { address: string; family: number }[];
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

  /**
   * One request to one checked address; resolves with the response, its body capped. Only a 200's body
   * is read: any other answer's body is dropped with its connection, however long it would run, and
   * the deadline (`signal`) drops a body mid-way.
   */
  function requestOnce(
    url: URL,
    target: { address: string; family: number },
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Upstream> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: 'GET',
          headers,
          signal,
          agent: false,
          // Connect to the address that was checked, whatever DNS says by now (no rebinding).
          lookup: (_hostname, lookupOptions, callback) => {
            if (lookupOptions?.all) {
              (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
            } else callback(null, target.address, target.family);
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          let settled = false;
          const settle = (error: Error | undefined, value?: Upstream) => {
            if (settled) return;
            settled = true;
            if (error) reject(error);
            else resolve(value as Upstream);
          };
          const drop = () => {
            res.destroy();
            req.destroy();
          };
          if (status !== 200) {
            settle(undefined, { status, headers: res.headers, body: Buffer.alloc(0) });
            return drop();
          }
          const declared = Number(res.headers['content-length']);
          if (declared > maxBytes) {
            settle(new ProxyError(502, 'feed too large'));
            return drop();
          }
          // One buffer of the declared size where there is one, so a body is never held twice.
          let body = Number.isSafeInteger(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : undefined;
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size + chunk.length > maxBytes || (body && size + chunk.length > body.length)) {
              settle(new ProxyError(502, 'feed too large'));
              return drop();
            }
            if (body) chunk.copy(body, size);
            else chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', () => {
            if (body && size !== body.length) return settle(new ProxyError(502, 'feed cut short'));
            body ??= Buffer.concat(chunks, size);
            settle(undefined, { status, headers: res.headers, body });
          });
          res.on('error', (error) => settle(error));
          res.on('close', () => {
            if (!res.complete) settle(new ProxyError(502, 'feed cut short'));
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Fetches a feed, following redirects (each one checked again), revalidating `cached` if given. */
  async function fetchUpstream(start: URL, cached: Entry | undefined): Promise<Entry> {
    const release = await slot();
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
        const headers: Record<string, string> = {
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
      if (controller.signal.aborted) throw new ProxyError(504, 'feed server timed out');
      if (error instanceof ProxyError) throw error;
      throw new ProxyError(502, 'feed server unreachable');
    } finally {
      clearTimeout(timer);
      // Whatever is still open of this fetch goes now, so nothing of it runs past the deadline.
      controller.abort();
      release();
    }
  }

  function remember(key: string, entry: Entry) {
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

  async function getFeed(url: URL): Promise<Entry> {
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
    async respond(req, requestUrl) {
      // The feed is named by `url` alone: any other parameter would only make a request for the same
      // feed look different to a cache in front of this server.
      for (const name of requestUrl.searchParams.keys()) {
        if (name !== 'url') throw new ProxyError(400, `unknown parameter ${JSON.stringify(name.slice(0, 40))}`);
      }
      const all = requestUrl.searchParams.getAll('url');
      if (!all.length || !all[0]) throw new ProxyError(400, 'missing url');
      if (all.length > 1) throw new ProxyError(400, 'one url at a time');
      let url: URL;
      try {
        url = new URL(all[0]);
      } catch {
        throw new ProxyError(400, 'invalid url');
      }
      url.hash = '';
      const entry = await getFeed(url);
      const headers: Record<string, string> = {
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
