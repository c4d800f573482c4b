// The demo server: @web/dev-server plus what the demo adds: feed content types, 304s, redirects, /v1/, port choice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startDemoServer } from '../../scripts/demo-server.mjs';

let demo;
before(async () => {
  demo = await startDemoServer({ port: 0 });
});
after(async () => {
  await demo?.close();
  // Under heavy load the dev server has once kept this process alive after every test had passed. Should that
  // happen again, say what holds it and end the process rather than stall the run.
  setTimeout(() => {
    const held = process._getActiveHandles().map((h) => h?.constructor?.name ?? typeof h);
    console.error(`demo-server test: process still held open after the tests by ${held.join(', ')}; exiting`);
    process.exit(process.exitCode ?? 0);
  }, 5000).unref();
});

const get = (path, init) => fetch(new URL(path, demo.url), { redirect: 'manual', ...init });

test('serves each kind of demo file with the Content-Type a publisher would send', async () => {
  const expected = {
    '/demo/index.html': 'text/html; charset=utf-8',
    '/demo/feeds/college-en.xml': 'application/xml',
    '/demo/feeds/college-zh.xml': 'application/xml',
    '/demo/feeds/college-ru.atom': 'application/atom+xml',
    '/demo/feeds/college-kk.json': 'application/feed+json; charset=utf-8',
    '/demo/images/railway-course.svg': 'image/svg+xml',
    '/cdn/news-widgets.js': 'application/javascript; charset=utf-8',
  };
  for (const [path, type] of Object.entries(expected)) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), type, path);
    await res.arrayBuffer();
  }
});

test('the GBK feed goes out byte for byte, its charset left to the XML declaration', async () => {
  const res = await get('/demo/feeds/college-zh.xml');
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.match(new TextDecoder('ascii').decode(bytes.slice(0, 60)), /encoding="GBK"/);
  assert.match(new TextDecoder('gbk').decode(bytes), /鲁班工坊/);
});

/** A GET with exactly these headers (fetch adds Cache-Control: no-cache to a request with If-None-Match). */
function rawGet(path, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, demo.url), { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      })
      .on('error', reject);
  });
}

test('answers 304 to a revalidation with the current ETag', async () => {
  const first = await rawGet('/demo/feeds/college-en.xml', {});
  const etag = first.headers.etag;
  assert.ok(etag);
  assert.equal((await rawGet('/demo/feeds/college-en.xml', { 'If-None-Match': etag })).statusCode, 304);
  assert.equal((await rawGet('/demo/feeds/college-en.xml', { 'If-None-Match': 'W/"other"' })).statusCode, 200);
});

test('redirects / to the demo, adds the slash to folders and serves their index.html', async () => {
  const home = await get('/');
  assert.equal(home.status, 302);
  assert.equal(home.headers.get('location'), '/demo/');
  const folder = await get('/demo');
  assert.equal(folder.status, 301);
  assert.equal(folder.headers.get('location'), '/demo/');
  const index = await get('/demo/');
  assert.equal(index.status, 200);
  assert.match(await index.text(), /<news-list/);
});

/** Sends a raw request line, so paths reach the server exactly as written. */
function rawStatus(path) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(demo.port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1])));
    socket.on('error', reject);
  });
}

test('never serves a file outside the root, nor dotfiles, and refuses what is missing', async () => {
  for (const path of [
    '/../../etc/passwd',
    '/demo/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/demo/..%2f..%2fetc%2fpasswd',
    '/.git/HEAD',
    '/demo/%00index.html',
    '/demo/feeds/missing.xml',
  ]) {
    // @web/dev-server answers 403 to a path that leaves its root, 404 to the rest.
    assert.ok([403, 404].includes(await rawStatus(path)), path);
  }
});

test('leaves /v1/ to a counter server, and says so while none is mounted', async () => {
  const res = await get('/v1/health');
  assert.equal(res.status, 404);
  assert.match((await res.json()).error, /counter/);

  const mounted = await startDemoServer({
    port: 0,
    api: (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    },
  });
  try {
    const health = await fetch(new URL('/v1/health', mounted.url));
    assert.deepEqual(await health.json(), { ok: true });
  } finally {
    await mounted.close();
  }
});

test('takes the next port when the one asked for is in use', async () => {
  const second = await startDemoServer({ port: demo.port });
  try {
    assert.ok(second.port > demo.port && second.port <= demo.port + 20, `port ${second.port}`);
    const res = await fetch(new URL('/demo/index.html', second.url));
    assert.equal(res.status, 200);
    await res.arrayBuffer();
  } finally {
    await second.close();
  }
});

test('rejects methods other than GET and HEAD', async () => {
  const res = await get('/demo/index.html', { method: 'POST', body: 'x' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, HEAD');
  const head = await get('/demo/index.html', { method: 'HEAD' });
  assert.equal(head.status, 200);
});
