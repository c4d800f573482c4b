// The Redis store: two server processes share counts, reader dedupe, salts and rate limits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import {
  ORIGIN,
  getCounts,
  hasRedis,
  postView,
  readerUA,
  runCli,
  startRedis,
  startServer,
  tempDir,
} from './support.mjs';

const skip = hasRedis ? false : 'redis-server is not installed (apt-get install redis-server); Redis store untested';

let redis;
let servers = [];
let tmp;
before(async () => {
  if (!hasRedis) return;
  tmp = await tempDir();
  redis = await startRedis();
  const args = ['--redis', redis.url, '--allow-origin', ORIGIN, '--trust-proxy', '--quiet', '--rate-views', '40'];
  servers = await Promise.all([startServer(args), startServer(args)]);
});
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await redis?.stop();
  await tmp?.remove();
});

test('2,000 concurrent views from 2,000 readers over two processes count exactly 2,000', { skip }, async () => {
  const answers = await Promise.all(
    Array.from({ length: 2000 }, (_, n) => postView(servers[n % 2].url, 'shared-article', { reader: n })),
  );
  assert.equal(answers.filter((a) => a.status === 200 && a.json.counted).length, 2000);
  assert.equal(new Set(answers.map((a) => a.json.count)).size, 2000);
  for (const server of servers)
    assert.deepEqual(await getCounts(server.url, ['shared-article']), { 'shared-article': 2000 });
});

test('one reader counts once a day whichever process answers', { skip }, async () => {
  const answers = [];
  for (let i = 0; i < 50; i++) answers.push(await postView(servers[i % 2].url, 'shared-dedupe', { reader: 77_777 }));
  assert.equal(answers.filter((a) => a.json.counted).length, 1);
  assert.deepEqual(await getCounts(servers[0].url, ['shared-dedupe']), { 'shared-dedupe': 1 });
});

test('the rate limit is shared: 40 views a minute per address across both processes', { skip }, async () => {
  const statuses = [];
  for (let i = 0; i < 44; i++) {
    const res = await postView(servers[i % 2].url, 'shared-limit', {
      headers: { 'X-Forwarded-For': '198.51.100.200', 'User-Agent': readerUA(i) },
    });
    statuses.push(res.status);
    if (res.status === 429) assert.ok(Number(res.headers['retry-after']) >= 1);
  }
  assert.equal(statuses.filter((s) => s === 200).length, 40);
  assert.equal(statuses.filter((s) => s === 429).length, 4);
});

test('bots are not counted on Redis either', { skip }, async () => {
  const res = await postView(servers[0].url, 'shared-bot', { headers: { 'User-Agent': 'Googlebot/2.1' } });
  assert.deepEqual(res.json, { id: 'shared-bot', count: 0, counted: false });
});

test('counts imported into Redis show on both processes', { skip }, async () => {
  const file = path.join(tmp.dir, 'old.csv');
  await writeFile(file, 'id,count\nold-1,41\n"old-2",7\n');
  const result = await runCli(['import', file, '--redis', redis.url]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(await getCounts(servers[1].url, ['old-1', 'old-2']), { 'old-1': 41, 'old-2': 7 });
  assert.deepEqual((await postView(servers[0].url, 'old-1', { reader: 5 })).json, {
    id: 'old-1',
    count: 42,
    counted: true,
  });
  const added = await runCli(['import', file, '--redis', redis.url, '--add']);
  assert.equal(added.code, 0, added.stderr);
  assert.deepEqual(await getCounts(servers[1].url, ['old-1', 'old-2']), { 'old-1': 83, 'old-2': 14 });
});
