import { ENGLAND_AND_WALES, goodFriday, WorkingCalendar } from './bank-holidays';
import { addDays, epochMsToIso, instantToEpochMs, isIsoDate, isoWeekday } from './iso';
import { londonDateOf, londonMidnight } from './london';
import { MS_PER_HOUR } from './units';

/**
 * Whether a London calendar date counts towards the s.295 detention period: not a Saturday,
 * Sunday, Christmas Day, Good Friday or bank holiday. Throws a RangeError when the calendar does
 * not cover the date (a deadline must never be computed from missing data).
 */
export function isCountedDay(date: string, calendar: WorkingCalendar = ENGLAND_AND_WALES): boolean {
  if (!isIsoDate(date))
    throw new TypeError(`isCountedDay: not an ISO date: ${JSON.stringify(date)}`);
  if (!calendar.covers(date)) {
    throw new RangeError(`isCountedDay: the working calendar does not cover ${date}`);
  }
  if (isoWeekday(date) >= 6) return false;
  if (date.slice(5) === '12-25') return false;
  if (date === goodFriday(Number(date.slice(0, 4)))) return false;
  return !calendar.isBankHoliday(date);
}

/**
 * s.295: 48 hours, not counting Saturdays, Sundays, Christmas Day, Good Friday and bank holidays
 * (London calendar days). seizedAt any instant; returns the UTC ISO instant of expiry. E.g. seized
 * Friday 10:00 -> expires Tuesday 10:00. Seized on an excluded day: the clock starts at the next
 * counted day's midnight. Across BST changes, count real elapsed hours within counted days. If the
 * period runs beyond the calendar's coverage, throw an Error.
 *
 * The period ends inside the last counted day it needs; an end falling exactly on midnight is
 * that midnight (the end of the counted day), not pushed past the excluded days after it.
 */
export function cashDetentionExpiry(
  seizedAt: string,
  calendar: WorkingCalendar = ENGLAND_AND_WALES,
  hours = 48,
): string {
  let t = instantToEpochMs(seizedAt);
  if (t === undefined) {
    throw new TypeError(`cashDetentionExpiry: not an ISO instant: ${JSON.stringify(seizedAt)}`);
  }
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`cashDetentionExpiry: hours must be a non-negative number, got ${hours}`);
  }
  let remaining = Math.round(hours * MS_PER_HOUR);
  let day = londonDateOf(epochMsToIso(t));
  for (;;) {
    const { counted, next, following } = dayFacts(day, calendar);
    if (counted) {
      const available = next - t; // real elapsed time left in this London day
      if (remaining <= available) return epochMsToIso(t + remaining);
      remaining -= available;
    }
    t = next;
    day = following;
  }
}

interface DayFacts {
  counted: boolean;
  /** The next London midnight, in epoch ms, and the date it begins. */
  next: number;
  following: string;
}

/** Per calendar (calendars are immutable), what each London day is: a few thousand days at most. */
const daysByCalendar = new WeakMap<WorkingCalendar, Map<string, DayFacts>>();

function dayFacts(day: string, calendar: WorkingCalendar): DayFacts {
  let days = daysByCalendar.get(calendar);
  if (days === undefined) {
    days = new Map();
    daysByCalendar.set(calendar, days);
  }
  let facts = days.get(day);
  if (facts === undefined) {
    // isCountedDay throws for a day the calendar does not cover: nothing is remembered then.
    const following = addDays(day, 1);
    facts = {
      counted: isCountedDay(day, calendar),
      next: instantToEpochMs(londonMidnight(following)) as number,
      following,
    };
    days.set(day, facts);
  }
  return facts;
}
