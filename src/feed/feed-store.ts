/** The last good copy of each feed in localStorage, so a returning reader sees the list in the first frame. */
import type { NewsFeed } from './types.js';

/** What is kept per feed: the parsed feed and the validators for a conditional request. */
export interface StoredFeed {
  feed: NewsFeed;
  etag?: string;
  lastModified?: string;
}

interface Entry extends StoredFeed {
  /** When it was last written (a successful load rewrites it), for least-recently-used eviction. */
  used: number;
}

// The schema version changes whenever NewsFeed does: old entries are then ignored and evicted.
const PREFIX = 'news-widgets:feed:v1:';
const MAX_FEEDS = 20;
const MAX_CHARS = 1_000_000;

/** localStorage, or undefined where it is missing or forbidden (private modes, sandboxed frames). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const revive = (key: string, value: unknown): unknown =>
  (key === 'published' || key === 'updated') && typeof value === 'string' ? new Date(value) : value;

function read(s: Storage, key: string): Entry | undefined {
  try {
    const entry = JSON.parse(s.getItem(key) ?? 'null', revive) as Entry | null;
    return entry && Array.isArray(entry.feed?.items) && typeof entry.used === 'number' ? entry : undefined;
  } catch {
    // A corrupt entry (hand-edited, truncated by a full disk) is as good as none.
    s.removeItem(key);
    return undefined;
  }
}

/** Our keys, oldest use first. */
function ours(s: Storage): { key: string; used: number; size: number }[] {
  const list = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith('news-widgets:feed:')) continue;
    const raw = s.getItem(key) ?? '';
    // Entries of older schema versions sort first, so they go first.
    const used = key.startsWith(PREFIX) ? Number(/"used":(\d+)/.exec(raw)?.[1] ?? 0) : -1;
    list.push({ key, used, size: raw.length + key.length });
  }
  return list.sort((a, b) => a.used - b.used);
}

/** What this page has read or written, so an entry (up to 1 MB of JSON) is parsed once per page, not per element. */
const parsed = new Map<string, StoredFeed | undefined>();

/** Bounded, least-recently-used, and silent about every storage failure: the network is the truth. */
export const feedStore = {
  get(id: string): StoredFeed | undefined {
    if (parsed.has(id)) return parsed.get(id);
    const s = storage();
    if (!s) return undefined;
    let entry: StoredFeed | undefined;
    try {
      entry = read(s, PREFIX + id);
    } catch {
      entry = undefined;
    }
    parsed.set(id, entry);
    return entry;
  },

  set(id: string, value: StoredFeed): void {
    parsed.delete(id);
    const s = storage();
    if (!s) return;
    const key = PREFIX + id;
    const raw = JSON.stringify({ ...value, used: Date.now() } satisfies Entry);
    if (raw.length > MAX_CHARS) return;
    try {
      const others = ours(s).filter((e) => e.key !== key);
      let total = others.reduce((n, e) => n + e.size, raw.length + key.length);
      while (others.length && (others.length >= MAX_FEEDS || total > MAX_CHARS)) {
        const oldest = others.shift()!;
        s.removeItem(oldest.key);
        parsed.delete(oldest.key.slice(PREFIX.length));
        total -= oldest.size;
      }
      s.setItem(key, raw);
      parsed.set(id, value);
    } catch {
      // Quota exceeded even after eviction: other scripts fill the storage. Keep nothing rather than half.
      try {
        s.removeItem(key);
      } catch {
        // Storage that throws on remove too: nothing more to do.
      }
    }
  },

  /** Removes every stored feed (all schema versions). */
  clear(): void {
    parsed.clear();
    const s = storage();
    if (!s) return;
    try {
      for (const { key } of ours(s)) s.removeItem(key);
    } catch {
      // As above.
    }
  },
};
