import { refuse } from '../domain-error';
import { epochMsOrThrow, epochMsToIso, instantToEpochMs, isIsoDate } from './iso';
import { londonDateOf } from './london';

/*
 * Dates and instants as a command's fields: parsed, normalised, and refused with a rule code
 * (`invalid_date`, `future_date`) naming the field. The arithmetic is in iso.ts and london.ts.
 */

/** Returns s, or refuses `invalid_date` naming `field`. */
export function parseIsoDate(s: unknown, field: string): string {
  if (!isIsoDate(s)) refuse('invalid_date', 'must be a date YYYY-MM-DD', field);
  return s;
}

/**
 * The instant normalised to UTC ISO with milliseconds ("2026-11-29T10:15:00.000Z"), or refuses
 * `invalid_date` naming `field`.
 */
export function parseIsoInstant(s: unknown, field: string): string {
  const ms = instantToEpochMs(s);
  if (ms === undefined) {
    refuse(
      'invalid_date',
      'must be an ISO 8601 date-time with an offset, e.g. 2026-11-29T10:15:00Z',
      field,
    );
  }
  return epochMsToIso(ms);
}

/**
 * Refuses `future_date` (naming `field`) when `instantOrDate` is later than `now` + `skewMs`.
 * A date is compared with the London calendar date of `now` + `skewMs` (so a date is "today" in
 * London until midnight, with the same clock skew allowed). An input that is neither an ISO
 * instant nor an ISO date is refused with `invalid_date`.
 */
export function assertNotFuture(
  instantOrDate: string,
  now: string,
  field: string,
  skewMs = 5 * 60_000,
): void {
  const nowMs = epochMsOrThrow(now, 'assertNotFuture(now)');
  const limit = nowMs + skewMs;
  if (isIsoDate(instantOrDate)) {
    const today = londonDateOf(epochMsToIso(limit));
    if (instantOrDate > today) {
      refuse('future_date', 'the date is in the future', field, { now });
    }
    return;
  }
  const ms = instantToEpochMs(instantOrDate);
  if (ms === undefined) {
    refuse('invalid_date', 'must be an ISO 8601 date or date-time with an offset', field);
  }
  if (ms > limit) refuse('future_date', 'the date-time is in the future', field, { now });
}
