// The /v1 routes of the counter protocol as one request handler, mountable in any Node http server.
import { performance } from 'node:perf_hooks';
import { createFeedProxy, ProxyError } from './feed-proxy.mjs';
import { ID_PATTERN, MAX_BODY_BYTES, MAX_IDS } from './protocol.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { addressKey, clientAddress, createSaltCache, isBotAgent, readerKey, utcDay } from './readers.mjs';
import { openStore } from './store.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';

class HttpError extends Error {
  /** @param {number} status @param {string} reason @param {Record<string, string>} [headers] */
  constructor(status, reason, headers = {}) {
    super(reason);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * @typedef {object} CounterOptions
 * @property {string} [db] SQLite file (default `./.data/counts.sqlite`)
 * @property {'normal' | 'full'} [synchronous] SQLite `synchronous` pragma (default normal; see store-sqlite.mjs)
 * @property {string} [redis] Redis URL; when given, counts live there instead of SQLite
 * @property {string} [redisPrefix] key prefix in Redis (default `news-widgets:`)
 * @property {import('./store.mjs').CounterStore} [store] an open store to use instead of opening one
 * @property {string[] | string} [allowOrigins] origins allowed to record views (`https://a.example`)
 * @property {boolean} [allowNoOrigin] also record views from requests without an Origin header (server-to-server)
 * @property {number | boolean} [trustProxy] number of proxies in front whose X-Forwarded-For is trusted (true = 1)
 * @property {{ views?: Partial<import('./rate-limit.mjs').RateLimit>, reads?: Partial<import('./rate-limit.mjs').RateLimit> }} [rateLimits]
 *   per address; default 120 views and 600 reads a minute; a limit of 0 turns it off
 * @property {number} [bodyTimeoutMs] time allowed to send a request body (default 10 s; then 408)
 * @property {string[] | string} [proxyHosts] hosts the feed proxy may fetch; none: no /v1/feed
 * @property {Omit<import('./feed-proxy.mjs').FeedProxyOptions, 'hosts'>} [proxy] further feed-proxy settings
 * @property {boolean | ((entry: Record<string, unknown>) => void)} [log] one JSON line per request on stdout
 *   (default true); false for none, or a function to receive each entry
 * @property {() => number} [now] the clock (tests)
 */

const list = (value) =>
  (Array.isArray(value) ? value : String(value ?? '').split(',')).map((item) => String(item).trim()).filter(Boolean);

/** `https://A.example:443/` → `https://a.example`; throws on what is not an origin. */
function normaliseOrigin(origin) {
  if (origin === '*') {
    throw new Error(
      '"*" cannot be an allowed origin for recording views: list the sites that show counters (reads are always public)',
    );
  }
  const url = new URL(origin);
  if (url.origin === 'null') throw new Error(`not an origin: ${origin}`);
  return url.origin;
}

/**
 * Creates the counter's request handler. It answers every request under `/v1/` and resolves `true`;
 * for any other path it touches nothing and resolves `false`, so a host server can route the rest.
 *
 * ```js
 * const counter = createHandler({ db: 'counts.sqlite', allowOrigins: ['https://college.example'] });
 * http.createServer(async (req, res) => {
 *   if (await counter(req, res)) return;
 *   // ...the host's own routes
 * });
 * ```
 * The store opens in the background: `await counter.ready` to see errors early. `counter.close()`
 * waits for requests in progress, then closes the store.
 *
 * @param {CounterOptions} [options]
 * @returns {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>)
 *   & { ready: Promise<void>, close: () => Promise<void>, readonly store: import('./store.mjs').CounterStore | undefined }}
 */
export function createHandler(options = {}) {
  const now = options.now ?? Date.now;
  const allowOrigins = new Set(list(options.allowOrigins).map(normaliseOrigin));
  const allowNoOrigin = Boolean(options.allowNoOrigin);
  const trustProxy = options.trustProxy === true ? 1 : Math.max(0, Number(options.trustProxy) || 0);
  const rules = {
    views: { limit: 120, windowMs: 60_000, ...options.rateLimits?.views },
    reads: { limit: 600, windowMs: 60_000, ...options.rateLimits?.reads },
  };
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const proxyHosts = list(options.proxyHosts);
  const proxy = proxyHosts.length ? createFeedProxy({ ...options.proxy, hosts: proxyHosts }) : undefined;
  const log =
    typeof options.log === 'function'
      ? options.log
      : options.log === false
        ? undefined
        : (entry) => process.stdout.write(JSON.stringify(entry) + '\n');

  /** @type {import('./store.mjs').CounterStore | undefined} */
  let store;
  /** @type {ReturnType<typeof createSaltCache>} */
  let salts;
  /** @type {ReturnType<typeof createRateLimiter>} */
  let limiter;
  let prunedDay = '';
  let closing = false;
  /** @type {Set<Promise<unknown>>} */
  const inFlight = new Set();

  const ready = (async () => {
    store = options.store ?? (await openStore(options));
    salts = createSaltCache(store);
    limiter = createRateLimiter(store, now);
  })();
  ready.catch(() => {}); // reported by listen(), by `await handler.ready`, or as 500s

  /** Drops yesterday's-but-one salts and seen-keys, once per day and process. */
  function pruneIfNewDay(day) {
    if (day === prunedDay) return;
    prunedDay = day;
    store
      .prune(day)
      .catch((error) => log?.({ time: new Date(now()).toISOString(), event: 'prune failed', error: String(error) }));
  }

  async function limit(req, kind, day) {
    const rule = rules[kind];
    if (!rule.limit) return;
    const salt = await salts.get(day);
    const decision = await limiter.take(`${kind}:${addressKey(salt, clientAddress(req, trustProxy))}`, rule);
    if (!decision.allowed) {
      throw new HttpError(429, 'too many requests', { 'Retry-After': String(decision.retryAfterSeconds) });
    }
  }

  /** @returns {Record<string, string>} CORS headers for recording, or throws 403 */
  function viewCors(req) {
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (allowNoOrigin) return {};
      throw new HttpError(403, 'origin not allowed');
    }
    if (!allowOrigins.has(origin)) throw new HttpError(403, 'origin not allowed', { Vary: 'Origin' });
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  function readBody(req) {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
      return Promise.reject(new HttpError(413, 'body too large'));
    }
    return new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      const finish = (error, value) => {
        clearTimeout(timer);
        req.off('data', onData).off('end', onEnd).off('error', onError);
        if (error) {
          req.resume(); // let the rest drain so the connection can answer
          reject(error);
        } else resolve(value);
      };
      const onData = (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) finish(new HttpError(413, 'body too large'));
        else chunks.push(chunk);
      };
      const onEnd = () => finish(null, Buffer.concat(chunks).toString('utf8'));
      const onError = () => finish(new HttpError(400, 'request aborted'));
      const timer = setTimeout(() => finish(new HttpError(408, 'request body too slow')), bodyTimeoutMs);
      req.on('data', onData).on('end', onEnd).on('error', onError);
    });
  }

  /** Parses `{"id": "..."}`, ignoring other fields. */
  function parseView(text) {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'malformed JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new HttpError(400, 'body must be a JSON object');
    if (!('id' in body)) throw new HttpError(400, 'missing id');
    if (typeof body.id !== 'string') throw new HttpError(400, 'id must be a string');
    if (!ID_PATTERN.test(body.id)) throw new HttpError(400, 'invalid id');
    return body.id;
  }

  function parseIds(url) {
    const values = url.searchParams.getAll('ids');
    if (!values.length) throw new HttpError(400, 'missing ids');
    const ids = [...new Set(values.join(',').split(','))];
    if (ids.length > MAX_IDS) throw new HttpError(400, `too many ids (at most ${MAX_IDS})`);
    if (!ids.every((id) => ID_PATTERN.test(id))) throw new HttpError(400, 'invalid id');
    return ids;
  }

  async function recordView(req) {
    const cors = viewCors(req);
    try {
      const day = utcDay(now());
      pruneIfNewDay(day);
      await limit(req, 'views', day);
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      // text/plain is what navigator.sendBeacon sends for a string, and needs no preflight.
      if (type && type !== 'text/plain' && type !== 'application/json') {
        throw new HttpError(415, 'body must be JSON sent as text/plain or application/json');
      }
      const id = parseView(await readBody(req));
      const userAgent = String(req.headers['user-agent'] ?? '');
      if (isBotAgent(userAgent)) {
        const counts = await store.get([id]);
        return { status: 200, headers: cors, body: { id, count: counts[id], counted: false } };
      }
      const salt = await salts.get(day);
      const reader = readerKey(salt, id, clientAddress(req, trustProxy), userAgent);
      const { count, counted } = await store.recordView(id, reader, day);
      return { status: 200, headers: cors, body: { id, count, counted } };
    } catch (error) {
      if (error instanceof HttpError) Object.assign(error.headers, cors);
      throw error;
    }
  }

  async function readCounts(req, url) {
    const day = utcDay(now());
    await limit(req, 'reads', day);
    const ids = parseIds(url);
    const counts = await store.get(ids);
    return { status: 200, headers: { 'Cache-Control': 'public, max-age=30' }, body: { counts } };
  }

  const PUBLIC = { 'Access-Control-Allow-Origin': '*' };
  const preflight = (methods, extra = {}) => ({
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
      ...extra,
    },
  });
  const onlyMethods = (req, methods) => {
    if (!methods.split(', ').includes(req.method ?? '')) {
      throw new HttpError(405, 'method not allowed', { Allow: methods });
    }
  };

  /** @returns {Promise<{ status: number, headers?: Record<string, string>, body?: unknown, raw?: boolean }>} */
  async function route(req, url) {
    switch (url.pathname) {
      case '/v1/health':
        if (req.method === 'OPTIONS') return preflight('GET, HEAD, OPTIONS', PUBLIC);
        try {
          onlyMethods(req, 'GET, HEAD, OPTIONS');
        } catch (error) {
          Object.assign(error.headers, PUBLIC);
          throw error;
        }
        return { status: 200, headers: { ...PUBLIC, 'Cache-Control': 'no-store' }, body: { ok: true } };
      case '/v1/counts':
        try {
          if (req.method === 'OPTIONS') return preflight('GET, HEAD, OPTIONS', PUBLIC);
          onlyMethods(req, 'GET, HEAD, OPTIONS');
          const result = await readCounts(req, url);
          Object.assign(result.headers, PUBLIC);
          return result;
        } catch (error) {
          if (error instanceof HttpError) Object.assign(error.headers, PUBLIC);
          throw error;
        }
      case '/v1/views':
        if (req.method === 'OPTIONS') return preflight('POST, OPTIONS', viewCors(req));
        onlyMethods(req, 'POST, OPTIONS');
        return recordView(req);
      case '/v1/feed':
        if (!proxy) throw new HttpError(404, 'feed proxy not enabled', PUBLIC);
        try {
          if (req.method === 'OPTIONS') return preflight('GET, HEAD, OPTIONS', PUBLIC);
          onlyMethods(req, 'GET, HEAD, OPTIONS');
          await limit(req, 'reads', utcDay(now()));
          const result = await proxy.respond(req, url);
          return { ...result, headers: { ...result.headers, ...PUBLIC }, raw: true };
        } catch (error) {
          if (error instanceof ProxyError) throw new HttpError(error.status, error.message, PUBLIC);
          if (error instanceof HttpError) Object.assign(error.headers, PUBLIC);
          throw error;
        }
      default:
        throw new HttpError(404, 'not found');
    }
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const started = performance.now();
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://counter.invalid');
    } catch {
      return false;
    }
    if (url.pathname !== '/v1' && !url.pathname.startsWith('/v1/')) return false;

    /** @type {string | undefined} */
    let reason;
    if (log) {
      res.once('close', () => {
        // The path only: no query (ids, feed addresses), no address, no User-Agent.
        const entry = {
          time: new Date(now()).toISOString(),
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
        };
        entry.ms = Math.round((performance.now() - started) * 10) / 10;
        if (reason) entry.error = reason;
        if (!res.writableFinished) entry.aborted = true;
        log(entry);
      });
    }

    let result;
    try {
      if (closing) throw new HttpError(503, 'shutting down', { 'Retry-After': '1', Connection: 'close' });
      await ready;
      result = await route(req, url);
    } catch (error) {
      if (error instanceof HttpError) {
        result = { status: error.status, headers: error.headers, body: { error: error.message } };
      } else {
        reason = `internal: ${error instanceof Error ? error.message : String(error)}`;
        result = { status: 500, headers: {}, body: { error: 'internal error' } };
      }
      reason ??= error.message;
    }
    if (res.headersSent || res.destroyed) return true;
    /** @type {Record<string, string | number>} */
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...result.headers };
    let payload;
    if (result.raw) payload = /** @type {Buffer | undefined} */ (result.body);
    else if (result.body !== undefined) {
      payload = Buffer.from(JSON.stringify(result.body));
      headers['Content-Type'] = JSON_TYPE;
    }
    if (payload && result.status !== 304) headers['Content-Length'] = payload.length;
    res.writeHead(result.status, headers);
    res.end(req.method === 'HEAD' || result.status === 304 ? undefined : payload);
    return true;
  }

  /** @type {any} */
  const handler = (req, res) => {
    const done = handle(req, res);
    inFlight.add(done);
    done.finally(() => inFlight.delete(done)).catch(() => {});
    return done;
  };
  handler.ready = ready;
  Object.defineProperty(handler, 'store', { get: () => store });
  handler.close = async () => {
    closing = true;
    await Promise.allSettled([...inFlight]);
    await ready.catch(() => {});
    if (!options.store) await store?.close();
  };
  return handler;
}
