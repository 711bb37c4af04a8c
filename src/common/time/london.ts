import { DateTime } from 'luxon';
import { epochMsToIso, instantToEpochMs, isIsoDate } from './iso';

/** The IANA zone of England & Wales (GMT in winter, BST = UTC+1 in summer). */
export const LONDON = 'Europe/London';

/** The calendar date in London of an instant (BST aware), e.g. 2026-06-30T23:30:00Z -> 2026-07-01. */
export function londonDateOf(instant: string): string {
  const ms = instantToEpochMs(instant);
  if (ms === undefined) {
    throw new TypeError(`londonDateOf: not an ISO instant: ${JSON.stringify(instant)}`);
  }
  const date = DateTime.fromMillis(ms, { zone: LONDON }).toISODate();
  if (date === null) throw new RangeError(`londonDateOf: cannot place ${instant} in ${LONDON}`);
  return date;
}

/** The instant (UTC ISO with milliseconds) at which the London calendar date starts. */
export function londonMidnight(date: string): string {
  if (!isIsoDate(date))
    throw new TypeError(`londonMidnight: not an ISO date: ${JSON.stringify(date)}`);
  const start = DateTime.fromISO(date, { zone: LONDON }).startOf('day');
  if (!start.isValid) throw new RangeError(`londonMidnight: cannot place ${date} in ${LONDON}`);
  return epochMsToIso(start.toMillis());
}
