import Decimal from 'decimal.js';
import { Dec, Money } from '../../common/money';
import { addDays, daysBetween, isIsoDate } from '../../common/time';
import { AllocationOrder } from './allocation-policy';

/*
 * Interest on an unpaid confiscation order (POCA 2002 s.12). Pure: the caller passes the schedule,
 * the payments, the suspensions and the "as at" date; nothing here reads a clock or a store. Used by
 * the confiscation decider (the overpayment rule), by `orderPosition` and by the read side.
 *
 * The rules, as docs/domain.md states them:
 * - Simple interest at the Judgments Act 1838 s.17 rate (a dated table: the rate in force ON a day
 *   applies to that day), day count actual/365 (a leap year's 29 February is a 366th day at 1/365
 *   of the annual rate, not a 1/366 share).
 * - Interest on an instalment accrues for each day from the day after its due date up to and
 *   including the "as at" date, on the unpaid part of that instalment at the END OF THE PREVIOUS
 *   DAY (so a payment stops interest from the day after it is received). £80,000 due 31 Aug, as at
 *   1 Oct: 1 Sep .. 1 Oct = 31 days; 80,000 × 8% × 31 / 365 = 543.5616... = £543.56.
 * - Computed exactly: the numerator Σ (unpaid × rate% × days) is summed in exact decimals and
 *   divided by 36,500 once (at 1,000 significant digits), never rounded per day. It is rounded
 *   half-up to the penny only when shown or posted (`rounded`).
 * - Suspension (s.12(3)): no interest on the instalments an extension application (s.11(4)) covers
 *   while it is pending, within the 6 months (12 for pre-June-2015 orders) from the order. The
 *   caller works out the window (application date .. decision date, capped at that limit) and
 *   passes it as `suspensions`; days inside it are skipped for those instalments.
 * - The schedule can change over time (time to pay extended, order varied): `revisions` are later
 *   versions of the schedule, each in force for the days AFTER its `from` date (a decision on day D
 *   changes what is due from the end of day D, like a payment on day D).
 *
 * How a payment is applied: `allocation` (a dated configuration, `allocation-policy.ts`, picked by
 * the order date; the default and the only row today is principal first, marked *verify*).
 * `interest_first`: each receipt, on its date, goes first to the interest accrued up to and
 * including that date (rounded to the penny, as posted) and not yet paid, then to the principal
 * in due order; the principal it leaves unpaid bears interest from the next day.
 *
 * Principal first, then interest:
 * Every payment (in date order; see the note on the allocation below) goes first to the PRINCIPAL
 * of the instalments in due order (earliest due date first, ties by position in the schedule), and
 * only what is left after all principal is paid goes to the interest accrued. Why:
 *   1. docs/domain.md says payments settle the earliest-due instalment first, and s.12 charges interest
 *      only on "the amount ... not paid when required": interest is simple and is never itself
 *      "required to be paid" at a due date, so the instalments are what a payment settles;
 *   2. it stops the debt growing as early as possible, the reading most favourable to the
 *      defendant (penal provisions are read strictly: R (Gibson) v SSJ [2018] UKSC 2 credits part
 *      payments against the sum ordered, not against the sum plus interest, when reducing the
 *      default term);
 *   3. it keeps "principal outstanding" (what the default term and the compensation waterfall are
 *      measured against) equal to the order less payments.
 * The civil-judgment convention (interest first) was NOT adopted; no domain guidance says
 * otherwise. *(verify with the HMCTS enforcement practice before relying on the split)*
 * Allocation is a function of the TOTAL paid so far against the schedule in force: the unpaid part
 * of instalment i = its amount less whatever of the total paid is left after the instalments due
 * before it. With payments always settling earliest-due first this is the same as applying each
 * payment in turn, and it stays well defined when a variation rewrites the schedule.
 */

/** One row of the rate table: the rate (percent a year) in force from `from` (inclusive). */
export interface RatePeriod {
  from: string;
  ratePercent: string;
}

export type RateTable = readonly RatePeriod[];

/**
 * The Judgments Act 1838 s.17 rate: 8% a year since 1 April 1993 (Judgment Debts (Rate of
 * Interest) Order 1993, SI 1993/564). Dated so a change is one more row, not a code change.
 */
export const JUDGMENTS_ACT_RATES: RateTable = [{ from: '1993-04-01', ratePercent: '8' }];

/** Days in the interest year (actual/365). */
const DAY_COUNT_BASIS = 365;

export interface ScheduledInstalment {
  dueDate: string;
  amount: Money;
}

export interface ScheduleRevision {
  /** The date the new schedule was decided; it governs the days after this date. */
  from: string;
  instalments: ScheduledInstalment[];
}

export interface InterestPayment {
  date: string;
  amount: Money;
}

export interface InterestSuspension {
  /** First day (inclusive) on which no interest accrues. */
  from: string;
  /** Last day (inclusive); open-ended when absent. */
  to?: string;
  /** Positions in the schedule (0-based) of the instalments the suspension covers. */
  instalments: number[];
}

export interface InterestInput {
  /** The schedule as first ordered (GBP). */
  instalments: ScheduledInstalment[];
  /** Later versions of the schedule, in the order they were decided. */
  revisions?: ScheduleRevision[];
  /** Payments received; those dated after `asAt` are ignored. */
  payments: InterestPayment[];
  suspensions?: InterestSuspension[];
  /** Interest accrues up to and including this date. */
  asAt: string;
  rates?: RateTable;
  /** How receipts are split between principal and interest; default `principal_first`. */
  allocation?: AllocationOrder;
}

export interface ExactAndRounded {
  /** Exact (no rounding but the final division at 1,000 significant digits). */
  exact: Decimal;
  /** Rounded half-up to the penny. */
  rounded: Money;
}

export interface InstalmentInterest {
  /** Position in the schedule (0-based). */
  index: number;
  /** The due date in force as at `asAt`. */
  dueDate: string;
  amount: Money;
  /** Principal of this instalment settled by payments up to `asAt`. */
  paid: Money;
  unpaid: Money;
  interest: ExactAndRounded;
}

export interface InterestResult {
  asAt: string;
  /** Total interest accrued up to and including `asAt`. */
  exact: Decimal;
  rounded: Money;
  /**
   * The instalments of the schedule in force as at `asAt`, in schedule order (plus, with a zero
   * amount, any instalment a variation removed after it had accrued interest).
   */
  perInstalment: InstalmentInterest[];
  /** The schedule's total (the amount ordered as at `asAt`). */
  principal: Money;
  /** Everything received up to `asAt`. */
  paid: Money;
  principalPaid: Money;
  principalUnpaid: Money;
  /** What was received beyond the principal, applied to the interest. */
  interestPaid: Money;
  /**
   * Principal unpaid + interest accrued − interest paid. `rounded` adds the ROUNDED interest, so
   * paying exactly `rounded` settles the order to the penny.
   */
  outstanding: ExactAndRounded;
}

interface Row {
  index: number;
  due: number;
  amount: Decimal;
}

interface Version {
  from: number;
  rows: Row[];
}

const ORIGIN = '1970-01-01';

function dayOf(date: string, what: string): number {
  if (!isIsoDate(date)) {
    throw new TypeError(`accruedInterest: ${what} is not a date: ${JSON.stringify(date)}`);
  }
  return daysBetween(ORIGIN, date);
}

function gbpAmount(money: Money, what: string): Decimal {
  if (!(money instanceof Money) || money.currency !== 'GBP') {
    throw new TypeError(`accruedInterest: ${what} must be a GBP Money value`);
  }
  return money.amount;
}

function gbp(d: Decimal): Money {
  return Money.gbp(d);
}

function round(d: Decimal): Money {
  return Money.gbp(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

function rowsOf(instalments: ScheduledInstalment[], what: string): Row[] {
  return instalments.map((x, index) => ({
    index,
    due: dayOf(x.dueDate, `${what}.${index}.dueDate`),
    amount: gbpAmount(x.amount, `${what}.${index}.amount`),
  }));
}

/** Earliest due first; ties by position in the schedule. */
function inDueOrder(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => a.due - b.due || a.index - b.index);
}

/** The unpaid principal of each row when `paid` has been applied in due order. */
function unpaidByIndex(rows: Row[], paid: Decimal): Map<number, Decimal> {
  const unpaid = new Map<number, Decimal>();
  let left = paid;
  for (const row of inDueOrder(rows)) {
    const settled = Dec.min(row.amount, Dec.max(left, 0));
    unpaid.set(row.index, row.amount.minus(settled));
    left = left.minus(settled);
  }
  return unpaid;
}

function normaliseRates(table: RateTable): { from: number; percent: Decimal }[] {
  if (table.length === 0) throw new TypeError('accruedInterest: the rate table is empty');
  const rows = table.map((r, i) => {
    if (!/^\d+(\.\d+)?$/.test(r.ratePercent)) {
      throw new TypeError(`accruedInterest: rates.${i}.ratePercent is not a decimal string`);
    }
    return { from: dayOf(r.from, `rates.${i}.from`), percent: new Dec(r.ratePercent) };
  });
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].from <= rows[i - 1].from) {
      throw new TypeError('accruedInterest: the rate table must be in ascending date order');
    }
  }
  return rows;
}

/**
 * Interest first: the receipts applied in date order, each first to the interest accrued (rounded)
 * and not yet paid when it is applied, the rest to principal. `applyThrough(day)` applies every
 * receipt dated on or before `day`; the caller has accrued the interest of every day up to it.
 */
function interestFirstSplit(
  payments: { day: number; amount: Decimal }[],
  accruedRounded: () => Decimal,
) {
  const inOrder = [...payments].sort((a, b) => a.day - b.day);
  let next = 0;
  let principal = new Dec(0);
  let interest = new Dec(0);
  return {
    applyThrough(day: number): void {
      for (; next < inOrder.length && inOrder[next].day <= day; next++) {
        const due = Dec.max(accruedRounded().minus(interest), 0);
        const toInterest = Dec.min(inOrder[next].amount, due);
        interest = interest.plus(toInterest);
        principal = principal.plus(inOrder[next].amount.minus(toInterest));
      }
    },
    principal: () => principal,
  };
}

/**
 * s.12 interest accrued on a confiscation order's instalments as at a date, with the payments
 * applied as `allocation` says (principal first by default; see the note at the top of this file).
 */
export function accruedInterest(input: InterestInput): InterestResult {
  const asAt = dayOf(input.asAt, 'asAt');
  const rates = normaliseRates(input.rates ?? JUDGMENTS_ACT_RATES);
  const versions: Version[] = [
    { from: Number.NEGATIVE_INFINITY, rows: rowsOf(input.instalments, 'instalments') },
    ...(input.revisions ?? []).map((r, i) => ({
      from: dayOf(r.from, `revisions.${i}.from`),
      rows: rowsOf(r.instalments, `revisions.${i}.instalments`),
    })),
  ];
  for (let i = 2; i < versions.length; i++) {
    if (versions[i].from < versions[i - 1].from) {
      throw new TypeError('accruedInterest: revisions must be in the order they were decided');
    }
  }
  const payments = input.payments
    .map((p, i) => ({
      day: dayOf(p.date, `payments.${i}.date`),
      amount: gbpAmount(p.amount, `payments.${i}.amount`),
    }))
    .filter((p) => p.day <= asAt);
  const suspensions = (input.suspensions ?? []).map((s, i) => ({
    from: dayOf(s.from, `suspensions.${i}.from`),
    to: s.to === undefined ? Number.POSITIVE_INFINITY : dayOf(s.to, `suspensions.${i}.to`),
    instalments: new Set(s.instalments),
  }));

  /** The version governing the interest of `day`: the last one decided before it. */
  const versionFor = (day: number): Version =>
    versions.filter((v) => v.from < day).at(-1) ?? versions[0];
  const paidBy = (day: number): Decimal =>
    payments.filter((p) => p.day <= day).reduce((sum, p) => sum.plus(p.amount), new Dec(0));
  const rateFor = (day: number): Decimal => {
    const rate = rates.filter((r) => r.from <= day).at(-1);
    if (!rate) {
      throw new RangeError(`accruedInterest: no rate in the table for ${addDays(ORIGIN, day)}`);
    }
    return rate.percent;
  };
  const suspended = (index: number, day: number): boolean =>
    suspensions.some((s) => s.instalments.has(index) && s.from <= day && day <= s.to);

  // Within two consecutive breakpoints nothing that matters changes: the version, the total paid
  // (as at the end of the previous day), the rate, a suspension or whether an instalment is due.
  const allRows = versions.flatMap((v) => v.rows);
  const start = Math.min(...allRows.map((r) => r.due + 1));
  const breakpoints = new Set<number>([start, asAt + 1]);
  for (const v of versions) if (Number.isFinite(v.from)) breakpoints.add(v.from + 1);
  allRows.forEach((r) => breakpoints.add(r.due + 1));
  payments.forEach((p) => breakpoints.add(p.day + 1));
  rates.forEach((r) => breakpoints.add(r.from));
  suspensions.forEach((s) => {
    breakpoints.add(s.from);
    if (Number.isFinite(s.to)) breakpoints.add(s.to + 1);
  });
  const points = [...breakpoints].filter((d) => d >= start && d <= asAt + 1).sort((a, b) => a - b);

  // Σ unpaid × rate% × days per instalment: exact products and sums; divided once at the end.
  const divisor = new Dec(100 * DAY_COUNT_BASIS);
  const numerators = new Map<number, Decimal>();
  let accrued = new Dec(0);
  const split = interestFirstSplit(payments, () => round(accrued.div(divisor)).amount);
  const interestFirst = input.allocation === 'interest_first';
  /** Principal paid by the end of `day`: every receipt (principal first), or its principal part. */
  const principalPaidBy = (day: number): Decimal => {
    if (!interestFirst) return paidBy(day);
    split.applyThrough(day);
    return split.principal();
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const day = points[i];
    const days = points[i + 1] - day;
    const version = versionFor(day);
    const unpaid = unpaidByIndex(version.rows, principalPaidBy(day - 1));
    const rate = rateFor(day);
    for (const row of version.rows) {
      const owed = unpaid.get(row.index) as Decimal;
      if (day <= row.due || owed.isZero() || suspended(row.index, day)) continue;
      const add = owed.times(rate).times(days);
      numerators.set(row.index, (numerators.get(row.index) ?? new Dec(0)).plus(add));
      accrued = accrued.plus(add);
    }
  }
  const interestOf = (index: number): Decimal => (numerators.get(index) ?? new Dec(0)).div(divisor);
  const exact = [...numerators.values()].reduce((sum, n) => sum.plus(n), new Dec(0)).div(divisor);

  // The position as at `asAt`: the schedule in force then (decided on or before it).
  const current = versions.filter((v) => v.from <= asAt).at(-1) ?? versions[0];
  const paid = paidBy(asAt);
  const principal = current.rows.reduce((sum, r) => sum.plus(r.amount), new Dec(0));
  const principalPaid = Dec.min(principalPaidBy(asAt), principal);
  const unpaid = unpaidByIndex(current.rows, principalPaid);
  const perInstalment: InstalmentInterest[] = current.rows.map((row) => {
    const owed = unpaid.get(row.index) as Decimal;
    const interest = interestOf(row.index);
    return {
      index: row.index,
      dueDate: addDays(ORIGIN, row.due),
      amount: gbp(row.amount),
      paid: gbp(row.amount.minus(owed)),
      unpaid: gbp(owed),
      interest: { exact: interest, rounded: round(interest) },
    };
  });
  for (const index of [...numerators.keys()].sort((a, b) => a - b)) {
    if (current.rows.some((r) => r.index === index)) continue;
    const last = [...versions]
      .reverse()
      .flatMap((v) => v.rows)
      .find((r) => r.index === index) as Row;
    const interest = interestOf(index);
    perInstalment.push({
      index,
      dueDate: addDays(ORIGIN, last.due),
      amount: Money.zero('GBP'),
      paid: Money.zero('GBP'),
      unpaid: Money.zero('GBP'),
      interest: { exact: interest, rounded: round(interest) },
    });
  }

  const rounded = round(exact);
  const interestPaid = paid.minus(principalPaid);
  const principalUnpaid = principal.minus(principalPaid);
  return {
    asAt: input.asAt,
    exact,
    rounded,
    perInstalment,
    principal: gbp(principal),
    paid: gbp(paid),
    principalPaid: gbp(principalPaid),
    principalUnpaid: gbp(principalUnpaid),
    interestPaid: gbp(interestPaid),
    outstanding: {
      exact: principalUnpaid.plus(exact).minus(interestPaid),
      rounded: gbp(principalUnpaid.plus(rounded.amount).minus(interestPaid)),
    },
  };
}
