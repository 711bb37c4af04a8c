import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a caller may send as its own request id: a plain token, never anything to interpret. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is a safe token (letters, digits,
 * `.`, `_`, `:`, `-`; at most 100 characters), so a gateway's id carries through; otherwise a
 * new UUID. A repeated header, an empty one or one with anything else in it is replaced.
 */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
