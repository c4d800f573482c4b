#!/usr/bin/env node
// news-widgets-server: serve the counter protocol, or import counts from a CSV file.
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_NEW_IDS, DEFAULT_VIEWS_PER_ARTICLE } from './handler.js';
import { createCounterServer } from './index.js';
import type { CounterServer } from './index.js';
import { importCountsFile } from './import-csv.js';
import type { CounterStore, StoreOptions } from './store.js';
import { openStore } from './open-store.js';
import { DEFAULT_DB_PATH, ImportError } from './store.js';

const USAGE = `Usage:
  news-widgets-server [serve] [options]
  news-widgets-server import FILE.csv [--add] [--skip-invalid] [--db PATH | --redis URL]

Serve options (environment variable in brackets):
  --port N                 port to listen on (8787) [NEWS_COUNTER_PORT]
  --host HOST              address to listen on (127.0.0.1) [NEWS_COUNTER_HOST]
  --db PATH                SQLite file (${DEFAULT_DB_PATH}) [NEWS_COUNTER_DB]
  --sync normal|full       SQLite durability: normal survives a process crash, full also power loss (normal)
  --redis URL              keep counts in Redis, shared by several processes [NEWS_COUNTER_REDIS]
  --allow-origin LIST      comma-separated origins whose pages may record views [NEWS_COUNTER_ORIGINS]
  --allow-no-origin        also record views from requests without an Origin header [NEWS_COUNTER_ALLOW_NO_ORIGIN=1]
  --trust-proxy [N]        read the client address from X-Forwarded-For, N proxies deep (1) [NEWS_COUNTER_TRUST_PROXY]
  --rate-views N           recorded views per address per minute, 0 for no limit (120) [NEWS_COUNTER_RATE_VIEWS]
  --rate-reads N           count and feed reads per address per minute, 0 for no limit (600) [NEWS_COUNTER_RATE_READS]
  --rate-other N           other requests (health, preflight, not found) per address per minute (600)
  --views-per-article N    views one address (IPv4, or IPv6 /64) may add to one article a day, 0 for no
                           bound (${DEFAULT_VIEWS_PER_ARTICLE}) [NEWS_COUNTER_VIEWS_PER_ARTICLE]
  --new-ids N              ids without a count one address may create a day, 0 for no bound (${DEFAULT_NEW_IDS})
  --keep-alive-timeout S   seconds an idle connection stays open; above your proxy's idle timeout (5)
  --proxy-hosts LIST       hosts /v1/feed may fetch; without it there is no feed proxy [NEWS_COUNTER_PROXY_HOSTS]
  --proxy-ports LIST       ports the feed proxy may fetch (80,443) [NEWS_COUNTER_PROXY_PORTS]
  --proxy-concurrency N    feeds fetched at one time (4); up to 32 more requests wait, then 503
  --proxy-timeout S        seconds for a whole feed fetch, redirects and body included (10)
  --proxy-private LIST     private addresses the proxy may reach all the same: a feed server on your
                           own network (none) [NEWS_COUNTER_PROXY_PRIVATE]
  --quiet                  no request log
  --help

Import: sets each id's count (or with --add, adds to it). Lines are id,count; a header line and
quoted ids are fine. If any line is invalid, every bad line is listed with its number and nothing
is imported; --skip-invalid imports the valid lines instead. An import lands whole or not at all,
while a server on the same store goes on answering (the import runs at low CPU priority); a second
import at the same time is refused.`;

/** Exits with a message on stderr. */
function fail(message: string, code = 2): never {
  process.stderr.write(`news-widgets-server: ${message}\n`);
  process.exit(code);
}

const argv = process.argv.slice(2);
// `--trust-proxy` takes an optional number: give it one when none follows, so parseArgs can read it as a string.
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--trust-proxy' && !/^\d+$/.test(argv[i + 1] ?? '')) argv.splice(i + 1, 0, '1');
}

let parsed;
try {
  parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      sync: { type: 'string' },
      redis: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'allow-no-origin': { type: 'boolean' },
      'trust-proxy': { type: 'string' },
      'rate-views': { type: 'string' },
      'rate-reads': { type: 'string' },
      'rate-other': { type: 'string' },
      'views-per-article': { type: 'string' },
      'new-ids': { type: 'string' },
      'keep-alive-timeout': { type: 'string' },
      'proxy-concurrency': { type: 'string' },
      'proxy-timeout': { type: 'string' },
      'proxy-private': { type: 'string', multiple: true },
      'proxy-hosts': { type: 'string', multiple: true },
      'proxy-ports': { type: 'string' },
      quiet: { type: 'boolean' },
      add: { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values: flags, positionals } = parsed;
if (flags.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}

const env = process.env;
const command = positionals[0] ?? 'serve';

/** A whole number from a flag or the environment, or the default. */
function whole(name: string, flag: string | undefined, envName: string, fallback: number): number {
  const raw = flag ?? env[envName];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    fail(`--${name} must be a whole number, not ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

const storeOptions: StoreOptions = {
  db: flags.db ?? env.NEWS_COUNTER_DB ?? DEFAULT_DB_PATH,
  redis: flags.redis ?? env.NEWS_COUNTER_REDIS,
  synchronous: (flags.sync ?? 'normal') as 'normal' | 'full',
};
if (!['normal', 'full'].includes(storeOptions.synchronous ?? '')) fail('--sync must be normal or full');

if (command === 'import') {
  const file = positionals[1];
  if (!file || positionals.length > 2) fail(`import takes one file\n\n${USAGE}`);
  // An import is a batch job beside a live server that may share this machine: the server goes first.
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here (some containers): the import runs at normal priority.
  }
  let store: CounterStore | undefined;
  try {
    store = await openStore(storeOptions);
    const { imported, errors, refused } = await importCountsFile(store, file, {
      add: flags.add,
      skipInvalid: flags['skip-invalid'],
    });
    for (const { line, reason } of errors) process.stderr.write(`${file}:${line}: ${reason}\n`);
    if (refused) {
      fail(`${errors.length} invalid line(s); nothing imported (--skip-invalid imports the valid lines)`, 1);
    }
    const where = storeOptions.redis ? 'Redis' : storeOptions.db;
    const skipped = errors.length ? `, ${errors.length} invalid line(s) skipped` : '';
    process.stdout.write(`${flags.add ? 'added' : 'set'} ${imported} count(s) in ${where}${skipped}\n`);
  } catch (error) {
    await store?.close().catch(() => {});
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`no such file: ${file}`, 1);
    fail(error instanceof ImportError ? `${error.message}; nothing imported` : (error as Error).message, 1);
  } finally {
    await store?.close();
  }
  process.exit(0);
}

if (command !== 'serve') fail(`unknown command ${command}\n\n${USAGE}`);

const port = whole('port', flags.port, 'NEWS_COUNTER_PORT', 8787);
const host = flags.host ?? env.NEWS_COUNTER_HOST ?? '127.0.0.1';
const quiet = Boolean(flags.quiet);
const log = quiet ? false : (entry: Record<string, unknown>) => process.stdout.write(JSON.stringify(entry) + '\n');

let counter: CounterServer;
try {
  counter = createCounterServer({
    ...storeOptions,
    allowOrigins: (flags['allow-origin'] ?? [env.NEWS_COUNTER_ORIGINS ?? '']).join(','),
    allowNoOrigin: flags['allow-no-origin'] ?? ['1', 'true', 'yes'].includes(env.NEWS_COUNTER_ALLOW_NO_ORIGIN ?? ''),
    trustProxy: whole('trust-proxy', flags['trust-proxy'], 'NEWS_COUNTER_TRUST_PROXY', 0),
    rateLimits: {
      views: { limit: whole('rate-views', flags['rate-views'], 'NEWS_COUNTER_RATE_VIEWS', 120) },
      reads: { limit: whole('rate-reads', flags['rate-reads'], 'NEWS_COUNTER_RATE_READS', 600) },
      other: { limit: whole('rate-other', flags['rate-other'], 'NEWS_COUNTER_RATE_OTHER', 600) },
    },
    viewLimits: {
      viewsPerArticle: whole(
        'views-per-article',
        flags['views-per-article'],
        'NEWS_COUNTER_VIEWS_PER_ARTICLE',
        DEFAULT_VIEWS_PER_ARTICLE,
      ),
      newIds: whole('new-ids', flags['new-ids'], 'NEWS_COUNTER_NEW_IDS', DEFAULT_NEW_IDS),
    },
    keepAliveTimeoutMs: whole('keep-alive-timeout', flags['keep-alive-timeout'], 'NEWS_COUNTER_KEEP_ALIVE', 5) * 1000,
    proxyHosts: (flags['proxy-hosts'] ?? [env.NEWS_COUNTER_PROXY_HOSTS ?? '']).join(','),
    proxy: {
      ports: (flags['proxy-ports'] ?? env.NEWS_COUNTER_PROXY_PORTS ?? '')
        .split(',')
        .filter((p) => p.trim())
        .map((p) => whole('proxy-ports', p.trim(), '', 0)),
      maxConcurrent: whole('proxy-concurrency', flags['proxy-concurrency'], 'NEWS_COUNTER_PROXY_CONCURRENCY', 4) || 1,
      timeoutMs: (whole('proxy-timeout', flags['proxy-timeout'], 'NEWS_COUNTER_PROXY_TIMEOUT', 10) || 1) * 1000,
      unsafeAllowTargets: (flags['proxy-private'] ?? [env.NEWS_COUNTER_PROXY_PRIVATE ?? ''])
        .join(',')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean)
        .map((address) => (net.isIP(address) ? address : fail(`--proxy-private takes IP addresses, not ${address}`))),
    },
    log,
  });
} catch (error) {
  fail((error as Error).message);
}

try {
  const { url } = await counter.listen(port, host);
  const store = storeOptions.redis ? 'redis' : storeOptions.db;
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event: 'listening', url, store }) + '\n');
} catch (error) {
  fail((error as Error).message, 1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    if (!quiet)
      process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event: 'stopping', signal }) + '\n');
    counter.close().then(
      () => process.exit(0),
      (error: Error) => fail(`while stopping: ${error.message}`, 1),
    );
  });
}
