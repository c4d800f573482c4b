// `news-widgets-server import`: a CMS's old counts carried over; bad lines listed by number, nothing half-imported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { openStore, parseCountsCsv } from '../../../dist/server/index.js';
import { runCli, tempDir } from './support.mjs';

let tmp;
before(async () => {
  tmp = await tempDir();
});
after(() => tmp?.remove());

async function countsIn(db, ids) {
  const store = await openStore({ db });
  try {
    return { ...(await store.get(ids)) };
  } finally {
    await store.close();
  }
}

test('imports id,count lines with a header, quoted ids, CRLF, a BOM and blank lines', async () => {
  const db = path.join(tmp.dir, 'a.sqlite');
  const csv = path.join(tmp.dir, 'a.csv');
  await writeFile(csv, '\uFEFFid,count\r\nnews-1,1234\r\n"news/2",56\r\n\r\n  news-3 , 0 \r\n');
  const result = await runCli(['import', csv, '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /set 3 count\(s\)/);
  assert.deepEqual(await countsIn(db, ['news-1', 'news/2', 'news-3']), { 'news-1': 1234, 'news/2': 56, 'news-3': 0 });
});

test('sets counts again on a second import, or adds with --add', async () => {
  const db = path.join(tmp.dir, 'b.sqlite');
  const csv = path.join(tmp.dir, 'b.csv');
  await writeFile(csv, 'a,10\nb,5\n');
  assert.equal((await runCli(['import', csv, '--db', db])).code, 0);
  assert.equal((await runCli(['import', csv, '--db', db])).code, 0);
  assert.deepEqual(await countsIn(db, ['a', 'b']), { a: 10, b: 5 });
  assert.equal((await runCli(['import', csv, '--db', db, '--add'])).code, 0);
  assert.deepEqual(await countsIn(db, ['a', 'b']), { a: 20, b: 10 });
});

test('refuses the whole file when a line is bad, naming each bad line', async () => {
  const db = path.join(tmp.dir, 'c.sqlite');
  const csv = path.join(tmp.dir, 'c.csv');
  await writeFile(
    csv,
    ['id,count', 'good,1', 'bad id,2', 'good-2,-3', 'good-3', 'good-4,1.5', '"open,4', 'good,9'].join('\n'),
  );
  const result = await runCli(['import', csv, '--db', db]);
  assert.equal(result.code, 1);
  for (const line of [3, 4, 5, 6, 7, 8]) assert.match(result.stderr, new RegExp(`c\\.csv:${line}: `));
  assert.match(result.stderr, /duplicate id good \(first on line 2\)/);
  assert.match(result.stderr, /nothing imported/);
  assert.deepEqual(await countsIn(db, ['good']), { good: 0 });
});

test('--skip-invalid imports the good lines and still lists the bad ones', async () => {
  const db = path.join(tmp.dir, 'd.sqlite');
  const csv = path.join(tmp.dir, 'd.csv');
  await writeFile(csv, 'good,1\nbad id,2\ngood-2,3\n');
  const result = await runCli(['import', csv, '--db', db, '--skip-invalid']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /d\.csv:2: invalid id/);
  assert.match(result.stdout, /set 2 count\(s\).*1 invalid line\(s\) skipped/);
  assert.deepEqual(await countsIn(db, ['good', 'good-2', 'bad id'.replace(' ', '-')]), {
    good: 1,
    'good-2': 3,
    'bad-id': 0,
  });
});

test('a missing file is reported', async () => {
  const result = await runCli(['import', path.join(tmp.dir, 'none.csv'), '--db', path.join(tmp.dir, 'e.sqlite')]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no such file/);
});

test('parseCountsCsv: duplicates add up with add, counts must be safe integers', () => {
  assert.deepEqual(parseCountsCsv('a,1\na,2\n', { add: true }), { rows: [{ id: 'a', count: 3 }], errors: [] });
  const { errors } = parseCountsCsv('a,99999999999999999999\n');
  assert.equal(errors[0].line, 1);
  assert.match(errors[0].reason, /invalid count/);
  assert.deepEqual(parseCountsCsv('"a ""quoted""",1').errors.length, 1, 'a quote is not an id character');
});

test('the CLI refuses "*" as a recording origin and unknown flags, with usage', async () => {
  const star = await runCli(['serve', '--port', '0', '--db', path.join(tmp.dir, 'f.sqlite'), '--allow-origin', '*']);
  assert.equal(star.code, 2);
  assert.match(star.stderr, /cannot be an allowed origin/);
  const unknown = await runCli(['serve', '--colour']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Usage:/);
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--allow-origin/);
});
