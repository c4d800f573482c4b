// Counter protocol v1, the one definition the browser client and the server both import: id rules, limits, routes, bodies.
// Neither the DOM nor Node: this module must run in both, and in workers.

/** An article id: 1-128 characters of ASCII letters, digits and `. _ : / -`. */
export const ID_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;

/** Longest id, in characters. */
export const MAX_ID_LENGTH = 128;

/** Ids in one `GET /v1/counts`. */
export const MAX_IDS = 100;

/** Bytes in one `POST /v1/views` body. */
export const MAX_BODY_BYTES = 1024;

/** Seconds a client or a shared cache may reuse an answer of `GET /v1/counts`. */
export const COUNTS_MAX_AGE_SECONDS = 30;

/** Whether `id` is an id the protocol allows. */
export const isCounterId = (id: string): boolean => ID_PATTERN.test(id);

/** The paths of protocol v1, relative to a server's endpoint. */
export const ROUTES = {
  counts: '/v1/counts',
  views: '/v1/views',
  health: '/v1/health',
  feed: '/v1/feed',
} as const;

export type RouteName = keyof typeof ROUTES;

/** `GET /v1/counts?ids=a,b` → 200. Unknown ids count 0. */
export interface CountsResponse {
  counts: Record<string, number>;
}

/** `POST /v1/views` body, sent as `text/plain` JSON so that no CORS preflight is needed. */
export interface ViewRequest {
  id: string;
}

/** `POST /v1/views` → 200: the count after this view, and whether this view was counted. */
export interface ViewResponse {
  id: string;
  count: number;
  counted: boolean;
}

/** `GET /v1/health` → 200. */
export interface HealthResponse {
  ok: true;
}

/** Any 4xx or 5xx answer. A 429 or 503 also carries `Retry-After` (seconds). */
export interface ErrorResponse {
  error: string;
}
