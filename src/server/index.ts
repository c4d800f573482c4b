// The counter server's programmatic API: a standalone server, or a handler to mount in another server.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { canonicalAddress, clientNetwork } from './addresses.js';
import type { CounterHandler, CounterOptions } from './handler.js';
import { createHandler } from './handler.js';

export { createHandler, DEFAULT_NEW_IDS, DEFAULT_VIEWS_PER_ARTICLE } from './handler.js';
export type { CounterHandler, CounterOptions } from './handler.js';
export { openStore } from './open-store.js';
export { DEFAULT_DB_PATH, ImportError, MAX_COUNT } from './store.js';
export type { CounterStore, ImportRow, StoreOptions, ViewLimits } from './store.js';
export { importCountsFile, parseCountsCsv } from './import-csv.js';
export { isPublicAddress } from './feed-proxy.js';
export type { FeedProxyOptions } from './feed-proxy.js';
export * from '../protocol/counter-protocol.js';

/** Node's socket timeouts, chosen rather than left to its defaults. */
export interface ServerTimeouts {
  /** The request line and headers must arrive within this (default 10 s): a slow-headers client is cut off. */
  headersTimeoutMs?: number;
  /** The whole request, body included, within this (default 15 s). */
  requestTimeoutMs?: number;
  /**
   * An idle keep-alive connection is closed after this (default 5 s). Behind a proxy that keeps
   * connections to this server open, set it above the proxy's idle timeout, or the proxy may send a
   * request just as the server closes and get a reset.
   */
  keepAliveTimeoutMs?: number;
  /** Open connections from one client network at a time (default 64; 0: no cap; never behind a proxy). */
  maxConnectionsPerNetwork?: number;
}

export interface CounterServer {
  server: http.Server;
  handler: CounterHandler;
  /** Opens the store, then listens (port 0: any free port). */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting connections, lets requests in progress finish (up to `graceMs`), closes the store. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** A counter server of its own: `/v1/*` routes, 404 for anything else; every request rate-limited. */
export function createCounterServer(options: CounterOptions & ServerTimeouts = {}): CounterServer {
  const handler = createHandler(options);
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = http.createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, options.requestTimeoutMs ?? 15_000),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // Node checks the two timeouts above only this often (30 s by default): a silent socket would live
      // that long. Checking every second holds it no longer than the timeouts say.
      connectionsCheckingInterval: 1_000,
      // Headers past 16 KB are refused with 431; nothing of this protocol needs more.
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      handler.answerAll(req, res).catch(() => res.destroy());
    },
  );

  // Without proxies each client network may hold a bounded number of connections; behind proxies every
  // connection comes from a proxy, so the cap would only throttle the proxy.
  const trusted = options.trustProxy === true || Number(options.trustProxy) > 0;
  const cap = trusted ? 0 : (options.maxConnectionsPerNetwork ?? 64);
  if (cap) {
    const open = new Map<string, number>();
    server.on('connection', (socket: Socket) => {
      const address = canonicalAddress(socket.remoteAddress ?? '');
      if (!address) return socket.destroy();
      const network = clientNetwork(address);
      const n = (open.get(network) ?? 0) + 1;
      if (n > cap) return socket.destroy();
      open.set(network, n);
      socket.once('close', () => {
        const left = (open.get(network) ?? 1) - 1;
        if (left) open.set(network, left);
        else open.delete(network);
      });
    });
  }

  let closed: Promise<void> | undefined;
  return {
    server,
    handler,
    async listen(port = 8787, host = '127.0.0.1') {
      await handler.ready;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `http://${shownHost}:${address.port}`, port: address.port };
    },
    close({ graceMs = 10_000 } = {}) {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
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
