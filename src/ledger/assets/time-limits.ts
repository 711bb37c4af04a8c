import { addDays, addMonths, compareInstants } from '../../common/time';

/** The time limits of the civil-forfeiture track (docs/domain.md, "Detention clocks"). */
export interface AssetTimeLimits {
  /** s.295: initial detention of cash, counted hours (weekends and holidays excluded). */
  cashInitialHours: number;
  /** s.303K: listed assets, without / with a senior officer's authority. */
  listedInitialHours: number;
  listedSeniorOfficerHours: number;
  /**
   * How s.303K's hours are counted: `counted` (as s.295(1B): no weekends, Christmas Day, Good
   * Friday or bank holidays) or `real` (clock hours). The text is not in the corpus: verify.
   */
  listedHoursCounting: 'counted' | 'real';
  /** s.47J(2): property seized under s.47C "may be detained initially for a period of 48 hours". */
  s47cInitialHours: number;
  /** Cryptoassets seized under s.303Z29: 48 hours as for cash (verify: the section setting it is not in the text we have). */
  cryptoInitialHours: number;
  /** Each extension order lasts at most this many calendar months. */
  extensionMaxMonths: number;
  /** s.295(2)(b), s.303L(2)(b), s.303Z32(2)(b): no further order beyond this many months beginning with the date of the first order. */
  detentionMaxMonths: number;
  /** s.303Z32(4): an order may extend that period for cryptoassets to at most this many months beginning with the date of the first order. */
  cryptoExtendedMaxMonths: number;
  /** s.297A / s.303Z9: the objection window runs at least this many days from the day after. */
  noticeObjectionDays: number;
  /** s.297D: after a notice lapses on an objection once the order ended, counted hours more. */
  noticeLapseHours: number;
  /** s.303Z11(2): an account freezing order ceases this many (real) hours after an objection. */
  afoObjectionHours: number;
  /** ss.303Z3-303Z4: an account freezing order, with any extension, lasts at most this many months from when it was made. */
  afoMaxMonths: number;
}

export const timeLimits: AssetTimeLimits = {
  cashInitialHours: 48,
  listedInitialHours: 6,
  listedSeniorOfficerHours: 48,
  listedHoursCounting: 'counted',
  cryptoInitialHours: 48,
  s47cInitialHours: 48,
  extensionMaxMonths: 6,
  detentionMaxMonths: 24,
  cryptoExtendedMaxMonths: 36,
  noticeObjectionDays: 30,
  noticeLapseHours: 48,
  afoObjectionHours: 48,
  afoMaxMonths: 24,
};

/** True when instant `a` is strictly later than instant `b`. */
export function isAfter(a: string, b: string): boolean {
  return compareInstants(a, b) > 0;
}

/**
 * The last day of a period of `months` "beginning with" `date`: the date counts as day one, so 6
 * months beginning with 10 March end at the end of 9 September.
 */
export function lastDayOfPeriod(date: string, months: number): string {
  return addDays(addMonths(date, months), -1);
}

/**
 * The earliest objection deadline for a notice given on `givenAt` (a date). s.297A: the period is
 * "at least 30 days starting with the day after the notice is given", so for a notice given on
 * 28 November it runs 29 November to 28 December inclusive: the deadline is givenAt + 30 days.
 */
export function earliestObjectionDeadline(givenAt: string, limits: AssetTimeLimits): string {
  return addDays(givenAt, limits.noticeObjectionDays);
}
