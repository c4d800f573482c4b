// The feed proxy under load, against the CLI server as its own process: bounded memory, bounded work, deadlines kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { startServer, tempDir } from './support.mjs';

const FEED_BYTES = 2 * 1024 * 1024 - 4096;
const feed = Buffer.alloc(FEED_BYTES, 'a');
feed.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><!-- ');
feed.write(' --></channel></rss>', FEED_BYTES - 20);

let tmp;
let upstream;
let upstreamPort;
let server;
const upstreamRequests = new Map(); // path → count
let upstreamActive = 0;
let upstreamMostActive = 0; // the most requests the upstream had open at one time
const upstreamClosed = new Map(); // path → ms from request to the proxy dropping the connection
before(async () => {
  tmp = await tempDir();
  upstream = http.createServer((req, res) => {
    const started = Date.now();
    const { pathname } = new URL(req.url, 'http://x');
    upstreamRequests.set(pathname, (upstreamRequests.get(pathname) ?? 0) + 1);
    upstreamMostActive = Math.max(upstreamMostActive, ++upstreamActive);
    res.once('close', () => (upstreamActive -= 1));
    req.socket.once('close', () => upstreamClosed.set(pathname, Date.now() - started));
    if (pathname === '/big.xml') {
      // A slow feed server, so that fetches overlap and the cap on them shows.
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': feed.length });
        res.end(feed);
      }, 100);
      return;
    }
    // Endless bodies: a proxy must drop them, not read on.
    const endless = (status) => {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      const timer = setInterval(() => res.write('x'.repeat(1024)), 20);
      res.once('close', () => clearInterval(timer));
    };
    if (pathname === '/endless-404') return endless(404);
    if (pathname === '/endless-200') return endless(200);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = upstream.address().port;
  server = await startServer([
    '--db',
    `${tmp.dir}/proxy.sqlite`,
    '--quiet',
    '--trust-proxy',
    '--rate-reads',
    '0',
    '--proxy-hosts',
    '127.0.0.1',
    '--proxy-ports',
    String(upstreamPort),
    '--proxy-private',
    '127.0.0.1',
    '--proxy-timeout',
    '2',
  ]);
});
after(async () => {
  await server?.stop();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
  await tmp?.remove();
});

/** The server process's resident memory now and at its peak, in MB (Linux /proc). */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** GET on a connection of its own (truly concurrent); resolves status, headers and body size. */
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let size = 0;
        res.on('data', (chunk) => (size += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, size }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const proxied = (path) => `${server.url}/v1/feed?url=${encodeURIComponent(`http://127.0.0.1:${upstreamPort}${path}`)}`;
const skip = process.platform === 'linux' ? false : 'reads the server process memory from /proc';

test(
  '300 concurrent requests for a 2 MB feed, each URL different: memory stays bounded, the rest wait or get 503',
  { skip },
  async (t) => {
    const before = memory(server.child.pid);
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => get(proxied(`/big.xml?n=${i}`))));
    const after = memory(server.child.pid);
    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 503);
    t.diagnostic(
      `distinct URLs: ${ok.length} × 200, ${busy.length} × 503, at most ${upstreamMostActive} upstream fetches at once; server RSS ${before.rss} MB before, peak ${after.peak} MB`,
    );
    assert.equal(ok.length + busy.length, 300);
    for (const answer of ok) assert.equal(answer.size, FEED_BYTES);
    for (const answer of busy) assert.ok(Number(answer.headers['retry-after']) >= 1);
    // 4 fetches at a time, 32 waiting: the rest are refused at once.
    assert.equal(upstreamMostActive, 4, 'upstream fetches at one time');
    assert.equal(upstreamRequests.get('/big.xml'), ok.length, 'one fetch per answered request');
    // Waiting counts against the 2 s deadline too: at least the first four fetches are answered.
    assert.ok(ok.length >= 4, `${ok.length} answered`);
    // Before the cap, 500 such requests took the server from 56 MB to 1.19 GB.
    assert.ok(after.peak - before.rss < 200, `peak ${after.peak} MB from ${before.rss} MB`);
  },
);

test('300 concurrent requests for one 2 MB feed share one fetch and all get it', { skip }, async (t) => {
  upstreamRequests.clear();
  const before = memory(server.child.pid);
  const answers = await Promise.all(Array.from({ length: 300 }, () => get(proxied('/big.xml?one'))));
  const after = memory(server.child.pid);
  t.diagnostic(`one URL: server RSS ${before.rss} MB before, peak ${after.peak} MB`);
  assert.deepEqual(
    answers.map((a) => a.status),
    Array(300).fill(200),
  );
  assert.ok(answers.every((a) => a.size === FEED_BYTES));
  assert.equal(upstreamRequests.get('/big.xml'), 1);
  assert.ok(after.peak - before.rss < 200, `peak ${after.peak} MB from ${before.rss} MB`);
});

test('parameters other than url are refused, so they cannot make one feed look like many', async () => {
  const res = await get(`${proxied('/big.xml?one')}&cache-bust=1`);
  assert.equal(res.status, 400);
  const twice = await get(`${proxied('/big.xml')}&url=${encodeURIComponent(`http://127.0.0.1:${upstreamPort}/x`)}`);
  assert.equal(twice.status, 400);
});

test('an endless error body is dropped at once; an endless feed at the deadline', async () => {
  const started = Date.now();
  const notFound = await get(proxied('/endless-404'));
  assert.equal(notFound.status, 502);
  const endless = await get(proxied('/endless-200'));
  const took = Date.now() - started;
  assert.equal(endless.status, 504);
  assert.ok(took < 4000, `answered in ${took} ms with a 2 s deadline`);
  // Give the upstream a moment to see its sockets close.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(
    upstreamClosed.get('/endless-404') < 1000,
    `404 body dropped after ${upstreamClosed.get('/endless-404')} ms`,
  );
  assert.ok(
    upstreamClosed.get('/endless-200') < 3000,
    `200 body dropped after ${upstreamClosed.get('/endless-200')} ms`,
  );
});
