/** The one error type of the feed pipeline, with a code a host page can branch on. */

/**
 * Why a feed could not be shown.
 * - `parse`: broken XML or JSON.
 * - `format`: a well-formed document that is not a feed (an HTML page, say).
 * - `http`: the server answered with an error status (see `status`).
 * - `cors`: the server answers, but does not allow this site to read the feed (no CORS header).
 * - `network`: no answer at all: offline, DNS failure, connection refused.
 * - `timeout`: no answer within the time limit.
 * - `too-large`: the feed is bigger than the size limit (parsing it would freeze the page).
 * - `aborted`: the request was cancelled (the element left the page).
 * - `config`: the element is set up wrongly: no feed address, an address that is no URL, or an attribute value
 *   it does not know (the message names it).
 */
export type FeedErrorCode =
  'parse' | 'format' | 'http' | 'cors' | 'network' | 'timeout' | 'too-large' | 'aborted' | 'config';

export class FeedError extends Error {
  /** `reason` itself when it is a FeedError, else a `network` error that keeps it as its cause. */
  static from(reason: unknown): FeedError {
    return reason instanceof FeedError ? reason : new FeedError('network', String(reason), { cause: reason });
  }

  override readonly name = 'FeedError';
  readonly code: FeedErrorCode;
  /** HTTP status, for `code === 'http'`. */
  readonly status?: number;
  /** The feed address, when known. */
  readonly url?: string;
  /** For `format` errors on an HTML page: the feed the page advertises, if any. */
  readonly feedUrl?: string;

  constructor(
    code: FeedErrorCode,
    message: string,
    details: { status?: number; url?: string; feedUrl?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.url = details.url;
    this.feedUrl = details.feedUrl;
  }
}
