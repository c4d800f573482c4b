// The /v1 routes of the counter protocol as one route table behind one request handler, mountable in any Node http server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CountsResponse, ErrorResponse, HealthResponse, ViewResponse } from '../protocol/counter-protocol.js';
import { COUNTS_MAX_AGE_SECONDS, ID_PATTERN, MAX_BODY_BYTES, MAX_IDS, ROUTES } from '../protocol/counter-protocol.js';
import { AddressError, clientAddress, clientNetwork } from './addresses.js';
import type { FeedProxyOptions } from './feed-proxy.js';
import { createFeedProxy, ProxyError } from './feed-proxy.js';
import type { RateLimit, RateLimiter } from './rate-limit.js';
import { createRateLimiter } from './rate-limit.js';
import { createSaltCache, isBotAgent, rateKey, utcDay, viewKeys } from './readers.js';
import type { CounterStore, StoreOptions, ViewLimits } from './store.js';
import { openStore } from './open-store.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Views one client network (IPv4 /32, IPv6 /64) may add to one article in one UTC day, by default. */
export const DEFAULT_VIEWS_PER_ARTICLE = 50;
/** Ids without a count yet that one client network may create in one UTC day, by default. */
export const DEFAULT_NEW_IDS = 100;

export interface CounterOptions extends StoreOptions {
  /** an open store to use instead of opening one */
  store?: CounterStore;
  /** origins allowed to record views (`https://a.example`) */
  allowOrigins?: string[] | string;
  /** also record views from requests without an Origin header (server-to-server) */
  allowNoOrigin?: boolean;
  /**
   * number of proxies in front whose X-Forwarded-For entries are trusted (true = 1): exactly as many
   * as there are, or clients choose their own address (see the README)
   */
  trustProxy?: number | boolean;
  /**
   * per client network (IPv4 /32, IPv6 /64); a limit of 0 turns one off. Defaults: 120 views, 600
   * reads (counts and feeds) and 600 other requests (health, preflight, not found) a minute.
   */
  rateLimits?: { views?: Partial<RateLimit>; reads?: Partial<RateLimit>; other?: Partial<RateLimit> };
  /** what one client network may add in one UTC day (defaults: 50 views per article, 100 new ids) */
  viewLimits?: Partial<ViewLimits>;
  /** time allowed to send a request body (default 10 s; then 408) */
  bodyTimeoutMs?: number;
  /** hosts the feed proxy may fetch; none: no /v1/feed */
  proxyHosts?: string[] | string;
  /** further feed-proxy settings */
  proxy?: Omit<FeedProxyOptions, 'hosts'>;
  /** one JSON line per request on stdout (default true); false for none, or a function to receive each entry */
  log?: boolean | ((entry: Record<string, unknown>) => void);
  /** the clock (tests) */
  now?: () => number;
}

/** A request handler that answers `/v1/*` and resolves true, or leaves any other path alone and resolves false. */
export interface CounterHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Answers any path: `/v1/*` as the protocol says, anything else 404 (a server of its own). */
  answerAll(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Settles when the store is open; rejects with the reason it could not open. */
  readonly ready: Promise<void>;
  /** Waits for requests in progress, then closes the store (unless it was given). */
  close(): Promise<void>;
  /** The open store, once ready. */
  readonly store: CounterStore | undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    reason: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
  }
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** JSON, or the bytes themselves when `raw` */
  body?: unknown;
  raw?: boolean;
}

type LimitName = 'views' | 'reads' | 'other';

interface Context {
  req: IncomingMessage;
  url: URL;
  address: string;
  network: string;
  day: string;
}

interface Route {
  /** methods besides OPTIONS; HEAD goes with GET */
  methods: string[];
  /** `public`: any page may read it; `recording`: only allowed origins */
  cors: 'public' | 'recording';
  /** which per-network rate limit a request spends */
  limit: LimitName;
  handle(context: Context): Promise<Answer>;
}

const list = (value: string[] | string | undefined) =>
  (Array.isArray(value) ? value : String(value ?? '').split(',')).map((item) => String(item).trim()).filter(Boolean);

/** `https://A.example:443/` → `https://a.example`; throws on what is not an origin. */
function normaliseOrigin(origin: string): string {
  if (origin === '*') {
    throw new Error(
      '"*" cannot be an allowed origin for recording views: list the sites that show counters (reads are always public)',
    );
  }
  const url = new URL(origin);
  if (url.origin === 'null') throw new Error(`not an origin: ${origin}`);
  return url.origin;
}

const whole = (value: number | undefined, fallback: number, name: string) => {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number of at least 0, not ${n}`);
  return n;
};

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
 */
export function createHandler(options: CounterOptions = {}): CounterHandler {
  const now = options.now ?? Date.now;
  const allowOrigins = new Set(list(options.allowOrigins).map(normaliseOrigin));
  const allowNoOrigin = Boolean(options.allowNoOrigin);
  const trustProxy = options.trustProxy === true ? 1 : whole(Number(options.trustProxy || 0), 0, 'trustProxy');
  const rules: Record<LimitName, RateLimit> = {
    views: { limit: 120, windowMs: 60_000, ...options.rateLimits?.views },
    reads: { limit: 600, windowMs: 60_000, ...options.rateLimits?.reads },
    other: { limit: 600, windowMs: 60_000, ...options.rateLimits?.other },
  };
  const viewLimits: ViewLimits = {
    viewsPerArticle: whole(options.viewLimits?.viewsPerArticle, DEFAULT_VIEWS_PER_ARTICLE, 'viewsPerArticle'),
    newIds: whole(options.viewLimits?.newIds, DEFAULT_NEW_IDS, 'newIds'),
  };
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const proxyHosts = list(options.proxyHosts);
  const proxy = proxyHosts.length ? createFeedProxy({ ...options.proxy, hosts: proxyHosts }) : undefined;
  const log =
    typeof options.log === 'function'
      ? options.log
      : options.log === false
        ? undefined
        : (entry: Record<string, unknown>) => process.stdout.write(JSON.stringify(entry) + '\n');

  let store: CounterStore | undefined;
  let salts: ReturnType<typeof createSaltCache>;
  let limiter: RateLimiter;
  let rateSecret: Buffer;
  let prunedDay = '';
  let closing = false;
  const inFlight = new Set<Promise<unknown>>();

  const ready = (async () => {
    store = options.store ?? (await openStore(options));
    salts = createSaltCache(store);
    limiter = createRateLimiter(store, now);
    rateSecret = await store.rateSecret();
  })();
  ready.catch(() => {}); // reported by listen(), by `await handler.ready`, or as 500s

  const opened = () => store as CounterStore;

  /** Drops the day before yesterday's salts, seen-keys and bounds, once per day and process. */
  function pruneIfNewDay(day: string) {
    if (day === prunedDay) return;
    prunedDay = day;
    opened()
      .prune(day)
      .catch((error: unknown) =>
        log?.({ time: new Date(now()).toISOString(), event: 'prune failed', error: String(error) }),
      );
  }

  async function spend(kind: LimitName, network: string) {
    const rule = rules[kind];
    if (!rule.limit) return;
    // In this process's memory a window holds the network itself, for at most a minute; in a shared
    // Redis, a keyed hash of it.
    const who = opened().shared ? rateKey(rateSecret, network) : network;
    const decision = await limiter.take(`${kind}:${who}`, rule);
    if (!decision.allowed) {
      throw new HttpError(429, 'too many requests', { 'Retry-After': String(decision.retryAfterSeconds) });
    }
  }

  function readBody(req: IncomingMessage): Promise<string> {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
      return Promise.reject(new HttpError(413, 'body too large'));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (error: HttpError | null, value?: string) => {
        clearTimeout(timer);
        req.off('data', onData).off('end', onEnd).off('error', onError);
        if (error) {
          req.resume(); // let the rest drain so the connection can answer
          reject(error);
        } else resolve(value ?? '');
      };
      const onData = (chunk: Buffer) => {
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
  function parseView(text: string): string {
    let body: unknown;
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

  function parseIds(url: URL): string[] {
    const values = url.searchParams.getAll('ids');
    if (!values.length) throw new HttpError(400, 'missing ids');
    const ids = [...new Set(values.join(',').split(','))];
    if (ids.length > MAX_IDS) throw new HttpError(400, `too many ids (at most ${MAX_IDS})`);
    if (!ids.every((id) => ID_PATTERN.test(id))) throw new HttpError(400, 'invalid id');
    return ids;
  }

  /** Whether a page of this request's origin may record views (no Origin: only when allowed). */
  function mayRecord(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined ? allowNoOrigin : allowOrigins.has(origin);
  }

  const routes: Record<string, Route> = {
    [ROUTES.health]: {
      methods: ['GET', 'HEAD'],
      cors: 'public',
      limit: 'other',
      handle: async () => {
        const body: HealthResponse = { ok: true };
        return { status: 200, body };
      },
    },
    [ROUTES.counts]: {
      methods: ['GET', 'HEAD'],
      cors: 'public',
      limit: 'reads',
      handle: async ({ url }) => {
        const body: CountsResponse = { counts: await opened().get(parseIds(url)) };
        return { status: 200, headers: { 'Cache-Control': `public, max-age=${COUNTS_MAX_AGE_SECONDS}` }, body };
      },
    },
    [ROUTES.views]: {
      methods: ['POST'],
      cors: 'recording',
      limit: 'views',
      handle: async ({ req, address, network, day }) => {
        if (!mayRecord(req)) throw new HttpError(403, 'origin not allowed');
        pruneIfNewDay(day);
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
        let answer: ViewResponse;
        if (isBotAgent(userAgent)) {
          answer = { id, count: (await opened().get([id]))[id], counted: false };
        } else {
          const keys = viewKeys(await salts.get(day), { id, day, address, network, userAgent });
          answer = { id, ...(await opened().recordView(keys, viewLimits)) };
        }
        return { status: 200, body: answer };
      },
    },
  };
  if (proxy) {
    routes[ROUTES.feed] = {
      methods: ['GET', 'HEAD'],
      cors: 'public',
      limit: 'reads',
      handle: async ({ req, url }) => {
        try {
          return { ...(await proxy.respond(req, url)), raw: true };
        } catch (error) {
          if (error instanceof ProxyError) throw new HttpError(error.status, error.message, error.headers);
          throw error;
        }
      },
    };
  }
  const notFound: Route = {
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    cors: 'public',
    limit: 'other',
    handle: async ({ url }) => {
      throw new HttpError(404, url.pathname === ROUTES.feed ? 'feed proxy not enabled' : 'not found');
    },
  };

  /** The CORS headers of every answer of a route, errors included. */
  function corsHeaders(route: Route, req: IncomingMessage): Record<string, string> {
    if (route.cors === 'public') return { 'Access-Control-Allow-Origin': '*' };
    const origin = req.headers.origin;
    if (origin !== undefined && allowOrigins.has(origin))
      return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    return { Vary: 'Origin' };
  }

  async function answer(route: Route, req: IncomingMessage, url: URL): Promise<Answer> {
    if (closing) throw new HttpError(503, 'shutting down', { 'Retry-After': '1', Connection: 'close' });
    await ready;
    let address: string;
    try {
      address = clientAddress(req, trustProxy);
    } catch (error) {
      if (error instanceof AddressError) throw new HttpError(400, error.message);
      throw error;
    }
    const network = clientNetwork(address);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS' && route !== notFound) {
      await spend('other', network);
      if (route.cors === 'recording' && !mayRecord(req)) throw new HttpError(403, 'origin not allowed');
      return {
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': [...route.methods, 'OPTIONS'].join(', '),
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        },
      };
    }
    await spend(route.limit, network);
    if (!route.methods.includes(method)) {
      throw new HttpError(405, 'method not allowed', { Allow: [...route.methods, 'OPTIONS'].join(', ') });
    }
    return route.handle({ req, url, address, network, day: utcDay(now()) });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, all: boolean): Promise<boolean> {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://counter.invalid');
    } catch {
      url = new URL('http://counter.invalid/');
    }
    const ours = url.pathname === '/v1' || url.pathname.startsWith('/v1/');
    if (!ours && !all) return false;
    const route = (ours && Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined) ?? notFound;

    let reason: string | undefined;
    if (log) {
      res.once('close', () => {
        // The path only: no query (ids, feed addresses), no address, no User-Agent.
        const entry: Record<string, unknown> = {
          time: new Date(now()).toISOString(),
          method: req.method,
          path: route === notFound ? '(other)' : url.pathname,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        };
        if (reason) entry.error = reason;
        if (!res.writableFinished) entry.aborted = true;
        log(entry);
      });
    }

    let result: Answer;
    try {
      result = await answer(route, req, url);
    } catch (error) {
      if (error instanceof HttpError) {
        const body: ErrorResponse = { error: error.message };
        result = { status: error.status, headers: error.headers, body };
        reason = error.message;
      } else {
        reason = `internal: ${error instanceof Error ? error.message : String(error)}`;
        result = { status: 500, body: { error: 'internal error' } };
      }
    }
    if (res.headersSent || res.destroyed) return true;
    const headers: Record<string, string | number> = {
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...result.headers,
      ...corsHeaders(route, req),
    };
    let payload: Buffer | undefined;
    if (result.raw) payload = result.body as Buffer | undefined;
    else if (result.body !== undefined) {
      payload = Buffer.from(JSON.stringify(result.body));
      headers['Content-Type'] = JSON_TYPE;
    }
    if (payload && result.status !== 304) headers['Content-Length'] = payload.length;
    res.writeHead(result.status, headers);
    res.end(req.method === 'HEAD' || result.status === 304 ? undefined : payload);
    return true;
  }

  const track = <T>(done: Promise<T>): Promise<T> => {
    inFlight.add(done);
    done.finally(() => inFlight.delete(done)).catch(() => {});
    return done;
  };
  const handler = ((req: IncomingMessage, res: ServerResponse) => track(handle(req, res, false))) as CounterHandler;
  Object.defineProperties(handler, {
    ready: { value: ready },
    store: { get: () => store },
    answerAll: { value: (req: IncomingMessage, res: ServerResponse) => track(handle(req, res, true)).then(() => {}) },
    close: {
      value: async () => {
        closing = true;
        await Promise.allSettled([...inFlight]);
        await ready.catch(() => {});
        if (!options.store) await store?.close();
      },
    },
  });
  return handler;
}
