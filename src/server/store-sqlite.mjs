// The SQLite store: one file in WAL mode, each view one small transaction (seen-key + atomic upsert).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { previousDay } from './readers.mjs';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS counts (id TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seen (day TEXT NOT NULL, reader TEXT NOT NULL, PRIMARY KEY (day, reader)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL) WITHOUT ROWID;
`;

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
 *
 * @param {{ path: string, synchronous?: 'normal' | 'full' }} options
 * @returns {Promise<import('./store.mjs').CounterStore>}
 */
export async function openSqliteStore({ path: file, synchronous = 'normal' }) {
  let Database;
  try {
    ({ default: Database } = await import('better-sqlite3'));
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(
        'The SQLite store needs the better-sqlite3 package: npm install better-sqlite3 (or run with --redis URL and npm install redis)',
      );
    }
    throw error;
  }
  if (!['normal', 'full'].includes(synchronous))
    throw new Error(`synchronous must be normal or full, not ${synchronous}`);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  // The import command may write while a server runs on the same file: wait for the lock, don't fail.
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const selectMany = db.prepare('SELECT id, count FROM counts WHERE id IN (SELECT value FROM json_each(?))').raw();
  const selectOne = db.prepare('SELECT count FROM counts WHERE id = ?').pluck();
  const increment = db
    .prepare(
      'INSERT INTO counts (id, count) VALUES (?, 1) ON CONFLICT(id) DO UPDATE SET count = count + 1 RETURNING count',
    )
    .pluck();
  const markSeen = db.prepare('INSERT INTO seen (day, reader) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const setCount = db.prepare(
    'INSERT INTO counts (id, count) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET count = excluded.count',
  );
  const addCount = db.prepare(
    'INSERT INTO counts (id, count) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET count = count + excluded.count',
  );
  const insertSalt = db.prepare('INSERT INTO salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const selectSalt = db.prepare('SELECT salt FROM salts WHERE day = ?').pluck();
  const dropSalts = db.prepare('DELETE FROM salts WHERE day < ?');
  const dropSeen = db.prepare('DELETE FROM seen WHERE day < ?');
  const selectTotal = db.prepare('SELECT COALESCE(SUM(count), 0) FROM counts').pluck();

  // The seen-key and the increment commit together or not at all: a view is either counted and
  // remembered, or neither.
  const recordOne = (id, reader, day) => {
    if (reader != null && markSeen.run(day, reader).changes === 0) {
      return { count: selectOne.get(id) ?? 0, counted: false };
    }
    return { count: increment.get(id), counted: true };
  };
  // Group commit: views that arrive in the same turn of the event loop share one transaction, and
  // each is answered only after that transaction has committed. A commit costs more than the rows in
  // it, so under load this about halves the store's time per view; alone, a view waits no longer.
  const recordBatch = db.transaction((batch) => batch.map((view) => recordOne(view.id, view.reader, view.day)));
  /** @type {{ id: string, reader: string | null, day: string, resolve: (r: { count: number, counted: boolean }) => void, reject: (e: unknown) => void }[]} */
  let queue = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    if (!batch.length) return;
    let results;
    try {
      results = recordBatch(batch);
    } catch (error) {
      for (const view of batch) view.reject(error);
      return;
    }
    batch.forEach((view, i) => view.resolve(results[i]));
  };
  const importRows = db.transaction((rows, add) => {
    const statement = add ? addCount : setCount;
    for (const { id, count } of rows) statement.run(id, count);
    return rows.length;
  });
  const saltFor = db.transaction((day) => {
    insertSalt.run(day, randomBytes(32));
    return selectSalt.get(day);
  });
  const prune = db.transaction((today) => {
    const keepFrom = previousDay(today);
    dropSalts.run(keepFrom);
    dropSeen.run(keepFrom);
  });

  return {
    kind: 'sqlite',
    shared: false,
    async get(ids) {
      /** @type {Record<string, number>} */
      const counts = Object.create(null);
      for (const id of ids) counts[id] = 0;
      for (const [id, count] of selectMany.all(JSON.stringify(ids))) counts[id] = count;
      return counts;
    },
    recordView(id, reader, day) {
      return new Promise((resolve, reject) => {
        if (!queue.length) setImmediate(flush);
        queue.push({ id, reader, day, resolve, reject });
      });
    },
    async importCounts(rows, { add = false } = {}) {
      return importRows(rows, add);
    },
    async daySalt(day) {
      return Buffer.from(saltFor(day));
    },
    async prune(today) {
      prune(today);
    },
    async total() {
      return selectTotal.get();
    },
    async close() {
      flush();
      if (db.open) db.close();
    },
  };
}
