/** Helpers for browser tests that fetch feeds through the test routes (see test-routes.mjs). */
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/feed-error.js';

let sequence = 0;

/** A key no other request of this run uses, so the server's hit count for it is this test's own. */
export const uniqueKey = (prefix: string): string => `${prefix}-${Date.now()}-${sequence++}`;

/** A fixture feed served over HTTP with the given route parameters, and the key its requests are counted under. */
export function servedFeed(file: string, params: Record<string, string | number> = {}, prefix = 'feed') {
  const key = uniqueKey(prefix);
  const query = new URLSearchParams({ file, key });
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  return { url: `/test-api/feed?${query}`, key };
}

/** How many requests the test server answered for `key`. */
export async function hits(key: string): Promise<number> {
  return ((await (await fetch(`/test-api/hits?key=${key}`)).json()) as { hits: number }).hits;
}

/** The `FeedError` a promise rejects with (failing the test if it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the promise to reject');
}
