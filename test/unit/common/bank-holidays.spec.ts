import data from '@src/common/time/ew-bank-holidays.json';
import {
  calendarFrom,
  easterSunday,
  ENGLAND_AND_WALES,
  goodFriday,
  isIsoDate,
} from '@src/common/time';

/*
 * Keeps ew-bank-holidays.json honest: the regular England & Wales bank holidays are regenerated
 * here from the rules (independently of the production code, with JS Date for weekdays) and the
 * data must match them exactly, except for the one-off changes listed below.
 */

const FIRST_YEAR = 2015;
const LAST_YEAR = 2030;

/** One-off days added by proclamation. */
const ONE_OFF_ADDED: Record<string, string> = {
  '2020-05-08': 'early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day 75)',
  '2022-06-02':
    'spring bank holiday moved from Monday 30 May to Thursday 2 June (Platinum Jubilee)',
  '2022-06-03': 'Platinum Jubilee bank holiday',
  '2022-09-19': 'state funeral of Queen Elizabeth II',
  '2023-05-08': 'coronation of King Charles III',
};

/** Regular days that did not happen because they were moved (see above). */
const ONE_OFF_REMOVED: Record<string, string> = {
  '2020-05-04': 'moved to 8 May 2020',
  '2022-05-30': 'moved to 2 June 2022',
};

/** Easter Sunday, independently known (not computed), to check the Easter computation. */
const EASTER_SUNDAYS = [
  '2015-04-05',
  '2016-03-27',
  '2017-04-16',
  '2018-04-01',
  '2019-04-21',
  '2020-04-12',
  '2021-04-04',
  '2022-04-17',
  '2023-04-09',
  '2024-03-31',
  '2025-04-20',
  '2026-04-05',
  '2027-03-28',
  '2028-04-16',
  '2029-04-01',
  '2030-04-21',
];

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const SAT = 6;
const SUN = 0;
const MON = 1;

function firstMonday(y: number, m: number): Date {
  let d = utc(y, m, 1);
  while (d.getUTCDay() !== MON) d = plusDays(d, 1);
  return d;
}

function lastMonday(y: number, m: number): Date {
  let d = utc(y, m + 1, 0); // last day of month m
  while (d.getUTCDay() !== MON) d = plusDays(d, -1);
  return d;
}

/** The regular England & Wales bank holidays of a year, by the rules. */
function regularBankHolidays(y: number): string[] {
  const out: Date[] = [];
  // New Year's Day, or the next Monday when it falls at a weekend.
  const newYear = utc(y, 1, 1);
  out.push(
    newYear.getUTCDay() === SAT
      ? plusDays(newYear, 2)
      : newYear.getUTCDay() === SUN
        ? plusDays(newYear, 1)
        : newYear,
  );
  // Good Friday and Easter Monday.
  const [ey, em, ed] = EASTER_SUNDAYS[y - FIRST_YEAR].split('-').map(Number);
  out.push(plusDays(utc(ey, em, ed), -2), plusDays(utc(ey, em, ed), 1));
  // First Monday of May, last Monday of May, last Monday of August.
  out.push(firstMonday(y, 5), lastMonday(y, 5), lastMonday(y, 8));
  // Christmas Day and Boxing Day, with substitute weekdays when either falls at a weekend.
  const christmas = utc(y, 12, 25);
  switch (christmas.getUTCDay()) {
    case SAT: // Christmas -> Monday 27, Boxing Day (Sunday) -> Tuesday 28
      out.push(utc(y, 12, 27), utc(y, 12, 28));
      break;
    case SUN: // Boxing Day is Monday 26, Christmas -> Tuesday 27
      out.push(utc(y, 12, 26), utc(y, 12, 27));
      break;
    case 5: // Friday: Boxing Day (Saturday) -> Monday 28
      out.push(christmas, utc(y, 12, 28));
      break;
    default:
      out.push(christmas, utc(y, 12, 26));
  }
  return out.map(iso);
}

describe('England & Wales bank holiday data', () => {
  const listed = data.dates.map((d) => d.date);

  it('is well formed: the division, sorted unique dates with titles, every year 2015-2030', () => {
    expect(data.division).toBe('england-and-wales');
    for (const d of data.dates) {
      expect(isIsoDate(d.date)).toBe(true);
      expect(d.title.trim()).not.toBe('');
    }
    expect([...listed].sort()).toEqual(listed);
    expect(new Set(listed).size).toBe(listed.length);
    const years = new Set(listed.map((d) => Number(d.slice(0, 4))));
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) expect(years.has(y)).toBe(true);
    expect(Math.min(...years)).toBe(FIRST_YEAR);
    expect(Math.max(...years)).toBe(LAST_YEAR);
  });

  it('matches the rules exactly, except for the listed one-offs', () => {
    const expected = new Set<string>();
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      for (const d of regularBankHolidays(y)) expected.add(d);
    }
    for (const d of Object.keys(ONE_OFF_REMOVED)) {
      expect(expected.delete(d)).toBe(true); // each removal names a real regular day
    }
    for (const d of Object.keys(ONE_OFF_ADDED)) {
      expect(expected.has(d)).toBe(false); // each addition is not already a regular day
      expected.add(d);
    }
    expect(listed).toEqual([...expected].sort());
  });

  it('no bank holiday falls at a weekend (substitutes are weekdays)', () => {
    for (const d of listed) {
      const [y, m, day] = d.split('-').map(Number);
      expect([SAT, SUN]).not.toContain(utc(y, m, day).getUTCDay());
    }
  });

  it('includes the known substitute and one-off days', () => {
    for (const d of [
      '2015-12-28',
      '2016-12-27',
      '2020-05-08',
      '2021-12-27',
      '2021-12-28',
      '2022-01-03',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2022-12-27',
      '2023-01-02',
      '2023-05-08',
      '2026-04-03',
      '2026-04-06',
      '2026-12-25',
      '2026-12-28',
      '2027-12-27',
      '2027-12-28',
      '2028-01-03',
    ]) {
      expect(ENGLAND_AND_WALES.isBankHoliday(d)).toBe(true);
    }
    for (const d of ['2020-05-04', '2022-05-30', '2026-12-26', '2026-12-29', '2026-04-02']) {
      expect(ENGLAND_AND_WALES.isBankHoliday(d)).toBe(false);
    }
  });
});

describe('easterSunday / goodFriday', () => {
  it('agrees with the known Easter dates', () => {
    EASTER_SUNDAYS.forEach((date, i) => expect(easterSunday(FIRST_YEAR + i)).toBe(date));
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible
    expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible
    expect(goodFriday(2026)).toBe('2026-04-03');
  });
});

describe('WorkingCalendar', () => {
  it('ENGLAND_AND_WALES covers 2015 to 2030 and throws outside', () => {
    expect(ENGLAND_AND_WALES.covers('2015-01-01')).toBe(true);
    expect(ENGLAND_AND_WALES.covers('2030-12-31')).toBe(true);
    expect(ENGLAND_AND_WALES.covers('2014-12-31')).toBe(false);
    expect(ENGLAND_AND_WALES.covers('2031-01-01')).toBe(false);
    expect(ENGLAND_AND_WALES.covers('not a date')).toBe(false);
    expect(() => ENGLAND_AND_WALES.isBankHoliday('2031-01-01')).toThrow(RangeError);
    expect(() => ENGLAND_AND_WALES.isBankHoliday('2014-12-25')).toThrow(RangeError);
  });

  it('calendarFrom builds a calendar and checks its input', () => {
    const cal = calendarFrom(['2040-05-07'], 2040, 2041);
    expect(cal.isBankHoliday('2040-05-07')).toBe(true);
    expect(cal.isBankHoliday('2041-05-07')).toBe(false);
    expect(cal.covers('2042-01-01')).toBe(false);
    expect(() => calendarFrom(['2039-12-31'], 2040, 2041)).toThrow(RangeError);
    expect(() => calendarFrom(['2040-02-30'], 2040, 2041)).toThrow(RangeError);
    expect(() => calendarFrom([], 2041, 2040)).toThrow(RangeError);
  });
});
