import { assertNotFuture, parseIsoInstant } from '../common/time';

/** When it happened in the world: given (never in the future, allowing small clock skew) or now. */
export function occurredAt(given: string | undefined, now: string): string {
  if (given === undefined) return parseIsoInstant(now, 'now');
  const instant = parseIsoInstant(given, 'occurredAt');
  assertNotFuture(instant, now, 'occurredAt');
  return instant;
}
