// What one attacker can add, against the CLI server as its own process: User-Agent rotation, IPv6, forged proxies, floods.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ORIGIN, getCounts, postView, readerUA, request, startServer, tempDir } from './support.mjs';

let tmp;
let behindProxy;
let direct;
before(async () => {
  tmp = await tempDir();
  // One proxy in front: the client is the last X-Forwarded-For entry.
  behindProxy = await startServer([
    '--db',
    `${tmp.dir}/proxy.sqlite`,
    '--allow-origin',
    ORIGIN,
    '--trust-proxy',
    '1',
    '--quiet',
    '--rate-views',
    '0',
    '--new-ids',
    '5',
  ]);
  // No proxy: the socket's address is the client, whatever X-Forwarded-For says. IPv6 loopback.
  direct = await startServer([
    '--db',
    `${tmp.dir}/direct.sqlite`,
    '--host',
    '::1',
    '--allow-origin',
    ORIGIN,
    '--quiet',
    '--rate-views',
    '0',
    '--rate-other',
    '5',
  ]);
});
after(async () => {
  await Promise.all([behindProxy?.stop(), direct?.stop()]);
  await tmp?.remove();
});

/** Sends `n` views of `id`, each with its own User-Agent and whatever `headersFor(i)` adds; returns how many counted. */
async function inflate(base, id, n, headersFor = () => ({})) {
  let counted = 0;
  for (let i = 0; i < n; i += 20) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, (_, k) =>
        postView(base, id, { headers: { 'User-Agent': readerUA(1000 + i + k), ...headersFor(i + k) } }),
      ),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 200, answer.text);
      if (answer.json.counted) counted += 1;
    }
  }
  return counted;
}

test('one IPv4 address rotating its User-Agent adds at most 50 views to an article a day', async () => {
  await postView(behindProxy.url, 'inflate-v4', { headers: { 'X-Forwarded-For': '198.51.100.1' } });
  const counted = await inflate(behindProxy.url, 'inflate-v4', 300, () => ({ 'X-Forwarded-For': '198.51.100.7' }));
  assert.equal(counted, 50);
  assert.deepEqual(await getCounts(behindProxy.url, ['inflate-v4']), { 'inflate-v4': 51 });
  // The bound is per article: the same address still counts on another one.
  const other = await postView(behindProxy.url, 'inflate-v4-other', {
    headers: { 'X-Forwarded-For': '198.51.100.1' },
  });
  assert.equal(other.json.counted, true);
});

test('a campus behind one NAT: 50 browsers count 50, and each browser once', async () => {
  const campus = () => ({ 'X-Forwarded-For': '192.0.2.44' });
  assert.equal(await inflate(behindProxy.url, 'campus-news', 50, campus), 50);
  // The same 50 browsers again the same day add nothing.
  assert.equal(await inflate(behindProxy.url, 'campus-news', 50, campus), 0);
});

test('every address of one IPv6 /64 is one client: rotating addresses inside it adds at most 50', async () => {
  const inside = (i) => ({ 'X-Forwarded-For': `2001:db8:aa:bb:${(i + 1).toString(16)}::${(i * 7 + 1).toString(16)}` });
  assert.equal(await inflate(behindProxy.url, 'inflate-v6', 200, inside), 50);
  // Another /64 is another client.
  const neighbour = await postView(behindProxy.url, 'inflate-v6', {
    headers: { 'X-Forwarded-For': '2001:db8:aa:bc::1' },
  });
  assert.equal(neighbour.json.counted, true);
  // Written in other forms (upper case, zero-padded, bracketed with a port) it is the same /64.
  const same = await inflate(behindProxy.url, 'inflate-v6', 3, (i) => ({
    'X-Forwarded-For': ['2001:DB8:AA:BB::99', '2001:0db8:00aa:00bb:0:0:0:98', '[2001:db8:aa:bb::97]:443'][i],
  }));
  assert.equal(same, 0);
});

test('an IPv4-mapped IPv6 address is the IPv4 address it carries', async () => {
  assert.equal(await inflate(behindProxy.url, 'mapped', 50, () => ({ 'X-Forwarded-For': '203.0.113.50' })), 50);
  const mapped = await postView(behindProxy.url, 'mapped', {
    headers: { 'X-Forwarded-For': '::ffff:203.0.113.50', 'User-Agent': readerUA(99_999) },
  });
  assert.equal(mapped.json.counted, false);
});

test('behind one trusted proxy, entries the client wrote to X-Forwarded-For are not believed', async () => {
  // The proxy appends the real client (203.0.113.9) after whatever the client sent.
  const counted = await inflate(behindProxy.url, 'forged-xff', 120, (i) => ({
    'X-Forwarded-For': `10.1.${i >> 8}.${i & 255}, 198.18.${i >> 8}.${i & 255}, 203.0.113.9`,
  }));
  assert.equal(counted, 50);
});

test('two trusted proxies: the client is the entry left of the nearer proxy', async () => {
  const two = await startServer([
    '--db',
    `${tmp.dir}/two.sqlite`,
    '--allow-origin',
    ORIGIN,
    '--trust-proxy',
    '2',
    '--quiet',
    '--rate-views',
    '0',
  ]);
  try {
    // forged, client (written by the far proxy), far proxy (written by the near proxy)
    const counted = await inflate(two.url, 'two-proxies', 80, (i) => ({
      'X-Forwarded-For': `198.18.0.${i & 255}, 203.0.113.77, 10.0.0.${(i % 3) + 1}`,
    }));
    assert.equal(counted, 50);
    // A request that came through the near proxy only carries one entry: the near proxy wrote it.
    const short = await postView(two.url, 'two-proxies-short', { headers: { 'X-Forwarded-For': '203.0.113.78' } });
    assert.equal(short.json.counted, true);
  } finally {
    await two.stop();
  }
});

test('an X-Forwarded-For entry that is no IP address is refused where the client should be', async () => {
  for (const bad of ['not-an-ip', '203.0.113.1, unknown', '999.1.1.1', '203.0.113.1, 2001:db8::g', '1.2.3.4.5']) {
    const res = await postView(behindProxy.url, 'bad-xff', { headers: { 'X-Forwarded-For': bad } });
    assert.equal(res.status, 400, bad);
    assert.match(res.json.error, /X-Forwarded-For/);
  }
  // A port, as some proxies write it, is fine.
  const withPort = await postView(behindProxy.url, 'bad-xff', { headers: { 'X-Forwarded-For': '203.0.113.1:51234' } });
  assert.equal(withPort.status, 200);
  assert.deepEqual(await getCounts(behindProxy.url, ['bad-xff']), { 'bad-xff': 1 });
});

test('one address creates at most --new-ids ids a day; other addresses still can', async () => {
  const answers = [];
  for (let i = 0; i < 8; i++) {
    answers.push(await postView(behindProxy.url, `fresh-${i}`, { headers: { 'X-Forwarded-For': '203.0.113.200' } }));
  }
  assert.deepEqual(
    answers.map((a) => a.json.counted),
    [true, true, true, true, true, false, false, false],
  );
  assert.deepEqual(await getCounts(behindProxy.url, ['fresh-4', 'fresh-5']), { 'fresh-4': 1, 'fresh-5': 0 });
  // An id that exists already is no new id: the same address still counts on it.
  const existing = await postView(behindProxy.url, 'fresh-0', {
    headers: { 'X-Forwarded-For': '203.0.113.200', 'User-Agent': readerUA(4242) },
  });
  assert.equal(existing.json.counted, true);
  const elsewhere = await postView(behindProxy.url, 'fresh-6', { headers: { 'X-Forwarded-For': '203.0.113.201' } });
  assert.equal(elsewhere.json.counted, true);
});

test('without a trusted proxy X-Forwarded-For is ignored: the socket address (IPv6 loopback) is the client', async () => {
  assert.match(direct.url, /^http:\/\/\[::1\]:/);
  const counted = await inflate(direct.url, 'direct', 90, (i) => ({ 'X-Forwarded-For': `203.0.113.${i}` }));
  assert.equal(counted, 50);
});

test('every route is rate-limited: health, preflight and unknown paths too', async () => {
  // --rate-other 5 on the direct server: health, OPTIONS and 404 share that budget.
  const statuses = [];
  for (const [method, path] of [
    ['GET', '/v1/health'],
    ['OPTIONS', '/v1/counts'],
    ['GET', '/v1/nothing'],
    ['GET', '/favicon.ico'],
    ['HEAD', '/v1/health'],
    ['GET', '/v1/health'],
    ['OPTIONS', '/v1/views'],
    ['GET', '/elsewhere'],
  ]) {
    const res = await request(`${direct.url}${path}`, { method, headers: { Origin: ORIGIN } });
    statuses.push(res.status);
    if (res.status === 429) assert.ok(Number(res.headers['retry-after']) >= 1);
  }
  assert.deepEqual(statuses, [200, 204, 404, 404, 200, 429, 429, 429]);
});

test('one address cannot hold more than 64 connections open', async () => {
  const { hostname, port } = new URL(direct.url);
  let closed = 0;
  const sockets = await Promise.all(
    Array.from(
      { length: 80 },
      () =>
        new Promise((resolve) => {
          const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) }, () =>
            resolve(socket),
          );
          socket.on('error', () => {});
          socket.on('close', () => (closed += 1));
        }),
    ),
  );
  // The server drops what is over the cap as soon as it connects.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const socket of sockets) socket.destroy();
  // At least the 16 over the cap; more when this process still holds keep-alive sockets to the server.
  assert.ok(closed >= 16, `${closed} of 80 closed by the server`);
  assert.ok(closed < 80, 'connections under the cap stay open');
});
