// SQLite under load in a real server process: concurrent readers all counted, nothing acknowledged lost to SIGKILL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ORIGIN, getCounts, postView, startServer, tempDir } from './support.mjs';

let tmp;
before(async () => {
  tmp = await tempDir();
});
after(() => tmp?.remove());

const serverArgs = (db) => ['--db', db, '--allow-origin', ORIGIN, '--trust-proxy', '--quiet'];

test('2,000 concurrent views from 2,000 readers count exactly 2,000', async () => {
  const server = await startServer(serverArgs(path.join(tmp.dir, 'concurrent.sqlite')));
  try {
    const answers = await Promise.all(
      Array.from({ length: 2000 }, (_, n) => postView(server.url, 'busy-article', { reader: n })),
    );
    assert.equal(answers.filter((a) => a.status === 200 && a.json.counted).length, 2000);
    // Every answer carries a distinct count after its own view: no two increments saw the same value.
    assert.equal(new Set(answers.map((a) => a.json.count)).size, 2000);
    assert.deepEqual(await getCounts(server.url, ['busy-article']), { 'busy-article': 2000 });
  } finally {
    await server.stop();
  }
});

test('a server killed with SIGKILL mid-load keeps every acknowledged view after restart', async () => {
  const db = path.join(tmp.dir, 'killed.sqlite');
  const server = await startServer(serverArgs(db));
  let acknowledged = 0;
  let sent = 0;
  let failed = 0;
  let stop = false;
  const worker = async (w) => {
    for (let i = 0; !stop; i++) {
      sent += 1;
      try {
        const res = await postView(server.url, 'killed-article', { reader: w * 100_000 + i });
        if (res.status === 200 && res.json.counted) acknowledged += 1;
      } catch {
        failed += 1;
        return;
      }
    }
  };
  const workers = Array.from({ length: 32 }, (_, w) => worker(w));
  while (acknowledged < 1500) await new Promise((r) => setTimeout(r, 5));
  await server.kill();
  stop = true;
  await Promise.all(workers);
  const unanswered = sent - acknowledged;
  assert.ok(failed > 0, 'some requests were in flight when the server died');

  const restarted = await startServer(serverArgs(db));
  try {
    const { 'killed-article': count } = await getCounts(restarted.url, ['killed-article']);
    assert.ok(count >= acknowledged, `count ${count} >= acknowledged ${acknowledged}`);
    assert.ok(count <= acknowledged + unanswered, `count ${count} <= sent ${sent}`);
    // The store accepted exactly `count` views: one remembered reader per counted view, no more, no fewer.
    const file = new Database(db, { readonly: true });
    const readers = file.prepare('SELECT COUNT(*) FROM seen').pluck().get();
    file.close();
    assert.equal(readers, count);
  } finally {
    await restarted.stop();
  }
});

test('SIGTERM lets requests in progress finish, then exits 0', async () => {
  const db = path.join(tmp.dir, 'term.sqlite');
  const server = await startServer(serverArgs(db));
  const pending = Array.from({ length: 200 }, (_, n) =>
    postView(server.url, 'term-article', { reader: n }).catch(() => null),
  );
  await new Promise((r) => setTimeout(r, 20));
  const code = await server.stop();
  const answers = await Promise.all(pending);
  assert.equal(code, 0);
  const acknowledged = answers.filter((a) => a?.status === 200 && a.json.counted).length;
  const restarted = await startServer(serverArgs(db));
  try {
    assert.deepEqual(await getCounts(restarted.url, ['term-article']), { 'term-article': acknowledged });
  } finally {
    await restarted.stop();
  }
});
