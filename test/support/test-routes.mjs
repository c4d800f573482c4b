// Routes the browser tests fetch feeds from: real HTTP with chosen headers, statuses, delays and hit counts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures');
const hits = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Koa middleware for @web/test-runner's dev server.
 *   /test-api/feed?file=feeds/rss2.xml&type=text/xml;charset=gbk&delay=100&status=200&key=k&cors=1
 *     (&fail-after=n: once the key has been served n times, answer 503)
 *   /test-api/hits?key=k    → {"hits": n}
 *   /test-api/status/503    → that status
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
    const status = /^\/test-api\/status\/(\d{3})$/.exec(ctx.path);
    if (status) {
      ctx.status = Number(status[1]);
      ctx.type = 'text/plain';
      ctx.body = `status ${status[1]}`;
      return;
    }
    if (ctx.path === '/test-api/feed') {
      if (q.key) hits.set(String(q.key), (hits.get(String(q.key)) ?? 0) + 1);
      if (q['fail-after'] !== undefined && (hits.get(String(q.key)) ?? 0) > Number(q['fail-after'])) {
        ctx.status = 503;
        ctx.body = 'unavailable';
        return;
      }
      if (q.delay) await sleep(Number(q.delay));
      const file = path.resolve(fixtures, String(q.file ?? ''));
      if (!file.startsWith(fixtures + path.sep)) {
        ctx.status = 400;
        return;
      }
      ctx.status = q.status ? Number(q.status) : 200;
      ctx.set('Content-Type', q.type ? String(q.type) : 'application/xml');
      ctx.set('Cache-Control', 'no-store');
      if (q.cors) ctx.set('Access-Control-Allow-Origin', '*');
      ctx.body = await readFile(file);
      return;
    }
    return next();
  };
}
