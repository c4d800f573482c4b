// The demo site: @web/dev-server serves the repository root (so /cdn/ and /demo/ resolve), with the counter server
// mounted at /v1/, feeds sent with the content types a publisher's server would use, and / sent to /demo/.
import { stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Feeds go out as a feed host sends them: XML without a charset, so the widget reads the GBK feed's encoding from
 * its XML declaration; JSON Feed under its own type.
 */
const feedTypes = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/feed+json; charset=utf-8',
};

function safeDecode(pathname) {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

const isFree = (port, host) =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });

/** `port` or the next free one up to +20; 0 lets the system pick. */
async function choosePort(port, host) {
  if (port === 0) {
    return new Promise((resolve, reject) => {
      const probe = net.createServer().listen(0, host, () => {
        const { port: picked } = probe.address();
        probe.close(() => resolve(picked));
      });
      probe.on('error', reject);
    });
  }
  for (let candidate = port; candidate <= port + 20; candidate++) {
    if (await isFree(candidate, host)) return candidate;
  }
  throw new Error(`news-widgets demo: ports ${port} to ${port + 20} are all in use`);
}

/**
 * Starts the demo server.
 * @param {object} [options]
 * @param {number} [options.port=8080] First port to try; when taken, the next ones up to +20. 0 picks any free port.
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.root] Directory to serve; the repository root by default.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} [options.api]
 *   Handler for `/v1/...` requests, instead of the counter server below.
 * @param {string} [options.counterDb] SQLite file of a counter server mounted at `/v1/` that accepts views from
 *   the demo's own pages (its origin is known once the port is).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 8080, host = '127.0.0.1', root = repoRoot, api, counterDb } = {}) {
  const rootDir = path.resolve(root);
  const actualPort = await choosePort(port, host);
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let counter;
  if (counterDb && !api) {
    // Imported here so that a demo without counts does not need the server's SQLite module.
    const { createHandler } = await import('../dist/server/index.js');
    counter = createHandler({
      db: counterDb,
      allowOrigins: [
        `http://localhost:${actualPort}`,
        `http://127.0.0.1:${actualPort}`,
        `http://${urlHost}:${actualPort}`,
      ],
      log: false,
    });
    await counter.ready;
    api = counter;
  }

  /** @type {import('@web/dev-server-core').Middleware} */
  async function demoRoutes(ctx, next) {
    if (ctx.path === '/v1' || ctx.path.startsWith('/v1/')) {
      if (!api) {
        ctx.status = 404;
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = JSON.stringify({ error: 'no counter server in this demo' }) + '\n';
        return;
      }
      // The counter server answers on the raw request, as it does when it runs on its own.
      ctx.respond = false;
      await api(ctx.req, ctx.res);
      return;
    }
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD');
      return;
    }
    // Dotfiles and dot-folders (.git, and .data with the demo's view counts) are never served, nor odd paths.
    if (/(^|\/)\.|[\0\\]/.test(safeDecode(ctx.path) ?? '/.')) {
      ctx.status = 404;
      return;
    }
    if (ctx.path === '/') {
      ctx.status = 302;
      ctx.redirect('/demo/');
      return;
    }
    // A folder without its slash: relative links in its index.html need the slash.
    if (!ctx.path.endsWith('/') && !path.posix.extname(ctx.path)) {
      const folder = path.join(rootDir, path.posix.normalize(safeDecode(ctx.path) ?? '/'));
      if (folder.startsWith(rootDir + path.sep) && (await stat(folder).catch(() => undefined))?.isDirectory()) {
        ctx.status = 301;
        ctx.redirect(ctx.path + '/' + (ctx.querystring ? `?${ctx.querystring}` : ''));
        return;
      }
    }
    await next();
    if (ctx.status !== 200) return;
    if (ctx.path.startsWith('/demo/feeds/')) {
      const type = feedTypes[path.posix.extname(ctx.path).toLowerCase()];
      if (type) ctx.set('Content-Type', type);
    }
    // A revalidation with the current ETag (the widgets' feed cache sends one) gets an empty 304.
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    }
  }

  const server = await startDevServer({
    config: {
      rootDir,
      port: actualPort,
      hostname: host,
      middleware: [demoRoutes],
      // Plain files, as a CMS would serve them: no module resolution, no reloading.
      nodeResolve: false,
      watch: false,
      clearTerminalOnReload: false,
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });

  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    close: async () => {
      // Keep-alive connections from a browser would otherwise hold the server open.
      server.server?.closeAllConnections?.();
      await server.stop();
      await counter?.close();
    },
  };
}
