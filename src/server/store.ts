// What the server needs of a store: the interface both stores implement, and what they share.

export const DEFAULT_DB_PATH = './.data/counts.sqlite';

/** The largest count a store keeps: beyond it a JavaScript number no longer holds every whole number. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** One view to record. Every key is an opaque HMAC under the day's salt: no address or User-Agent reaches a store. */
export interface ViewInput {
  id: string;
  /** `YYYY-MM-DD`, UTC */
  day: string;
  /** this reader of this article on this day */
  reader: string;
  /** this client network's views of this article on this day */
  articleQuota: string;
  /** this client network's new ids on this day */
  newIdQuota: string;
}

/** What one client network may add in one day; 0 turns a bound off. */
export interface ViewLimits {
  /** counted views of one article */
  viewsPerArticle: number;
  /** ids that had no count before (each one is a row kept for good) */
  newIds: number;
}

export interface ViewResult {
  /** the count after this view */
  count: number;
  /** false when the reader was already counted today, or the network's bound for the day is reached */
  counted: boolean;
}

export interface ImportRow {
  id: string;
  count: number;
}

export interface ImportOptions {
  /** add to the counts instead of setting them */
  add?: boolean;
  /** called as rows are written, for progress reports */
  onProgress?: (done: number, total: number) => void;
}

/** Thrown by an import that cannot start or must not land; nothing of it is visible. */
export class ImportError extends Error {}

/** Refuses the whole import when one count is not a whole number from 0 to MAX_COUNT. */
export function checkImportCounts(rows: ImportRow[]): void {
  for (const row of rows) {
    if (!Number.isSafeInteger(row.count) || row.count < 0) {
      throw new ImportError(`count of ${row.id} is not a whole number from 0 to ${MAX_COUNT}: ${row.count}`);
    }
  }
}

/** Runs a store's imports from this process one after another (another process's import is refused by the store). */
export function oneImportAtATime(
  importNow: (rows: ImportRow[], options?: ImportOptions) => Promise<number>,
): (rows: ImportRow[], options?: ImportOptions) => Promise<number> {
  let importing: Promise<unknown> = Promise.resolve();
  return (rows, options = {}) => {
    const run = importing.then(() => importNow(rows, options));
    importing = run.catch(() => {});
    return run;
  };
}

/** A counter store. Every method may be called concurrently. */
export interface CounterStore {
  readonly kind: 'sqlite' | 'redis';
  /** true when several processes share it (so rate limits go through it too) */
  readonly shared: boolean;
  /** Counts of these ids, 0 for unknown ones. */
  get(ids: string[]): Promise<Record<string, number>>;
  /**
   * Counts a view unless this reader was already counted for this article today, or the client network
   * reached a bound of `limits`; the seen-key, the bounds and the increment change together or not at all.
   */
  recordView(view: ViewInput, limits: ViewLimits): Promise<ViewResult>;
  /**
   * Sets (or with `add`, adds to) counts, all or nothing: rows are staged without holding up the live
   * server, then become visible at one moment. A second import at the same time fails with ImportError.
   * Resolves to the number of ids written.
   */
  importCounts(rows: ImportRow[], options?: ImportOptions): Promise<number>;
  /** The day's random 32-byte salt, made on first use. */
  daySalt(day: string): Promise<Buffer>;
  /** A random secret that outlives days, for keys of rate-limit windows (shared by processes on one Redis). */
  rateSecret(): Promise<Buffer>;
  /** Drops salts, seen-keys and bounds of days before yesterday. */
  prune(today: string): Promise<void>;
  /** The sum of all counts. */
  total(): Promise<number>;
  /** A shared fixed-window rate-limit counter (Redis only). */
  hit?(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite file (default `./.data/counts.sqlite`) */
  db?: string;
  /** Redis URL; when given, counts live there instead of SQLite */
  redis?: string;
  /** key prefix in Redis (default `news-widgets:`) */
  redisPrefix?: string;
  /** SQLite `synchronous` pragma (default normal; see store-sqlite.ts) */
  synchronous?: 'normal' | 'full';
}
