// `npm run bench:server`: recorded views/s and p99 latency of POST /v1/views on SQLite and Redis, against a do-nothing Node server.
//
// Each target server runs in its own child process; autocannon drives it from this process, so the
// load generator and the server each have a core of a 2-core machine. Every request is a distinct
// reader (X-Forwarded-For and User-Agent vary, the server trusts one proxy) on one of 1,000 ids, so
// every view is really recorded. After each run the store's total must equal the number of
// 200 / counted responses plus those of the requests still in flight when the timed run cut them
// off (at most one per connection) that the server went on to commit: so no acknowledged view is
// missing and nothing was counted that was not sent.
//
// The server's CPU time per request (user + system, from /proc on Linux) is printed too: unlike
// requests per second it hardly moves when other work shares the machine, so it is the figure to compare
// two versions of the server by (--cli PATH runs another build's CLI, e.g. an older checkout's).
//
// --against PATH instead runs this build's SQLite server and another build's side by side, each driven
// by half the connections at the same time, for a few rounds: both meet the same machine at the same
// moment, so their ratio holds even where other work makes absolute figures swing.
//
// Options: --duration SECONDS (10), --connections N (50), --budget VIEWS_PER_S (5000, SQLite), --cli PATH,
// --against PATH, --rounds N (3, with --against).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    budget: { type: 'string', default: '5000' },
    cli: { type: 'string', default: 'dist/server/cli.js' },
    against: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const budget = Number(values.budget);

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.resolve(values.cli);
const ORIGIN = 'https://bench.example';

// The ceiling: a Node http server that reads the body and answers a fixed JSON, no routing, no store.
const CEILING = `
const http = require('node:http');
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end('{"id":"x","count":1,"counted":true}');
  });
}).listen(0, '127.0.0.1', function () {
  console.log(JSON.stringify({ event: 'listening', url: 'http://127.0.0.1:' + this.address().port }));
});`;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a process and waits for a stdout line matching `ready`. */
/** CPU seconds (user + system) a process has used so far, or NaN where /proc is missing. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function start(command, args, ready) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) {
        child.stdout.resume();
        resolve({
          match,
          cpu: () => cpuSeconds(child.pid),
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    exited.then((code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${out}`)));
  });
}

/** Drives a started server and notes the CPU time it spent per request answered. */
async function measure(server) {
  const before = server.cpu();
  const run = await drive(server.match[1]);
  const cpu = server.cpu() - before;
  return { ...run, cpuPerRequest: (cpu / (run.counted + run.other)) * 1e6 };
}

/** Drives POST /v1/views for `duration` seconds; each request a new reader. */
async function drive(url, connections = Number(values.connections)) {
  let n = 0;
  let counted = 0;
  let other = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/views',
        setupRequest(request) {
          n += 1;
          return {
            ...request,
            headers: {
              'Content-Type': 'text/plain;charset=UTF-8',
              Origin: ORIGIN,
              'User-Agent': `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 r${n}`,
              'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: `{"id":"bench-${n % 1000}"}`,
          };
        },
        onResponse(status, body) {
          if (status === 200 && body.includes('"counted":true')) counted += 1;
          else other += 1;
        },
      },
    ],
  });
  const seconds = result.duration;
  return {
    counted,
    other,
    unanswered: n - counted - other,
    errors: result.errors + result.timeouts,
    viewsPerSecond: counted / seconds,
    requestsPerSecond: (counted + other) / seconds,
    p99: result.latency.p99,
    p50: result.latency.p50,
  };
}

async function sqliteTotal(file) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  const total = db.prepare('SELECT COALESCE(SUM(count), 0) FROM counts').pluck().get();
  db.close();
  return total;
}

async function redisTotal(url) {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  await client.connect();
  const values = await client.sendCommand(['HVALS', 'news-widgets:counts']);
  await client.close();
  return values.reduce((sum, v) => sum + Number(v), 0);
}

/** The store holds every acknowledged view, plus at most the requests cut off in flight. */
function storeCheck(stored, run) {
  const extra = stored - run.counted;
  const ok = extra >= 0 && extra <= run.unanswered;
  return {
    ok,
    text: `${stored.toLocaleString('en')} stored = ${run.counted.toLocaleString('en')} acknowledged + ${extra} of ${run.unanswered} cut off in flight${ok ? '' : ': MISMATCH'}`,
  };
}

const serverArgs = ['--port', '0', '--quiet', '--trust-proxy', '--allow-origin', ORIGIN, '--rate-views', '120'];
const listening = /"event":"listening","url":"([^"]+)"/;
if (values.against) {
  const tmpAB = await mkdtemp(path.join(os.tmpdir(), 'news-bench-'));
  const ratios = [];
  const serverArgsAB = ['--port', '0', '--quiet', '--trust-proxy', '--allow-origin', ORIGIN, '--rate-views', '120'];
  const ready = /"event":"listening","url":"([^"]+)"/;
  console.log(
    `POST /v1/views on SQLite, ${path.resolve(values.against)} (before) and ${cli} (after) at once, ${connections / 2} connections each, ${duration} s\n`,
  );
  try {
    for (let round = 1; round <= Number(values.rounds); round++) {
      const before = await start(
        process.execPath,
        [path.resolve(values.against), ...serverArgsAB, '--db', path.join(tmpAB, `b${round}.sqlite`)],
        ready,
      );
      const after = await start(
        process.execPath,
        [cli, ...serverArgsAB, '--db', path.join(tmpAB, `a${round}.sqlite`)],
        ready,
      );
      const [b, a] = await Promise.all([
        drive(before.match[1], connections / 2),
        drive(after.match[1], connections / 2),
      ]);
      await Promise.all([before.stop(), after.stop()]);
      ratios.push(a.viewsPerSecond / b.viewsPerSecond);
      console.log(
        `round ${round}: before ${Math.round(b.viewsPerSecond).toLocaleString('en')} views/s, after ${Math.round(a.viewsPerSecond).toLocaleString('en')} views/s, after/before ${ratios.at(-1).toFixed(2)}`,
      );
    }
  } finally {
    await rm(tmpAB, { recursive: true, force: true });
  }
  const mean = ratios.reduce((x, y) => x + y, 0) / ratios.length;
  console.log(`\nafter/before, mean of ${ratios.length} rounds: ${mean.toFixed(2)}`);
  process.exit(0);
}

const rows = [];
const tmp = await mkdtemp(path.join(os.tmpdir(), 'news-bench-'));
let failed = false;

try {
  console.log(`POST /v1/views, ${connections} connections, ${duration} s each, autocannon in its own process\n`);

  const ceiling = await start(process.execPath, ['-e', CEILING], listening);
  const bare = await measure(ceiling);
  await ceiling.stop();
  rows.push({ name: 'bare Node http (ceiling)', ...bare, check: 'n/a' });

  const dbFile = path.join(tmp, 'bench.sqlite');
  const sqlite = await start(process.execPath, [cli, ...serverArgs, '--db', dbFile], listening);
  const onSqlite = await measure(sqlite);
  await sqlite.stop();
  const sqliteCheck = storeCheck(await sqliteTotal(dbFile), onSqlite);
  rows.push({ name: 'counter, SQLite (WAL, synchronous=NORMAL)', ...onSqlite, check: sqliteCheck.text });
  if (!sqliteCheck.ok) failed = true;
  if (onSqlite.viewsPerSecond < budget) failed = true;

  if (spawnSync('redis-server', ['--version']).status === 0) {
    const port = await freePort();
    const redis = await start(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--dir',
        tmp,
      ],
      /Ready to accept connections/,
    );
    const redisUrl = `redis://127.0.0.1:${port}`;
    try {
      const server = await start(process.execPath, [cli, ...serverArgs, '--redis', redisUrl], listening);
      const onRedis = await measure(server);
      await server.stop();
      const check = storeCheck(await redisTotal(redisUrl), onRedis);
      rows.push({ name: 'counter, Redis (AOF everysec)', ...onRedis, check: check.text });
      if (!check.ok) failed = true;
    } finally {
      await redis.stop();
    }
  } else {
    console.log('redis-server not installed: Redis run skipped\n');
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}

const ceilingRate = rows[0].requestsPerSecond;
console.log(
  '| server | recorded views/s | requests/s | p50 ms | p99 ms | of ceiling | server CPU µs/request | non-counted | errors | store check |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) {
  const rate = row.name.startsWith('bare') ? '—' : Math.round(row.viewsPerSecond).toLocaleString('en');
  const ratio = row.name.startsWith('bare') ? '1.00' : (row.viewsPerSecond / ceilingRate).toFixed(2);
  console.log(
    `| ${row.name} | ${rate} | ${Math.round(row.requestsPerSecond).toLocaleString('en')} | ${row.p50} | ${row.p99} | ${ratio} | ${Math.round(row.cpuPerRequest)} | ${row.name.startsWith('bare') ? '—' : row.other} | ${row.errors} | ${row.check} |`,
  );
}
const sqliteRow = rows[1];
console.log(
  `\nbudget: ≥ ${budget.toLocaleString('en')} recorded views/s on SQLite: ${Math.round(sqliteRow.viewsPerSecond).toLocaleString('en')} → ${sqliteRow.viewsPerSecond >= budget ? 'met' : 'NOT met'}`,
);
process.exit(failed ? 1 : 0);
