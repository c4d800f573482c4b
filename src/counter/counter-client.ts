/** Client of the counter protocol v1: one batched GET for every counter on a page, one POST per recorded view. */
import type { CountsResponse, ViewRequest, ViewResponse } from '../protocol/counter-protocol.js';
import { COUNTS_MAX_AGE_SECONDS, MAX_IDS, ROUTES, isCounterId } from '../protocol/counter-protocol.js';

export { isCounterId } from '../protocol/counter-protocol.js';

/** At most this many ids in one GET (the protocol's limit). */
export const MAX_IDS_PER_REQUEST = MAX_IDS;
/** Counts read within this many milliseconds are reused rather than asked for again (the server's cache time). */
const FRESH_MS = COUNTS_MAX_AGE_SECONDS * 1000;
const STORAGE_PREFIX = 'news-widgets:counter:';

/**
 * The id a counter server stores for an article. Feed ids are often URLs or tag URIs with characters the
 * protocol does not allow (`?`, `,`, `%`, ...) or more than 128 characters: those become `h-` and a 64-bit hash
 * of the id, the same in every browser.
 */
export function counterKey(id: string): string {
  if (isCounterId(id)) return id;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `h-${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

interface Known {
  count: number;
  at: number;
}

/**
 * Talks to one counter server. Reads from every counter on the page made in the same task are joined into one
 * request; each article's view is recorded at most once per browser session (kept in sessionStorage: no cookies).
 * Nothing here throws or rejects: an unreachable server means "no count", and the last known count stays.
 */
export class CounterClient {
  readonly endpoint: string;
  private readonly known = new Map<string, Known>();
  private readonly waiting = new Map<string, ((count: number | undefined) => void)[]>();
  private readonly recording = new Map<string, Promise<number | undefined>>();
  private flushScheduled = false;

  constructor(endpoint: string) {
    this.endpoint = endpoint.replace(/\/+$/, '');
  }

  /** The page's client for `endpoint` (shared by every counter, also across copies of the library). */
  static for(endpoint: string): CounterClient {
    const clients = ((globalThis as Record<symbol, Map<string, CounterClient>>)[Symbol.for('news-widgets.counters')] ??=
      new Map());
    const key = new URL(endpoint, document.baseURI).href.replace(/\/+$/, '');
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new CounterClient(key)));
    return client;
  }

  /** The last count this page knows for `id`, without asking (also from an earlier page of this session). */
  lastKnown(articleId: string): number | undefined {
    const id = counterKey(articleId);
    return this.known.get(id)?.count ?? readStored(this.storageKey(id));
  }

  /** The count of `id`, asked for together with every other id requested in the same task. */
  count(articleId: string): Promise<number | undefined> {
    const id = counterKey(articleId);
    const known = this.known.get(id);
    if (known && Date.now() - known.at < FRESH_MS) return Promise.resolve(known.count);
    return new Promise((resolve) => {
      const list = this.waiting.get(id);
      if (list) list.push(resolve);
      else this.waiting.set(id, [resolve]);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setTimeout(() => this.flush(), 0);
      }
    });
  }

  /** Whether this browser session already recorded a view of `id`. */
  hasRecorded(articleId: string): boolean {
    const id = counterKey(articleId);
    return sessionGet(this.storageKey(id, 'viewed')) === '1';
  }

  /**
   * Records one view of `id` unless this session already did; resolves to the count after it when the server
   * answers, else to the last known count. A view the server did not accept may be recorded again later.
   */
  recordView(articleId: string): Promise<number | undefined> {
    const id = counterKey(articleId);
    if (this.hasRecorded(id)) return this.count(id);
    let pending = this.recording.get(id);
    if (!pending) {
      pending = this.postView(id).finally(() => this.recording.delete(id));
      this.recording.set(id, pending);
    }
    return pending;
  }

  private async postView(id: string): Promise<number | undefined> {
    try {
      // text/plain keeps it a simple request (no CORS preflight, as with sendBeacon); keepalive lets it finish
      // when the reader leaves the page at once, and unlike a beacon its answer carries the new count.
      const request: ViewRequest = { id };
      const response = await fetch(`${this.endpoint}${ROUTES.views}`, {
        method: 'POST',
        body: JSON.stringify(request),
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        keepalive: true,
        credentials: 'omit',
      });
      if (!response.ok) return this.count(id);
      sessionSet(this.storageKey(id, 'viewed'), '1');
      const data = (await response.json()) as Partial<ViewResponse>;
      if (typeof data.count === 'number') this.remember(id, data.count);
      return this.lastKnown(id);
    } catch {
      return this.lastKnown(id);
    }
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const ids = [...this.waiting.keys()];
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) batches.push(ids.slice(i, i + MAX_IDS_PER_REQUEST));
    await Promise.all(batches.map((batch) => this.fetchCounts(batch)));
  }

  private async fetchCounts(ids: string[]): Promise<void> {
    const resolvers = ids.map((id) => {
      const list = this.waiting.get(id) ?? [];
      this.waiting.delete(id);
      return list;
    });
    try {
      const query = ids.map(encodeURIComponent).join(',');
      const response = await fetch(`${this.endpoint}${ROUTES.counts}?ids=${query}`, { credentials: 'omit' });
      if (response.ok) {
        const { counts } = (await response.json()) as Partial<CountsResponse>;
        for (const id of ids) {
          const count = counts?.[id];
          if (typeof count === 'number') this.remember(id, count);
        }
      }
    } catch {
      // Unreachable server: every counter keeps its last known count.
    }
    ids.forEach((id, i) => resolvers[i].forEach((resolve) => resolve(this.lastKnown(id))));
  }

  private remember(id: string, count: number): void {
    this.known.set(id, { count, at: Date.now() });
    sessionSet(this.storageKey(id), String(count));
  }

  private storageKey(id: string, kind = 'count'): string {
    return `${STORAGE_PREFIX}${kind}:${this.endpoint}:${id}`;
  }
}

// sessionStorage can be missing or throw (privacy modes, sandboxed frames): then this page alone remembers.
const memory = new Map<string, string>();
function sessionGet(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}
function sessionSet(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}
function readStored(key: string): number | undefined {
  const value = Number(sessionGet(key) ?? NaN);
  return Number.isFinite(value) ? value : undefined;
}
