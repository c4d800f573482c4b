// The SQLite store: one file in WAL mode; views committed in groups; imports staged in short steps and switched on at once.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { previousDay } from './readers.js';
import type { CounterStore, ImportOptions, ImportRow, ViewInput, ViewLimits, ViewResult } from './store.js';
import { checkImportCounts, ImportError, MAX_COUNT, oneImportAtATime } from './store.js';

// seen: the readers counted, keyed first by their network and article (the view's articleQuota), so the
// network's views of an article are one short range of the key: counting them is a read, not a write.
// quota: the new ids each network created. import_rows holds an import's rows while it is staged and, once committed, until each is folded into
// counts. import_state has at most one row: the import in progress, its mode, and whether it is committed.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS counts (id TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seen (day TEXT NOT NULL, network TEXT NOT NULL, reader TEXT NOT NULL, PRIMARY KEY (day, network, reader)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quota (day TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS import_rows (id TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS import_state (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  mode TEXT NOT NULL CHECK (mode IN ('set', 'add')),
  state TEXT NOT NULL CHECK (state IN ('staging', 'committed')),
  owner TEXT NOT NULL,
  started INTEGER NOT NULL,
  heartbeat INTEGER NOT NULL
);
`;

/** Rows per import step: each step holds the write lock for a few milliseconds. */
const IMPORT_STEP = 2_000;
/** Pause between import steps, so that the live server's commits waiting for the lock go first. */
const IMPORT_PAUSE_MS = 4;
/** Import steps between two checkpoints of the WAL by the importer. */
const CHECKPOINT_EVERY = 16;
/** An import whose owner has not written for this long is abandoned. */
const IMPORT_STALE_MS = 60_000;
/** Rows per prune step. */
const PRUNE_STEP = 5_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a write keeps trying for the lock before it fails. */
const BUSY_GIVE_UP_MS = 10_000;

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code));

/** Runs a write, retrying every millisecond while another connection holds the lock. */
async function whenFree<T>(write: () => T): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > BUSY_GIVE_UP_MS) throw error;
    }
    await pause(1);
  }
}

/** Whether a process of this machine still runs. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Opens (creating if needed) the SQLite store.
 *
 * Durability: WAL with `synchronous=NORMAL` by default. A commit in WAL mode is a write() of the
 * transaction's pages to the -wal file before the call returns, so once a view is acknowledged it is
 * in the operating system's page cache and survives the process being killed (SIGKILL, a crash, an
 * out-of-memory kill). Only an operating-system crash or power loss before the next checkpoint's
 * fsync can lose the last commits; that is the trade for not fsyncing on every view, which would cap
 * a disk at a few hundred to a few thousand views per second. `synchronous: 'full'` fsyncs every
 * commit for those who need to survive power loss too.
 */
export async function openSqliteStore({
  path: file,
  synchronous = 'normal',
}: {
  path: string;
  synchronous?: 'normal' | 'full';
}): Promise<CounterStore> {
  let Database: typeof BetterSqlite3;
  try {
    ({ default: Database } = await import('better-sqlite3'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(
        'The SQLite store needs the better-sqlite3 package: npm install better-sqlite3 (or run with --redis URL and npm install redis)',
      );
    }
    throw error;
  }
  if (!['normal', 'full'].includes(synchronous))
    throw new Error(`synchronous must be normal or full, not ${String(synchronous)}`);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const db: SqliteDatabase = new Database(file);
  db.pragma('busy_timeout = 5000'); // opening may meet a lock: wait for it this once
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  // Before the article bound, seen was keyed (day, reader): those keys serve no day after this one.
  const seenColumns = db.prepare("SELECT name FROM pragma_table_info('seen')").pluck().all();
  if (seenColumns.length && !seenColumns.includes('network')) db.exec('DROP TABLE seen');
  db.exec(SCHEMA);
  // Never wait for the write lock inside SQLite: its busy handler sleeps with the event loop blocked,
  // and backs off in ever longer sleeps that can miss the moment the lock is free. Writes that find the
  // lock taken (by an import in another process) are retried from the event loop instead, every
  // millisecond, while the server goes on answering everything else.
  db.pragma('busy_timeout = 0');
  // SQLite adds integers past 2^63 as floats; counts never go past MAX_COUNT, so that never happens here.
  const MAX = String(MAX_COUNT);

  // Reads see a committed import at once, through its rows not yet folded into counts.
  const selectMany = db
    .prepare(
      `SELECT j.value AS id, c.count AS count, p.value AS value, s.mode AS mode
       FROM json_each(?) j
       LEFT JOIN counts c ON c.id = j.value
       LEFT JOIN import_state s ON s.state = 'committed'
       LEFT JOIN import_rows p ON p.id = j.value AND s.state = 'committed'`,
    )
    .raw();
  const selectOne = db.prepare('SELECT count FROM counts WHERE id = ?').pluck();
  const bump = db.prepare(`UPDATE counts SET count = MIN(count + 1, ${MAX}) WHERE id = ? RETURNING count`).pluck();
  const insertOne = db.prepare('INSERT INTO counts (id, count) VALUES (?, 1)');
  const markSeen = db.prepare('INSERT INTO seen (day, network, reader) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const unmarkSeen = db.prepare('DELETE FROM seen WHERE day = ? AND network = ? AND reader = ?');
  // One statement for the bound and the seen-key: nothing is inserted when the network has had its views
  // of the article today, or when this reader is already among them.
  const markSeenWithin = db.prepare(
    `INSERT INTO seen (day, network, reader) SELECT @day, @network, @reader
     WHERE (SELECT count(*) FROM seen WHERE day = @day AND network = @network) < @limit ON CONFLICT DO NOTHING`,
  );
  const takeQuota = db
    .prepare(
      'INSERT INTO quota (day, key, n) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1 WHERE n < ? RETURNING n',
    )
    .pluck();
  const committedMode = db.prepare("SELECT mode FROM import_state WHERE state = 'committed'").pluck();
  const pendingValue = db.prepare('SELECT value FROM import_rows WHERE id = ?').pluck();
  const dropPending = db.prepare('DELETE FROM import_rows WHERE id = ?');
  const setCount = db.prepare(
    'INSERT INTO counts (id, count) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET count = excluded.count',
  );
  const addCount = db.prepare(
    `INSERT INTO counts (id, count) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET count = MIN(count + excluded.count, ${MAX})`,
  );
  const insertSalt = db.prepare('INSERT INTO salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const selectSalt = db.prepare('SELECT salt FROM salts WHERE day = ?').pluck();
  const selectTotal = db
    .prepare(
      `SELECT COALESCE((SELECT SUM(count) FROM counts), 0)
        + COALESCE((SELECT SUM(CASE WHEN s.mode = 'add' THEN p.value ELSE p.value - COALESCE(c.count, 0) END)
                    FROM import_state s JOIN import_rows p LEFT JOIN counts c ON c.id = p.id
                    WHERE s.state = 'committed'), 0)`,
    )
    .pluck();

  /** Folds one committed import row into counts (the row goes, so folding twice is impossible). */
  const fold = (id: string, mode: string) => {
    const value = pendingValue.get(id) as number | undefined;
    if (value === undefined) return;
    (mode === 'add' ? addCount : setCount).run(id, value);
    dropPending.run(id);
  };

  // The seen-key, the network's bounds and the increment commit together or not at all. The common
  // path costs one write more than no bound at all: a short range read of the network's views.
  const recordOne = (view: ViewInput, limits: ViewLimits, mode: string | undefined): ViewResult => {
    const { id, day } = view;
    if (mode) fold(id, mode);
    const current = () => (selectOne.get(id) as number | undefined) ?? 0;
    const marked = limits.viewsPerArticle
      ? markSeenWithin.run({ day, network: view.articleQuota, reader: view.reader, limit: limits.viewsPerArticle })
      : markSeen.run(day, view.articleQuota, view.reader);
    if (marked.changes === 0) return { count: current(), counted: false };
    const count = bump.get(id) as number | undefined;
    if (count !== undefined) return { count, counted: true };
    if (limits.newIds && takeQuota.get(day, view.newIdQuota, limits.newIds) === undefined) {
      unmarkSeen.run(day, view.articleQuota, view.reader);
      return { count: 0, counted: false };
    }
    insertOne.run(id);
    return { count: 1, counted: true };
  };

  interface Queued {
    view: ViewInput;
    limits: ViewLimits;
    resolve: (result: ViewResult) => void;
    reject: (error: unknown) => void;
  }
  // Group commit: views that arrive in the same turn of the event loop share one transaction, and
  // each is answered only after that transaction has committed. A commit costs more than the rows in
  // it, so under load this about halves the store's time per view; alone, a view waits no longer.
  const recordBatch = db.transaction((batch: Queued[]) => {
    const mode = committedMode.get() as string | undefined;
    return batch.map((item) => recordOne(item.view, item.limits, mode));
  });
  let queue: Queued[] = [];
  let busySince = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  const flush = () => {
    retryTimer = undefined;
    const batch = queue;
    queue = [];
    if (!batch.length) return;
    let results: ViewResult[];
    try {
      results = recordBatch.immediate(batch);
    } catch (error) {
      if (isBusy(error) && (busySince ||= Date.now()) > Date.now() - BUSY_GIVE_UP_MS) {
        // The lock is taken: these views wait (with any that arrive meanwhile) and go in the next try.
        queue = batch.concat(queue);
        retryTimer = setTimeout(flush, 1);
        return;
      }
      busySince = 0;
      for (const item of batch) item.reject(error);
      return;
    }
    busySince = 0;
    batch.forEach((item, i) => item.resolve(results[i]));
  };

  const saltFor = db.transaction((day: string) => {
    insertSalt.run(day, randomBytes(32));
    return selectSalt.get(day) as Buffer;
  });
  const rateSecret = randomBytes(32);

  // ---- import: claim, stage, check, commit, fold ----
  const owner = `${os.hostname()}:${process.pid}`;
  const selectState = db.prepare('SELECT mode, state, owner, started, heartbeat FROM import_state WHERE only = 1');
  const insertState = db.prepare(
    "INSERT INTO import_state (only, mode, state, owner, started, heartbeat) VALUES (1, ?, 'staging', ?, ?, ?)",
  );
  const beat = db.prepare('UPDATE import_state SET heartbeat = ? WHERE owner = ?');
  const adopt = db.prepare('UPDATE import_state SET owner = ?, heartbeat = ? WHERE only = 1');
  const commitState = db.prepare("UPDATE import_state SET state = 'committed' WHERE owner = ? AND state = 'staging'");
  const dropState = db.prepare('DELETE FROM import_state WHERE owner = ?');
  const stageRow = db.prepare('INSERT INTO import_rows (id, value) VALUES (?, ?)');
  const someStaged = db.prepare('SELECT id, value FROM import_rows LIMIT ?').raw();
  const dropSomeStaged = db.prepare(
    'DELETE FROM import_rows WHERE id IN (SELECT id FROM import_rows LIMIT ?) RETURNING id',
  );
  const overflows = db
    .prepare(
      `SELECT p.id, c.count, p.value FROM import_rows p JOIN counts c ON c.id = p.id
       WHERE c.count > ${MAX} - p.value LIMIT 10`,
    )
    .raw();

  interface StateRow {
    mode: 'set' | 'add';
    state: 'staging' | 'committed';
    owner: string;
    started: number;
    heartbeat: number;
  }
  const isAbandoned = (state: StateRow) => {
    const [host, pid] = [state.owner.slice(0, state.owner.lastIndexOf(':')), Number(state.owner.split(':').pop())];
    if (host === os.hostname() && !processAlive(pid)) return true;
    return Date.now() - state.heartbeat > IMPORT_STALE_MS;
  };

  /** Claims the import slot; an abandoned staged import is cleared, an abandoned committed one finished. */
  const claim = db.transaction((mode: 'set' | 'add'): StateRow | undefined => {
    const state = selectState.get() as StateRow | undefined;
    if (state && !isAbandoned(state)) {
      throw new ImportError(
        `another import into this database is running (process ${state.owner}, started ${new Date(state.started).toISOString()}); run this one when it has finished`,
      );
    }
    if (state) {
      adopt.run(owner, Date.now());
      return state;
    }
    insertState.run(mode, owner, Date.now(), Date.now());
    return undefined;
  });
  const stageStep = db.transaction((rows: ImportRow[], from: number, to: number) => {
    for (let i = from; i < to; i++) stageRow.run(rows[i].id, rows[i].count);
    beat.run(Date.now(), owner);
  });
  const foldStep = db.transaction((mode: string) => {
    const rows = someStaged.all(IMPORT_STEP) as [string, number][];
    for (const [id, value] of rows) {
      (mode === 'add' ? addCount : setCount).run(id, value);
      dropPending.run(id);
    }
    beat.run(Date.now(), owner);
    return rows.length;
  });
  const clearStep = db.transaction(() => dropSomeStaged.all(IMPORT_STEP).length);

  // The importer checkpoints the WAL itself every few steps: otherwise the live server's next commit past
  // the WAL's size limit would copy the import's pages into the database while a view waits for it. Not
  // after every step: a checkpoint syncs the database file.
  let steps = 0;
  const afterStep = () => {
    if (++steps % CHECKPOINT_EVERY === 0) db.pragma('wal_checkpoint(PASSIVE)');
    return pause(IMPORT_PAUSE_MS);
  };
  async function foldAll(mode: string) {
    while ((await whenFree(() => foldStep.immediate(mode))) > 0) await afterStep();
  }
  async function clearStaged() {
    while ((await whenFree(() => clearStep.immediate())) > 0) await pause(IMPORT_PAUSE_MS);
  }

  // Another process's import is refused (see claim).
  const importCounts = oneImportAtATime(importNow);

  async function importNow(rows: ImportRow[], { add = false, onProgress }: ImportOptions = {}) {
    checkImportCounts(rows);
    const mode = add ? 'add' : 'set';
    const left = await whenFree(() => claim.immediate(mode));
    try {
      if (left?.state === 'committed') await foldAll(left.mode);
      if (left) {
        await clearStaged();
        await whenFree(() => {
          dropState.run(owner);
          insertState.run(mode, owner, Date.now(), Date.now());
        });
      }
      for (let from = 0; from < rows.length; from += IMPORT_STEP) {
        const to = Math.min(rows.length, from + IMPORT_STEP);
        await whenFree(() => stageStep.immediate(rows, from, to));
        onProgress?.(to, rows.length);
        await afterStep();
      }
      if (add) {
        const over = overflows.all() as [string, number, number][];
        if (over.length) {
          throw new ImportError(
            `adding would take counts past ${MAX}: ${over.map(([id, count, value]) => `${id} (${count} + ${value})`).join(', ')}`,
          );
        }
      }
      // The moment the whole import becomes visible, to the server and to readers, in one small commit.
      if ((await whenFree(() => commitState.run(owner))).changes !== 1) {
        throw new ImportError('the import was taken over by another one');
      }
    } catch (error) {
      await clearStaged();
      await whenFree(() => dropState.run(owner));
      throw error;
    }
    await foldAll(mode);
    await whenFree(() => dropState.run(owner));
    return rows.length;
  }

  const pruneSeen = db.prepare(
    'DELETE FROM seen WHERE (day, network, reader) IN (SELECT day, network, reader FROM seen WHERE day < ? LIMIT ?)',
  );
  const pruneQuota = db.prepare(
    'DELETE FROM quota WHERE (day, key) IN (SELECT day, key FROM quota WHERE day < ? LIMIT ?)',
  );
  const pruneSalts = db.prepare('DELETE FROM salts WHERE day < ?');

  return {
    kind: 'sqlite',
    shared: false,
    async get(ids) {
      const counts: Record<string, number> = Object.create(null);
      for (const id of ids) counts[id] = 0;
      for (const [id, count, value, mode] of selectMany.all(JSON.stringify(ids)) as [
        string,
        number | null,
        number | null,
        string | null,
      ][]) {
        counts[id] = value === null ? (count ?? 0) : mode === 'add' ? Math.min((count ?? 0) + value, MAX_COUNT) : value;
      }
      return counts;
    },
    recordView(view, limits) {
      return new Promise((resolve, reject) => {
        if (!queue.length && !retryTimer) setImmediate(flush);
        queue.push({ view, limits, resolve, reject });
      });
    },
    importCounts,
    async daySalt(day) {
      return Buffer.from(await whenFree(() => saltFor(day)));
    },
    async rateSecret() {
      return rateSecret;
    },
    async prune(today) {
      // In steps, so a day's millions of seen-keys never hold the live server up for long.
      const keepFrom = previousDay(today);
      await whenFree(() => pruneSalts.run(keepFrom));
      while ((await whenFree(() => pruneSeen.run(keepFrom, PRUNE_STEP))).changes > 0) await pause(IMPORT_PAUSE_MS);
      while ((await whenFree(() => pruneQuota.run(keepFrom, PRUNE_STEP))).changes > 0) await pause(IMPORT_PAUSE_MS);
    },
    async total() {
      return selectTotal.get() as number;
    },
    async close() {
      clearTimeout(retryTimer);
      while (queue.length) {
        flush();
        if (queue.length) await pause(1);
      }
      if (db.open) db.close();
    },
  };
}
