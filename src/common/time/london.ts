import { DateTime } from 'luxon';
import { addDays, civilOf, epochMsToIso, formatDate, instantToEpochMs, isIsoDate } from './iso';
import { MS_PER_HOUR } from './units';

/** The IANA zone of England & Wales (GMT in winter, BST = UTC+1 in summer). */
export const LONDON = 'Europe/London';

const MS_PER_DAY = 86_400_000;
/** Entries kept by each memo below before it starts again (a few years of hours or dates). */
const MEMO_LIMIT = 50_000;

/*
 * luxon resolves a zone through Intl on every call (tens of microseconds), and deadlines, deciders
 * and read models ask the same questions over and over (the same few dates, the same hours), so
 * both answers are memoised: they depend on nothing but their argument and the zone rules.
 */
const offsetByHour = new Map<number, number | null>();
const midnightByDate = new Map<string, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * London's offset from UTC (ms) throughout the UTC hour starting at `hour` × 1 h, or null when it
 * changes within that hour (then each instant is placed on its own).
 */
function offsetThroughoutHour(hour: number): number | null {
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const start = DateTime.fromMillis(hour * MS_PER_HOUR, { zone: LONDON }).offset;
  const end = DateTime.fromMillis(hour * MS_PER_HOUR + MS_PER_HOUR - 1, { zone: LONDON }).offset;
  return remember(offsetByHour, hour, start === end ? start * 60_000 : null);
}

/** The calendar date in London of an instant (BST aware), e.g. 2026-06-30T23:30:00Z -> 2026-07-01. */
export function londonDateOf(instant: string): string {
  const ms = instantToEpochMs(instant);
  if (ms === undefined) {
    throw new TypeError(`londonDateOf: not an ISO instant: ${JSON.stringify(instant)}`);
  }
  const offset = offsetThroughoutHour(Math.floor(ms / MS_PER_HOUR));
  if (offset !== null) {
    const { y, m, d } = civilOf(Math.floor((ms + offset) / MS_PER_DAY));
    if (y >= 1 && y <= 9999) return formatDate(y, m, d);
  }
  const date = DateTime.fromMillis(ms, { zone: LONDON }).toISODate();
  if (date === null) throw new RangeError(`londonDateOf: cannot place ${instant} in ${LONDON}`);
  return date;
}

/** The instant (UTC ISO with milliseconds) at which the London calendar date starts. */
export function londonMidnight(date: string): string {
  const known = midnightByDate.get(date);
  if (known !== undefined) return known;
  if (!isIsoDate(date))
    throw new TypeError(`londonMidnight: not an ISO date: ${JSON.stringify(date)}`);
  const start = DateTime.fromISO(date, { zone: LONDON }).startOf('day');
  if (!start.isValid) throw new RangeError(`londonMidnight: cannot place ${date} in ${LONDON}`);
  return remember(midnightByDate, date, epochMsToIso(start.toMillis()));
}

/** The instant (UTC ISO, ms) at which the London calendar day `date` ends: its next midnight. */
export function endOfLondonDay(date: string): string {
  return londonMidnight(addDays(date, 1));
}
