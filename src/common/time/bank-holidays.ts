import data from './ew-bank-holidays.json';
import { addDays, formatDate, isIsoDate } from './iso';

/** A list of non-working days (bank holidays) for the years it covers. */
export interface WorkingCalendar {
  /** True on a bank holiday. Throws a RangeError for a date the calendar does not cover. */
  isBankHoliday(date: string): boolean;
  /** True when the date's year is within the calendar's data. */
  covers(date: string): boolean;
}

export interface BankHolidayData {
  division: string;
  dates: { date: string; title: string }[];
}

/**
 * A calendar from a list of bank-holiday dates covering the whole years firstYear..lastYear.
 * Bad input (a malformed date, a date outside the years) is a programming error and throws.
 */
export function calendarFrom(
  dates: string[],
  firstYear: number,
  lastYear: number,
): WorkingCalendar {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new RangeError(`calendarFrom: bad year range ${firstYear}..${lastYear}`);
  }
  const from = formatDate(firstYear, 1, 1);
  const to = formatDate(lastYear, 12, 31);
  const covers = (date: string): boolean => isIsoDate(date) && date >= from && date <= to;
  for (const d of dates) {
    if (!covers(d)) {
      throw new RangeError(
        `calendarFrom: ${JSON.stringify(d)} is not a date in ${firstYear}..${lastYear}`,
      );
    }
  }
  const holidays: ReadonlySet<string> = new Set(dates);
  return Object.freeze({
    covers,
    isBankHoliday(date: string): boolean {
      if (!covers(date)) {
        throw new RangeError(
          `no bank holiday data for ${JSON.stringify(date)} (calendar covers ${firstYear} to ${lastYear})`,
        );
      }
      return holidays.has(date);
    },
  });
}

/** The England & Wales bank holiday data (ew-bank-holidays.json), with titles. */
export const EW_BANK_HOLIDAYS: Readonly<BankHolidayData> = data;

function yearsOf(d: BankHolidayData): [number, number] {
  const years = d.dates.map((x) => Number(x.date.slice(0, 4)));
  return [Math.min(...years), Math.max(...years)];
}

/** England & Wales, from ew-bank-holidays.json (every year from the first to the last listed). */
export const ENGLAND_AND_WALES: WorkingCalendar = calendarFrom(
  data.dates.map((x) => x.date),
  ...yearsOf(data),
);

/** Easter Sunday of a Gregorian year (the anonymous Gregorian / Meeus algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDate(year, month, day);
}

/** Good Friday of a year (two days before Easter Sunday). */
export function goodFriday(year: number): string {
  return addDays(easterSunday(year), -2);
}
