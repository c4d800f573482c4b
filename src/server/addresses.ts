// IP addresses: parsing and checking, the client's address behind trusted proxies, and the network a client is counted by.
import net from 'node:net';
import type { IncomingMessage } from 'node:http';

/** Eight 16-bit groups of an IPv6 address (a zone index is ignored), or undefined when it is not one. */
export function expandIPv6(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, '');
  if (net.isIPv6(text) === false) return undefined;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1].split('.').map(Number);
    text =
      text.slice(0, -dotted[1].length) +
      `${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return undefined;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((g) =>
    parseInt(g, 16),
  );
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`) IPv6 address, if it is one. */
export function mappedIPv4(groups: number[]): string | undefined {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  return undefined;
}

/**
 * One address as a proxy or socket gives it, checked and in one canonical form: IPv4 dotted, IPv6 as
 * eight lower-case groups, IPv4-mapped IPv6 as the IPv4 it carries. Accepts `[v6]`, `[v6]:port` and
 * `v4:port` as proxies write them. Undefined when it is not an IP address (`unknown`, a hostname, junk).
 */
export function canonicalAddress(raw: string): string | undefined {
  let text = raw.trim();
  if (!text || text.length > 64) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  if (net.isIPv4(text)) return text;
  const groups = net.isIPv6(text) ? expandIPv6(text) : undefined;
  if (!groups) return undefined;
  return mappedIPv4(groups) ?? groups.map((g) => g.toString(16)).join(':');
}

/**
 * The network one client is counted by: an IPv4 address whole (/32), an IPv6 address by its /64, since
 * one IPv6 subscriber or host is handed a whole /64 and may use any address in it.
 * @param address a canonical address (see canonicalAddress)
 */
export function clientNetwork(address: string): string {
  if (net.isIPv4(address)) return address;
  return `${address.split(':').slice(0, 4).join(':')}::/64`;
}

/** Why a request's address could not be told. */
export class AddressError extends Error {}

/**
 * The client's canonical address. Without trusted proxies it is the socket's peer. With `trustProxy`
 * proxies in front, the peer is the nearest proxy and each proxy appended the address it saw to
 * X-Forwarded-For; the last `trustProxy - 1` entries are the other proxies', and the entry left of them
 * is the client as the farthest proxy saw it: the rightmost entry no client can choose. Everything
 * further left is whatever the client sent. A header shorter than the chain means the request came in
 * through fewer proxies: then its first entry, written by a proxy, is the client.
 * @throws AddressError when the entry that names the client is not an IP address
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const peer = canonicalAddress(req.socket.remoteAddress ?? '');
  if (!peer) throw new AddressError('the connection has no address');
  if (!trustProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  // Empty entries can only stand in the part the client wrote; proxies always write an address.
  const hops = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!hops.length) return peer;
  const entry = hops[Math.max(0, hops.length - trustProxy)];
  const address = canonicalAddress(entry);
  if (!address) throw new AddressError(`X-Forwarded-For names no IP address where the client should be`);
  return address;
}
