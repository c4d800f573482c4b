// Counter protocol v1 on SQLite: answers, dedupe, bad requests, CORS, bots, rate limits, privacy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import Database from 'better-sqlite3';
import { createCounterServer, createHandler } from '../../../dist/server/index.js';
import { BROWSER_UA, ORIGIN, getCounts, postView, readerIP, readerUA, request, tempDir } from './support.mjs';

let tmp;
let counter;
let base;
/** @type {Record<string, unknown>[]} */
const logged = [];

before(async () => {
  tmp = await tempDir();
  counter = createCounterServer({
    db: path.join(tmp.dir, 'counts.sqlite'),
    allowOrigins: [ORIGIN, 'https://partner.example'],
    trustProxy: true,
    log: (entry) => logged.push(entry),
  });
  ({ url: base } = await counter.listen(0));
});
after(async () => {
  await counter?.close();
  await tmp?.remove();
});

describe('reading counts', () => {
  test('health answers ok, readable from any page', async () => {
    const res = await request(`${base}/v1/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { ok: true });
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });

  test('unknown ids count 0, in one cacheable answer', async () => {
    const res = await request(`${base}/v1/counts?ids=never-seen,also/never:seen`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { counts: { 'never-seen': 0, 'also/never:seen': 0 } });
    assert.equal(res.headers['cache-control'], 'public, max-age=30');
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['content-type'], /^application\/json/);
  });

  test('100 ids are fine, 101 are refused', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const ok = await request(`${base}/v1/counts?ids=${ids.slice(0, 100).join(',')}`);
    assert.equal(ok.status, 200);
    assert.equal(Object.keys(ok.json.counts).length, 100);
    const tooMany = await request(`${base}/v1/counts?ids=${ids.join(',')}`);
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.json.error, /too many ids/);
  });

  test('ids of every allowed character, __proto__ included, are plain keys', async () => {
    const ids = ['__proto__', 'constructor', 'news/2024:05.item_1-a', 'x'.repeat(128)];
    assert.equal((await postView(base, '__proto__', { reader: 3 })).json.count, 1);
    assert.deepEqual(await getCounts(base, ids), {
      ['__proto__']: 1,
      constructor: 0,
      'news/2024:05.item_1-a': 0,
      ['x'.repeat(128)]: 0,
    });
  });

  test('OPTIONS on counts is a public preflight', async () => {
    const res = await request(`${base}/v1/counts`, { method: 'OPTIONS', headers: { Origin: 'https://any.example' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });
});

describe('recording views', () => {
  test('a view is counted and answered with the count after it', async () => {
    const first = await postView(base, 'article-1', { reader: 1 });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, { id: 'article-1', count: 1, counted: true });
    assert.equal(first.headers['access-control-allow-origin'], ORIGIN);
    assert.equal(first.headers['cache-control'], 'no-store');
    const second = await postView(base, 'article-1', { reader: 2 });
    assert.deepEqual(second.json, { id: 'article-1', count: 2, counted: true });
    assert.deepEqual(await getCounts(base, ['article-1']), { 'article-1': 2 });
  });

  test('50 views from one reader in a day count once', async () => {
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await postView(base, 'article-dedupe', { reader: 7 }));
    assert.equal(answers.filter((a) => a.json.counted).length, 1);
    assert.ok(answers.every((a) => a.status === 200 && a.json.count === 1));
    assert.deepEqual(await getCounts(base, ['article-dedupe']), { 'article-dedupe': 1 });
  });

  test('the same reader counts again on another article, and another reader on the same one', async () => {
    assert.equal((await postView(base, 'article-dedupe-2', { reader: 7 })).json.counted, true);
    assert.equal((await postView(base, 'article-dedupe', { reader: 8 })).json.counted, true);
  });

  test('a changed User-Agent or address is another reader', async () => {
    const ua = await postView(base, 'article-ua', {
      headers: { 'User-Agent': BROWSER_UA, 'X-Forwarded-For': '198.51.1.1' },
    });
    const ua2 = await postView(base, 'article-ua', {
      headers: { 'User-Agent': BROWSER_UA + ' x', 'X-Forwarded-For': '198.51.1.1' },
    });
    const ip2 = await postView(base, 'article-ua', {
      headers: { 'User-Agent': BROWSER_UA, 'X-Forwarded-For': '198.51.1.2' },
    });
    assert.deepEqual([ua.json.counted, ua2.json.counted, ip2.json.counted], [true, true, true]);
  });

  test('accepts application/json and ignores unknown fields', async () => {
    const res = await postView(base, 'article-json', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'article-json', referrer: 'x', n: 1 }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { id: 'article-json', count: 1, counted: true });
  });

  test('a preflight from an allowed origin is answered, from another refused', async () => {
    const ok = await request(`${base}/v1/views`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers['access-control-allow-origin'], 'https://partner.example');
    assert.match(ok.headers['access-control-allow-methods'], /POST/);
    const no = await request(`${base}/v1/views`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    assert.equal(no.status, 403);
    assert.equal(no.headers['access-control-allow-origin'], undefined);
  });
});

describe('bad requests change nothing', () => {
  const long = 'a'.repeat(129);
  const cases = [
    ['counts without ids', { path: '/v1/counts' }, 400],
    ['counts with an empty id', { path: '/v1/counts?ids=a,,b' }, 400],
    ['counts with a bad character', { path: '/v1/counts?ids=a%20b' }, 400],
    ['counts with an id of 129 characters', { path: `/v1/counts?ids=${long}` }, 400],
    ['counts by POST', { path: '/v1/counts?ids=a', method: 'POST' }, 405, 'GET, HEAD, OPTIONS'],
    ['views by GET', { path: '/v1/views', method: 'GET' }, 405, 'POST, OPTIONS'],
    ['views by PUT', { path: '/v1/views', method: 'PUT', view: true }, 405, 'POST, OPTIONS'],
    ['health by DELETE', { path: '/v1/health', method: 'DELETE' }, 405, 'GET, HEAD, OPTIONS'],
    ['an unknown route', { path: '/v1/nothing' }, 404],
    ['malformed JSON', { view: true, body: '{"id": "bad-target"' }, 400],
    ['an empty body', { view: true, body: '' }, 400],
    ['a JSON array', { view: true, body: '["bad-target"]' }, 400],
    ['JSON null', { view: true, body: 'null' }, 400],
    ['a missing id', { view: true, body: '{"article":"bad-target"}' }, 400],
    ['a numeric id', { view: true, body: '{"id":12}' }, 400],
    ['an id that is an object', { view: true, body: '{"id":{"id":"bad-target"}}' }, 400],
    ['an empty id', { view: true, body: '{"id":""}' }, 400],
    ['an id of 129 characters', { view: true, body: JSON.stringify({ id: long }) }, 400],
    ['an id with a space', { view: true, body: '{"id":"bad target"}' }, 400],
    ['an id with a question mark', { view: true, body: '{"id":"bad-target?x"}' }, 400],
    ['an id with a non-ASCII letter', { view: true, body: '{"id":"bad-targét"}' }, 400],
    ['a body of 1 MB', { view: true, body: JSON.stringify({ id: 'bad-target', pad: 'x'.repeat(1 << 20) }) }, 413],
    ['a body just over 1 KB', { view: true, body: JSON.stringify({ id: 'bad-target', pad: 'x'.repeat(1010) }) }, 413],
    ['a form body', { view: true, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415],
    ['a disallowed origin', { view: true, headers: { Origin: 'https://evil.example' } }, 403],
    ['an origin differing by scheme', { view: true, headers: { Origin: 'http://college.example' } }, 403],
    ['a null origin', { view: true, headers: { Origin: 'null' } }, 403],
    ['no origin at all', { view: true, headers: { Origin: '' } }, 403],
  ];
  for (const [name, spec, status, allow] of cases) {
    test(`${name} → ${status}`, async () => {
      const before = await getCounts(base, ['bad-target']);
      const headers = {
        'Content-Type': 'text/plain',
        Origin: ORIGIN,
        'User-Agent': readerUA(900),
        'X-Forwarded-For': readerIP(900),
        ...spec.headers,
      };
      if (headers.Origin === '') delete headers.Origin;
      const res = await request(base + (spec.path ?? '/v1/views'), {
        method: spec.method ?? (spec.view ? 'POST' : 'GET'),
        headers,
        body: spec.body ?? (spec.view ? '{"id":"bad-target"}' : undefined),
      });
      assert.equal(res.status, status, res.text);
      assert.equal(typeof res.json?.error, 'string', `JSON reason in ${res.text}`);
      assert.match(res.headers['content-type'], /^application\/json/);
      if (allow) assert.equal(res.headers.allow, allow);
      assert.deepEqual(await getCounts(base, ['bad-target']), before);
    });
  }

  test('the reason of a refused origin is "origin not allowed"', async () => {
    const res = await postView(base, 'bad-target', { headers: { Origin: 'https://evil.example' } });
    assert.deepEqual(res.json, { error: 'origin not allowed' });
  });
});

describe('bots', () => {
  const bots = {
    Googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'headless Chrome':
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    curl: 'curl/8.5.0',
    'an empty User-Agent': '',
  };
  for (const [name, ua] of Object.entries(bots)) {
    test(`${name} gets the count but is not counted`, async () => {
      await postView(base, 'article-bots', { reader: 500 });
      const res = await postView(base, 'article-bots', { headers: { 'User-Agent': ua } });
      assert.equal(res.status, 200);
      assert.deepEqual(res.json, { id: 'article-bots', count: 1, counted: false });
    });
  }
});

describe('privacy', () => {
  test('the database holds no address and no User-Agent, only salted keys', async () => {
    await postView(base, 'article-private', {
      headers: { 'X-Forwarded-For': '192.0.2.77', 'User-Agent': 'Mozilla/5.0 UniqueAgent/9.9' },
    });
    const db = new Database(path.join(tmp.dir, 'counts.sqlite'), { readonly: true });
    const dump = JSON.stringify([db.prepare('SELECT * FROM seen').all(), db.prepare('SELECT * FROM counts').all()]);
    const salts = db.prepare('SELECT day, length(salt) AS size FROM salts').all();
    db.close();
    assert.doesNotMatch(dump, /192\.0\.2\.77|UniqueAgent/);
    assert.ok(salts.length >= 1 && salts.every((s) => s.size === 32));
    const files = ['counts.sqlite', 'counts.sqlite-wal'].map((f) => {
      try {
        return readFileSync(path.join(tmp.dir, f)).toString('latin1');
      } catch {
        return '';
      }
    });
    assert.doesNotMatch(files.join(''), /192\.0\.2\.77|UniqueAgent/);
  });

  test('the log has method, path, status and time, and no query, address or User-Agent', async () => {
    await request(`${base}/v1/counts?ids=secret-id`, { headers: { 'X-Forwarded-For': '192.0.2.88' } });
    const text = logged.map((e) => JSON.stringify(e)).join('\n');
    assert.doesNotMatch(text, /secret-id|192\.0\.2\.|UniqueAgent|Firefox/);
    const entry = logged.find((e) => e.path === '/v1/counts' && e.status === 200);
    assert.deepEqual(Object.keys(entry).sort(), ['method', 'ms', 'path', 'status', 'time']);
    assert.ok(logged.some((e) => e.status === 403 && e.error === 'origin not allowed'));
  });
});

describe('options', () => {
  test('without --trust-proxy, X-Forwarded-For is ignored: all requests are one reader', async () => {
    const t = await tempDir();
    const other = createCounterServer({ db: path.join(t.dir, 'c.sqlite'), allowOrigins: ORIGIN, log: false });
    const { url } = await other.listen(0);
    try {
      const a = await postView(url, 'x', { reader: 1, headers: { 'User-Agent': BROWSER_UA } });
      const b = await postView(url, 'x', { reader: 2, headers: { 'User-Agent': BROWSER_UA } });
      assert.deepEqual([a.json.counted, b.json.counted], [true, false]);
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('rate limits answer 429 with Retry-After, per address, for views and reads', async () => {
    const t = await tempDir();
    const other = createCounterServer({
      db: path.join(t.dir, 'c.sqlite'),
      allowOrigins: ORIGIN,
      trustProxy: 1,
      rateLimits: { views: { limit: 5 }, reads: { limit: 3 } },
      log: false,
    });
    const { url } = await other.listen(0);
    try {
      const views = [];
      for (let i = 0; i < 7; i++)
        views.push(await postView(url, 'limited', { reader: 1, headers: { 'User-Agent': readerUA(i) } }));
      assert.deepEqual(
        views.map((v) => v.status),
        [200, 200, 200, 200, 200, 429, 429],
      );
      assert.deepEqual(views[5].json, { error: 'too many requests' });
      const retryAfter = Number(views[5].headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(views[5].headers['access-control-allow-origin'], ORIGIN);
      assert.equal((await postView(url, 'limited', { reader: 2 })).status, 200, 'another address is not limited');
      assert.deepEqual(await getCounts(url, ['limited']), { limited: 6 });
      const reads = [];
      for (let i = 0; i < 4; i++)
        reads.push(
          (await request(`${url}/v1/counts?ids=a`, { headers: { 'X-Forwarded-For': '198.51.100.9' } })).status,
        );
      assert.deepEqual(reads, [200, 200, 200, 429]);
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('requests without Origin are refused unless allowNoOrigin', async () => {
    const t = await tempDir();
    const other = createCounterServer({
      db: path.join(t.dir, 'c.sqlite'),
      allowOrigins: [],
      allowNoOrigin: true,
      log: false,
    });
    const { url } = await other.listen(0);
    try {
      const res = await request(`${url}/v1/views`, {
        method: 'POST',
        headers: { 'User-Agent': BROWSER_UA },
        body: '{"id":"s2s"}',
      });
      assert.deepEqual(res.json, { id: 's2s', count: 1, counted: true });
      assert.equal((await postView(url, 's2s')).status, 403);
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('a body that trickles in too slowly gets 408 and is not counted', async () => {
    const t = await tempDir();
    const other = createCounterServer({
      db: path.join(t.dir, 'c.sqlite'),
      allowOrigins: ORIGIN,
      bodyTimeoutMs: 200,
      log: false,
    });
    const { url } = await other.listen(0);
    try {
      const status = await new Promise((resolve, reject) => {
        const req = http.request(`${url}/v1/views`, {
          method: 'POST',
          headers: { Origin: ORIGIN, 'User-Agent': BROWSER_UA, 'Content-Type': 'text/plain', 'Content-Length': '20' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode);
          req.destroy();
        });
        req.on('error', reject);
        req.write('{"id":"sl');
      });
      assert.equal(status, 408);
      assert.deepEqual(await getCounts(url, ['slow']), { slow: 0 });
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('HEAD on counts and health answers headers only', async () => {
    const res = await request(`${base}/v1/counts?ids=a`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assert.equal(res.headers['cache-control'], 'public, max-age=30');
    assert.equal((await request(`${base}/v1/health`, { method: 'HEAD' })).status, 200);
  });

  test('"*" is refused as an origin allowed to record', () => {
    assert.throws(() => createHandler({ allowOrigins: '*', log: false }), /cannot be an allowed origin/);
  });

  test('salts and seen-keys older than yesterday are dropped; a new day counts a reader again', async () => {
    const t = await tempDir();
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const file = path.join(t.dir, 'c.sqlite');
    const other = createCounterServer({ db: file, allowOrigins: ORIGIN, log: false, now: () => clock });
    const { url } = await other.listen(0);
    try {
      assert.equal((await postView(url, 'daily')).json.counted, true);
      assert.equal((await postView(url, 'daily')).json.counted, false);
      clock += 86_400_000;
      assert.equal((await postView(url, 'daily')).json.counted, true, 'next day: counted again');
      clock += 86_400_000;
      assert.equal((await postView(url, 'daily')).json.counted, true);
      await new Promise((r) => setTimeout(r, 50));
      const db = new Database(file, { readonly: true });
      const days = db.prepare('SELECT day FROM salts ORDER BY day').pluck().all();
      const seenDays = db.prepare('SELECT DISTINCT day FROM seen ORDER BY day').pluck().all();
      db.close();
      assert.deepEqual(days, ['2026-03-02', '2026-03-03']);
      assert.deepEqual(seenDays, ['2026-03-02', '2026-03-03']);
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('a rate-limit window runs its full minute across midnight, when the day\'s salt changes', async () => {
    const t = await tempDir();
    let clock = Date.parse('2026-03-01T23:59:40Z');
    const other = createCounterServer({
      db: path.join(t.dir, 'c.sqlite'),
      allowOrigins: ORIGIN,
      log: false,
      trustProxy: 1,
      rateLimits: { views: { limit: 3 } },
      now: () => clock,
    });
    const { url } = await other.listen(0);
    try {
      const from = (n) => ({ reader: n, headers: { 'X-Forwarded-For': '203.0.113.99' } });
      for (let n = 0; n < 3; n++) assert.equal((await postView(url, 'midnight', from(n))).status, 200);
      clock = Date.parse('2026-03-02T00:00:10Z');
      const after = await postView(url, 'midnight', from(3));
      assert.equal(after.status, 429, 'a new day is no new window');
      assert.equal(after.headers['retry-after'], '30');
      clock = Date.parse('2026-03-02T00:00:41Z');
      assert.equal((await postView(url, 'midnight', from(4))).status, 200);
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('a connection that never finishes its headers is closed at the headers timeout, not 30 s later', async () => {
    const t = await tempDir();
    const other = createCounterServer({ db: path.join(t.dir, 'c.sqlite'), log: false, headersTimeoutMs: 500 });
    const { port } = await other.listen(0);
    try {
      const net = await import('node:net');
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n'));
      socket.on('data', () => {});
      await new Promise((resolve) => socket.once('close', resolve));
      const took = Date.now() - started;
      assert.ok(took >= 400 && took < 2500, `closed after ${took} ms`);
    } finally {
      await other.close();
      await t.remove();
    }
  });

  test('createHandler mounts into another server and leaves other paths to it', async () => {
    const t = await tempDir();
    const handler = createHandler({ db: path.join(t.dir, 'c.sqlite'), allowOrigins: ORIGIN, log: false });
    await handler.ready;
    const host = http.createServer(async (req, res) => {
      if (await handler(req, res)) return;
      res.end('host page');
    });
    await new Promise((r) => host.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${host.address().port}`;
    try {
      assert.equal((await request(`${url}/index.html`)).text, 'host page');
      assert.deepEqual((await request(`${url}/v1/health`)).json, { ok: true });
      assert.equal((await postView(url, 'mounted')).json.count, 1);
    } finally {
      await new Promise((r) => {
        host.close(r);
        host.closeAllConnections();
      });
      await handler.close();
      await t.remove();
    }
  });
});
