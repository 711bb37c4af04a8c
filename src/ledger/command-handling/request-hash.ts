import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';

/** A stable hash of a request: same method, route and body (keys in any order) → same hash. */
export function requestHash(method: string, route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${route}\n${canonicalJson(body)}`)
    .digest('hex');
}
