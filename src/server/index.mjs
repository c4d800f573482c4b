// The counter server's programmatic API: a standalone server, or a handler to mount in another server.
import http from 'node:http';
import { createHandler } from './handler.mjs';

export { createHandler } from './handler.mjs';
export { openStore, DEFAULT_DB_PATH } from './store.mjs';
export { importCountsFile, parseCountsCsv } from './import-csv.mjs';
export { isPublicAddress } from './feed-proxy.mjs';
export { ID_PATTERN, MAX_BODY_BYTES, MAX_IDS } from './protocol.mjs';

/**
 * A counter server of its own: `/v1/*` routes, 404 for anything else.
 * @param {import('./handler.mjs').CounterOptions & { requestTimeoutMs?: number }} [options]
 */
export function createCounterServer(options = {}) {
  const handler = createHandler(options);
  const server = http.createServer(
    // A whole request (headers and body) must arrive within this time, or the socket is closed.
    { requestTimeout: options.requestTimeoutMs ?? 15_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      handler(req, res).then((handled) => {
        if (handled || res.headersSent) return;
        const body = '{"error":"not found"}';
        res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
        res.end(body);
      });
    },
  );
  let closed;
  return {
    server,
    handler,
    /**
     * Opens the store, then listens.
     * @param {number} [port=8787] 0 for any free port
     * @param {string} [host='127.0.0.1']
     * @returns {Promise<{ url: string, port: number }>}
     */
    async listen(port = 8787, host = '127.0.0.1') {
      await handler.ready;
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(undefined);
        });
      });
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `http://${shownHost}:${address.port}`, port: address.port };
    },
    /**
     * Stops accepting connections, lets requests in progress finish (up to `graceMs`), closes the store.
     * @param {{ graceMs?: number }} [options]
     */
    close({ graceMs = 10_000 } = {}) {
      closed ??= (async () => {
        const stopped = new Promise((resolve) => server.close(() => resolve(undefined)));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await handler.close();
        // Answers are out; keep-alive sockets now idle can go.
        server.closeIdleConnections();
        await stopped;
        clearTimeout(timer);
      })();
      return closed;
    },
  };
}
