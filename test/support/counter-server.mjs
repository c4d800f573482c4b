// A real counter server (SQLite in a temporary folder) for the browser tests, and routes to reach and seed it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCounterServer } from '../../dist/server/index.js';

/**
 * Starts the server allowing `origins` to record views.
 *   /test-api/counter/endpoint        → {"endpoint": "http://127.0.0.1:port"}
 *   /test-api/counter/seed?id=a&count=n → sets a count
 */
export async function startCounterServer(origins) {
  const folder = mkdtempSync(path.join(tmpdir(), 'news-widgets-counter-'));
  const counter = createCounterServer({
    db: path.join(folder, 'counts.sqlite'),
    allowOrigins: origins,
    log: false,
    // Every test page comes from one address: the limits are the server tests' subject, not these.
    rateLimits: { views: { limit: 100_000 }, reads: { limit: 100_000 }, other: { limit: 100_000 } },
    viewLimits: { viewsPerArticle: 0, newIds: 0 },
    maxConnectionsPerNetwork: 0,
  });
  const { url } = await counter.listen(0, '127.0.0.1');
  const middleware = async (ctx, next) => {
    if (ctx.path === '/test-api/counter/endpoint') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ endpoint: url });
      return;
    }
    if (ctx.path === '/test-api/counter/seed') {
      await counter.handler.store.importCounts([{ id: String(ctx.query.id), count: Number(ctx.query.count) }]);
      ctx.type = 'application/json';
      ctx.body = '{"ok":true}';
      return;
    }
    return next();
  };
  const stop = async () => {
    await counter.close({ graceMs: 1000 });
    rmSync(folder, { recursive: true, force: true });
  };
  return { url, middleware, stop };
}
