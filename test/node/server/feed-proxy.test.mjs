// The feed proxy: no way to private addresses (after DNS, across redirects), and a cached happy path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { createCounterServer, isPublicAddress } from '../../../dist/server/index.js';
import { request, tempDir } from './support.mjs';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>College news</title></channel></rss>';

/** The test upstream, on 127.0.0.1: counts its hits and what validators it was sent. */
let upstream;
let upstreamPort;
const hits = [];
let tmp;
let strict;
let strictUrl;
let loose;
let looseUrl;

before(async () => {
  tmp = await tempDir();
  upstream = http.createServer((req, res) => {
    hits.push({
      url: req.url,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    });
    const here = `http://127.0.0.1:${upstreamPort}`;
    switch (req.url) {
      case '/feed.xml':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { ETag: '"v1"' });
          return res.end();
        }
        res.writeHead(200, {
          'Content-Type': 'application/rss+xml; charset=utf-8',
          ETag: '"v1"',
          'Last-Modified': 'Wed, 01 May 2024 10:00:00 GMT',
        });
        return res.end(FEED);
      case '/moved':
        res.writeHead(301, { Location: '/feed.xml' });
        return res.end();
      case '/to-metadata':
        res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      case '/to-other-loopback':
        res.writeHead(302, { Location: `http://127.0.0.2:${upstreamPort}/feed.xml` });
        return res.end();
      case '/to-private':
        res.writeHead(307, { Location: 'http://10.0.0.5/feed.xml' });
        return res.end();
      case '/to-file':
        res.writeHead(302, { Location: 'file:///etc/passwd' });
        return res.end();
      case '/to-elsewhere':
        res.writeHead(302, { Location: 'http://example.org/feed.xml' });
        return res.end();
      case '/loop':
        res.writeHead(302, { Location: `${here}/loop` });
        return res.end();
      case '/big':
        res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': 3 * 1024 * 1024 });
        return res.end(Buffer.alloc(3 * 1024 * 1024, 32));
      case '/big-chunked': {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        for (let i = 0; i < 30; i++) res.write(Buffer.alloc(100 * 1024, 32));
        return res.end();
      }
      case '/slow':
        return; // never answers
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamPort = upstream.address().port;

  // Allows loopback and private hosts by name, as a careless configuration might: the address check must still refuse them.
  strict = createCounterServer({
    db: path.join(tmp.dir, 'strict.sqlite'),
    log: false,
    proxyHosts: [
      '127.0.0.1',
      'localhost',
      '[::1]',
      '::ffff:7f00:1',
      '10.0.0.5',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      'example.org',
    ],
    proxy: { ports: [80, 443, upstreamPort] },
  });
  ({ url: strictUrl } = await strict.listen(0));

  loose = createCounterServer({
    db: path.join(tmp.dir, 'loose.sqlite'),
    log: false,
    proxyHosts: ['127.0.0.1', '127.0.0.2', '169.254.169.254', '10.0.0.5'],
    proxy: { ports: [80, upstreamPort], unsafeAllowTargets: ['127.0.0.1'], ttlMs: 300, timeoutMs: 500 },
  });
  ({ url: looseUrl } = await loose.listen(0));
});

after(async () => {
  await strict?.close();
  await loose?.close();
  upstream?.closeAllConnections();
  await new Promise((r) => upstream?.close(r));
  await tmp?.remove();
});

const viaProxy = (base, target, headers) => request(`${base}/v1/feed?url=${encodeURIComponent(target)}`, { headers });

describe('refuses to reach private addresses', () => {
  const cases = () => [
    ['127.0.0.1', `http://127.0.0.1:${upstreamPort}/feed.xml`, 403],
    ['localhost (allowed by name, resolves to loopback)', `http://localhost:${upstreamPort}/feed.xml`, 403],
    ['[::1]', `http://[::1]:${upstreamPort}/feed.xml`, 403],
    ['IPv4-mapped loopback', `http://[::ffff:127.0.0.1]:${upstreamPort}/feed.xml`, 403],
    ['127.0.0.1 written as a number', `http://2130706433:${upstreamPort}/feed.xml`, 403],
    ['10.x', 'http://10.0.0.5/feed.xml', 403],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', 403],
    ['carrier-grade NAT', 'http://100.64.0.1/', 403],
    ['0.0.0.0', 'http://0.0.0.0/', 403],
    ['a host not on the list', 'https://news.example/feed.xml', 403],
    ['a port not on the list', 'http://127.0.0.1:22/', 403],
    ['a file url', 'file:///etc/passwd', 400],
    ['an ftp url', 'ftp://127.0.0.1/feed.xml', 400],
    ['credentials in the url', `http://user:pw@127.0.0.1:${upstreamPort}/feed.xml`, 400],
    ['not a url', 'feed.xml', 400],
  ];
  test('each attempt gets its status and a JSON reason, and nothing reaches the upstream', async () => {
    const before = hits.length;
    for (const [name, target, status] of cases()) {
      const res = await viaProxy(strictUrl, target);
      assert.equal(res.status, status, `${name}: ${res.text}`);
      assert.equal(typeof res.json?.error, 'string', name);
      assert.equal(res.headers['access-control-allow-origin'], '*', name);
    }
    assert.equal(hits.length, before, 'the upstream saw no request');
  });

  test('a missing url parameter is a 400', async () => {
    const res = await request(`${strictUrl}/v1/feed`);
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, { error: 'missing url' });
  });

  test('isPublicAddress knows the private, reserved and embedded ranges', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.254',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
      'not an address',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });
});

describe('redirects are checked again at every hop', () => {
  test('to cloud metadata, another loopback address, a private address, a file, another host: all refused', async () => {
    const expected = {
      '/to-metadata': 403,
      '/to-other-loopback': 403,
      '/to-private': 403,
      '/to-file': 502,
      '/to-elsewhere': 403,
    };
    for (const [route, status] of Object.entries(expected)) {
      const res = await viaProxy(looseUrl, `http://127.0.0.1:${upstreamPort}${route}`);
      assert.equal(res.status, status, `${route}: ${res.text}`);
      assert.equal(typeof res.json.error, 'string');
    }
  });

  test('at most 3 redirects are followed', async () => {
    const before = hits.length;
    const res = await viaProxy(looseUrl, `http://127.0.0.1:${upstreamPort}/loop`);
    assert.equal(res.status, 502);
    assert.deepEqual(res.json, { error: 'too many redirects' });
    assert.equal(hits.length - before, 4);
  });

  test('a redirect within the allowed host is followed', async () => {
    const res = await viaProxy(looseUrl, `http://127.0.0.1:${upstreamPort}/moved`);
    assert.equal(res.status, 200);
    assert.equal(res.text, FEED);
  });
});

describe('the happy path', () => {
  test('passes the feed through with its Content-Type and CORS, cached, then revalidated with a 304', async () => {
    const target = `http://127.0.0.1:${upstreamPort}/feed.xml`;
    const before = hits.filter((h) => h.url === '/feed.xml').length;
    const first = await viaProxy(looseUrl, target + '#frag');
    assert.equal(first.status, 200);
    assert.equal(first.text, FEED);
    assert.equal(first.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.equal(first.headers['access-control-allow-origin'], '*');
    assert.equal(first.headers.etag, '"v1"');
    assert.match(first.headers['content-security-policy'], /sandbox/);

    const second = await viaProxy(looseUrl, target);
    assert.equal(second.text, FEED);
    const feedHits = () => hits.filter((h) => h.url === '/feed.xml').slice(before);
    assert.equal(feedHits().length <= 1, true, 'served from the cache within its ttl');

    await new Promise((r) => setTimeout(r, 350));
    const third = await viaProxy(looseUrl, target);
    assert.equal(third.status, 200);
    assert.equal(third.text, FEED);
    const last = feedHits().at(-1);
    assert.equal(last.ifNoneMatch, '"v1"', 'revalidated with the ETag');
    assert.equal(last.ifModifiedSince, 'Wed, 01 May 2024 10:00:00 GMT');

    const conditional = await viaProxy(looseUrl, target, { 'If-None-Match': '"v1"' });
    assert.equal(conditional.status, 304);
    assert.equal(conditional.text, '');
  });

  test('a feed over 2 MB is a 502 with a reason, declared or streamed', async () => {
    for (const route of ['/big', '/big-chunked']) {
      const res = await viaProxy(looseUrl, `http://127.0.0.1:${upstreamPort}${route}`);
      assert.equal(res.status, 502, route);
      assert.deepEqual(res.json, { error: 'feed too large' });
    }
  });

  test('a silent upstream times out with 504; a missing feed is 502', async () => {
    const slow = await viaProxy(looseUrl, `http://127.0.0.1:${upstreamPort}/slow`);
    assert.equal(slow.status, 504);
    assert.deepEqual(slow.json, { error: 'feed server timed out' });
    const missing = await viaProxy(looseUrl, `http://127.0.0.1:${upstreamPort}/missing`);
    assert.equal(missing.status, 502);
    assert.deepEqual(missing.json, { error: 'feed server answered 404' });
  });

  test('without proxy hosts there is no feed route', async () => {
    const t = await tempDir();
    const none = createCounterServer({ db: path.join(t.dir, 'c.sqlite'), log: false });
    const { url } = await none.listen(0);
    try {
      const res = await viaProxy(url, `http://127.0.0.1:${upstreamPort}/feed.xml`);
      assert.equal(res.status, 404);
    } finally {
      await none.close();
      await t.remove();
    }
  });
});
