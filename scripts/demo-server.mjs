// A dependency-free static server for the demo: serves the repository root so /cdn/... and /demo/... resolve.
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Feeds are served without a charset where the document declares its own encoding (the XML declaration),
// so the demo exercises the widget's decoding as a real publisher's server would.
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file, given its path relative to the root (with forward slashes). */
export function contentTypeFor(relPath) {
  const ext = path.posix.extname(relPath).toLowerCase();
  if (ext === '.json' && relPath.startsWith('demo/feeds/')) return 'application/feed+json; charset=utf-8';
  return types[ext] ?? 'application/octet-stream';
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Maps a URL path to a file under root, or undefined when it would leave root or cannot name a file. */
function resolveInside(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // Dotfiles and dot-folders (.git, .data) are never served.
  if (decoded.split('/').some((segment) => segment.startsWith('.') && segment !== '.')) return undefined;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

function isFresh(req, etag, mtime) {
  const inm = req.headers['if-none-match'];
  if (inm) {
    return inm
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag.replace(/^W\//, ''));
  }
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    // HTTP dates have one-second precision.
    return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

async function serveStatic(root, req, res, pathname) {
  const file = resolveInside(root, pathname);
  if (!file) return send(res, 404, 'Not found\n');
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, 'Not found\n');
  }
  if (info.isDirectory()) {
    // Relative links in a directory's index.html need the trailing slash.
    if (!pathname.endsWith('/')) {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      return send(res, 301, 'Moved\n', { Location: pathname + '/' + query });
    }
    return serveStatic(root, req, res, pathname + 'index.html');
  }
  if (!info.isFile()) return send(res, 404, 'Not found\n');

  const rel = path.relative(root, file).split(path.sep).join('/');
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': contentTypeFor(rel),
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  if (isFresh(req, etag, info.mtime)) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, 'Content-Length': info.size });
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Starts the demo server.
 * @param {object} [options]
 * @param {number} [options.port=8080] First port to try; when taken, the next ones up to +20. 0 picks any free port.
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.root] Directory to serve; the repository root by default.
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>} [options.api]
 *   Handler for `/v1/...` requests, instead of the counter server below.
 * @param {string} [options.counterDb] SQLite file of a counter server mounted at `/v1/` that accepts views from
 *   the demo's own pages (its origin is known once the port is).
 * @returns {Promise<{ url: string, port: number, server: http.Server, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 8080, host = '127.0.0.1', root = repoRoot, api, counterDb } = {}) {
  root = path.resolve(root);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const pathname = url.pathname;

    // Counter server (/v1/counts, /v1/views, /v1/health, /v1/feed).
    if (pathname === '/v1' || pathname.startsWith('/v1/')) {
      if (api) return api(req, res);
      return send(res, 404, JSON.stringify({ error: 'no counter server in this demo' }) + '\n', {
        'Content-Type': 'application/json; charset=utf-8',
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    }
    if (pathname === '/') return send(res, 302, 'Found\n', { Location: '/demo/' });

    serveStatic(root, req, res, pathname).catch((error) => {
      if (!res.headersSent) send(res, 500, 'Server error\n');
      else res.destroy(error);
    });
  });

  const listen = (p) =>
    new Promise((resolve, reject) => {
      const onError = (error) => {
        server.off('listening', onListening);
        reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });

  const attempts = port === 0 ? 1 : 21;
  for (let i = 0; i < attempts; i++) {
    try {
      await listen(port === 0 ? 0 : port + i);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || i === attempts - 1) throw error;
    }
  }

  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let counter;
  if (counterDb && !api) {
    // Imported here so that a demo without counts does not need the server's SQLite module.
    const { createHandler } = await import('../src/server/index.mjs');
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
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    server,
    close: async () => {
      await new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from a browser would otherwise hold the server open.
        server.closeAllConnections();
      });
      await counter?.close();
    },
  };
}
