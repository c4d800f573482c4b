/** Feed errors in words a web editor or reader understands. */
import type { FeedError } from '../feed/feed-error.js';
import type { Messages } from './messages.js';

export function describeError(m: Messages, error: FeedError): string {
  switch (error.code) {
    case 'parse':
      return m.errors.parse;
    case 'format':
      return error.feedUrl ? m.errors.formatWithFeed(error.feedUrl) : m.errors.format;
    case 'http':
      return error.status === 404 || error.status === 410 ? m.errors.notFound : m.errors.http(error.status ?? 0);
    case 'cors':
      return m.errors.cors;
    case 'network':
      return navigator.onLine === false ? m.errors.offline : m.errors.network;
    case 'timeout':
      return m.errors.timeout;
    case 'too-large':
      return m.errors.tooLarge;
    case 'config':
      return m.errors.config;
    default:
      return m.errors.unknown;
  }
}
