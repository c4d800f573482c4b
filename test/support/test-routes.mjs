// Routes the browser tests fetch feeds from: real HTTP with chosen headers, statuses, delays and hit counts.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');
// Third-party corpora live inside the repository (test/fixtures/corpus), so a fresh clone runs every test.
const corpus = path.join(fixtures, 'corpus');
const hits = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A corpus path, or undefined when it points outside the corpus. */
function inCorpus(relative) {
  const file = path.resolve(corpus, relative);
  return file.startsWith(corpus + path.sep) ? file : undefined;
}

// Test files' header comments are in their own encoding: UTF-32/16 need decoding before a regex can read them.
function headText(bytes) {
  const [a, b, c, d] = bytes;
  if ((a === 0 && b === 0) || (c === 0 && d === 0 && (b === 0 || (a === 0xff && b === 0xfe)))) {
    const le = a !== 0 || b !== 0;
    let out = '';
    const start = (a === 0 && b === 0 && c === 0xfe) || (a === 0xff && b === 0xfe) ? 4 : 0;
    for (let i = start; i + 3 < Math.min(bytes.length, 4096); i += 4) {
      out += String.fromCodePoint(le ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i));
    }
    return out;
  }
  if ((a === 0xfe && b === 0xff) || (a === 0 && b !== 0)) return new TextDecoder('utf-16be').decode(bytes);
  if ((a === 0xff && b === 0xfe) || (a !== 0 && b === 0)) return new TextDecoder('utf-16le').decode(bytes);
  return bytes.subarray(0, 4096).toString('latin1');
}

/** Description, Expect and Header lines of one feedparser test file (JSON files keep them in "__TEST__"). */
function testComment(text) {
  const field = (name) =>
    [...text.matchAll(new RegExp(`${name}:\\s*(.*?)\\s*(?:$|(?=Expect:|-->))`, 'gm'))].map((m) => m[1].trim());
  return { description: field('Description')[0] ?? '', expect: field('Expect')[0] ?? '', headers: field('Header') };
}

/**
 * The feedparser test files in corpus folders, with their Description, Expect and Header lines; undefined when
 * a folder lies outside the corpus.
 * @param {string[]} dirs folders relative to test/fixtures/corpus
 * @returns {Promise<{ path: string; description: string; expect: string; headers: string[] }[] | undefined>}
 */
export async function corpusIndex(dirs) {
  const index = [];
  for (const dir of dirs) {
    const folder = inCorpus(dir);
    if (!folder) return undefined;
    for (const name of (await readdir(folder)).sort()) {
      if (!/\.(xml|rss|rdf|atom|json)$/.test(name)) continue;
      const bytes = await readFile(path.join(folder, name));
      index.push({ path: `${dir}/${name}`, ...testComment(headText(bytes)) });
    }
  }
  return index;
}

/** The bytes of one corpus file. */
export const corpusFile = (relative) => readFile(inCorpus(relative) ?? '');

/**
 * Koa middleware for @web/test-runner's dev server.
 *   /test-api/feed?file=feeds/rss2.xml&type=text/xml;charset=gbk&delay=100&status=200&key=k&cors=1
 *     (&fail-after=n: once the key has been served n times, answer 503; &fail-first=n: answer its first n
 *     requests with 503, a server that is down for a while; &fail-status=404: fail with that status instead;
 *     &then=lists/b.xml: serve b.xml
 *     from the key's second request on)
 *   /test-api/hits?key=k    → {"hits": n}   (key=k:aborted: requests the client cancelled before the answer)
 *   /test-api/status/503    → that status
 *   /test-api/large?mb=11&chunked=1 → a feed of that size (chunked: no Content-Length)
 *   /test-api/corpus?file=feedparser/tests/...          → a corpus file's raw bytes
 *   POST /test-api/corpus-report → saved as .test-results/corpus-report.txt
 *   /test-api/corpus-index?dirs=feedparser/tests/json,... → [{ path, description, expect, headers }]
 *   /test-api/feed?...&validators=1 → sends ETag and Last-Modified, and answers a matching conditional
 *     request with 304 (counted under /test-api/hits?key=k:304)
 */
export function testRoutes() {
  return async function testRoutesMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/test-api/')) return next();
    const q = ctx.query;
    if (ctx.path === '/test-api/hits') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ hits: hits.get(String(q.key)) ?? 0 });
      return;
    }
    if (ctx.path === '/test-api/large') {
      // A well-formed feed of about `mb` megabytes; with chunked=1 it is sent without a Content-Length.
      const size = Number(q.mb ?? 11) * 1024 * 1024;
      const filler = `<!-- ${'x'.repeat(64 * 1024)} -->\n`;
      const parts = ['<?xml version="1.0"?><rss version="2.0"><channel><title>Large</title>\n'];
      for (let sent = 0; sent < size; sent += filler.length) parts.push(filler);
      parts.push('</channel></rss>\n');
      ctx.type = 'application/rss+xml';
      ctx.body = q.chunked ? Readable.from(parts) : parts.join('');
      return;
    }
    const status = /^\/test-api\/status\/(\d{3})$/.exec(ctx.path);
    if (status) {
      ctx.status = Number(status[1]);
      ctx.type = 'text/plain';
      ctx.body = `status ${status[1]}`;
      return;
    }
    if (ctx.path === '/test-api/corpus') {
      const file = inCorpus(String(q.file ?? ''));
      if (!file) {
        ctx.status = 400;
        return;
      }
      ctx.type = 'application/octet-stream';
      ctx.body = await readFile(file).catch(() => {
        ctx.status = 404;
        return '';
      });
      return;
    }
    if (ctx.path === '/test-api/corpus-report' && ctx.method === 'POST') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      await mkdir(path.join(root, '.test-results'), { recursive: true });
      await writeFile(path.join(root, '.test-results/corpus-report.txt'), Buffer.concat(chunks));
      ctx.status = 204;
      return;
    }
    if (ctx.path === '/test-api/corpus-index') {
      const index = await corpusIndex(String(q.dirs ?? '').split(','));
      if (!index) {
        ctx.status = 400;
        return;
      }
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(index);
      return;
    }
    if (ctx.path === '/test-api/feed') {
      if (q.key) {
        const key = String(q.key);
        hits.set(key, (hits.get(key) ?? 0) + 1);
        // A client that gives up before the answer is complete closes the connection: counted under key:aborted.
        ctx.res.once('close', () => {
          if (!ctx.res.writableFinished) hits.set(`${key}:aborted`, (hits.get(`${key}:aborted`) ?? 0) + 1);
        });
      }
      const count = hits.get(String(q.key)) ?? 0;
      if (
        (q['fail-after'] !== undefined && count > Number(q['fail-after'])) ||
        (q['fail-first'] !== undefined && count <= Number(q['fail-first']))
      ) {
        ctx.status = Number(q['fail-status'] ?? 503);
        ctx.body = 'unavailable';
        return;
      }
      if (q.delay) await sleep(Number(q.delay));
      // &then=lists/b.xml: the first request of a key gets `file`, later ones this file (a feed that changed).
      const served = q.then && q.key && hits.get(String(q.key)) > 1 ? q.then : q.file;
      const file = path.resolve(fixtures, String(served ?? ''));
      if (!file.startsWith(fixtures + path.sep)) {
        ctx.status = 400;
        return;
      }
      const body = await readFile(file);
      if (q.cors) ctx.set('Access-Control-Allow-Origin', '*');
      if (q.validators) {
        const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
        const modified = 'Wed, 01 May 2024 10:00:00 GMT';
        ctx.set('ETag', etag);
        ctx.set('Last-Modified', modified);
        ctx.set('Cache-Control', 'no-cache');
        const ifNoneMatch = ctx.get('If-None-Match');
        const ifModifiedSince = ctx.get('If-Modified-Since');
        if (ifNoneMatch ? ifNoneMatch === etag : ifModifiedSince === modified) {
          if (q.key) hits.set(`${q.key}:304`, (hits.get(`${q.key}:304`) ?? 0) + 1);
          ctx.status = 304;
          return;
        }
      } else {
        ctx.set('Cache-Control', 'no-store');
      }
      ctx.status = q.status ? Number(q.status) : 200;
      ctx.set('Content-Type', q.type ? String(q.type) : 'application/xml');
      ctx.body = body;
      return;
    }
    return next();
  };
}
