import Decimal from 'decimal.js';
import { Dec } from '../../common/money';
import { ARIS_RECIPIENTS, ArisRecipient } from '../../ledger/recovery/aris';

/*
 * The vocabulary of the recovery totals (docs/api.md, "Recovery totals"): the dimensions a
 * figure can be grouped by, the measures, and the arithmetic on them. Every figure is a decimal
 * string at rest and a decimal.js value in code: never a JS number, never SQL SUM.
 */

/** What `GET /totals?groupBy=` accepts, in the order the API lists them. */
export const DIMENSIONS = [
  'case',
  'operation',
  'agency',
  'power',
  'category',
  'financialYear',
  'receiptType',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * Where one contribution falls in every dimension; null where the dimension does not apply (a
 * confiscation payment has no power or category; an asset's own figures have no receipt type).
 */
export type GroupKeys = Record<Dimension, string | null>;

/** Counts: integers on the wire. */
export const COUNT_MEASURES = ['assetsSeized', 'receipts', 'confiscationOrders'] as const;

/** ARIS allocations are kept as one measure per recipient. */
export const arisMeasure = (recipient: ArisRecipient) => `aris.${recipient}`;

/** Sterling figures kept current by the projection (updated by deltas). */
export const MONEY_MEASURES = [
  'valueSeized',
  'valueHeld',
  'valueRestrained',
  'valueForfeited',
  'valueReleased',
  'realisedGross',
  'realisedCosts',
  'realisedNet',
  'received',
  'compensationPaid',
  'priorityPaid',
  'expensesPaid',
  ...ARIS_RECIPIENTS.map(arisMeasure),
  'confiscationOrdered',
  'confiscationReceived',
] as const;

/** Time-dependent debt figures, computed when asked for the orders in scope. */
export const DEBT_MEASURES = ['interestAccrued', 'confiscationOutstanding'] as const;

/** The canonical order of stored measures (so stored JSON is byte-stable: R6). */
export const STORED_MEASURES: readonly string[] = [...COUNT_MEASURES, ...MONEY_MEASURES];
const STORED_ORDER = new Map(STORED_MEASURES.map((m, i) => [m, i]));

/** Non-zero measures of one contribution, as decimal strings. */
export type MeasureStrings = Record<string, string>;

/** One contribution to the totals: an asset's figures, a receipt, or a confiscation order. */
export interface Part {
  keys: GroupKeys;
  measures: MeasureStrings;
}

/**
 * A running sum of measures. Values read from a row stay the decimal strings they were stored as
 * until a delta touches them, so updating a row parses only the measures that change.
 */
export class MeasureSums {
  private readonly values = new Map<string, string | Decimal>();

  static parse(json: string | undefined): MeasureSums {
    const sums = new MeasureSums();
    if (json) {
      for (const [name, value] of Object.entries(JSON.parse(json) as MeasureStrings)) {
        sums.values.set(name, value);
      }
    }
    return sums;
  }

  add(measures: MeasureStrings, sign: 1 | -1 = 1): this {
    for (const name in measures) this.addOne(name, measures[name], sign);
    return this;
  }

  addOne(name: string, value: Decimal | string, sign: 1 | -1 = 1): this {
    const current = this.values.get(name);
    if (current === undefined) {
      const d = typeof value === 'string' ? undefined : value;
      if (d?.isZero()) return this;
      this.values.set(name, sign === 1 ? value : new Dec(value).negated());
      return this;
    }
    const addend = new Dec(value);
    const next = new Dec(current)[sign === 1 ? 'plus' : 'minus'](addend);
    if (next.isZero()) this.values.delete(name);
    else this.values.set(name, next);
    return this;
  }

  /** Adds the difference `after − before` of one contribution (unchanged measures cost nothing). */
  addDifference(before: MeasureStrings, after: MeasureStrings): this {
    for (const name in after) {
      const old = before[name];
      if (old === undefined) this.addOne(name, after[name]);
      else if (old !== after[name]) this.addOne(name, new Dec(after[name]).minus(old));
    }
    for (const name in before) if (after[name] === undefined) this.addOne(name, before[name], -1);
    return this;
  }

  addSums(other: MeasureSums): this {
    for (const [name, value] of other.values) this.addOne(name, value);
    return this;
  }

  get(name: string): Decimal {
    const value = this.values.get(name);
    return value === undefined ? new Dec(0) : new Dec(value);
  }

  /** The amount as a decimal string with at least two places ("0.00" when there is none). */
  money(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) return '0.00';
    if (typeof value !== 'string') return value.toFixed(Math.max(2, value.decimalPlaces()));
    const point = value.indexOf('.');
    if (point < 0) return `${value}.00`;
    return value.length - point - 1 === 1 ? `${value}0` : value;
  }

  isZero(): boolean {
    return this.values.size === 0;
  }

  /** Canonical JSON: stored measures in their fixed order, non-zero only, plain decimal strings. */
  toJSON(): string {
    const out: MeasureStrings = {};
    const put = (name: string) => {
      const value = this.values.get(name);
      if (value !== undefined) out[name] = typeof value === 'string' ? value : decimalString(value);
    };
    STORED_MEASURES.forEach(put);
    [...this.values.keys()]
      .filter((name) => !STORED_ORDER.has(name))
      .sort()
      .forEach(put);
    return JSON.stringify(out);
  }
}

/** A plain decimal string (no exponent, no trailing zeros beyond what the value needs). */
export function decimalString(d: Decimal): string {
  return d.toFixed();
}

export interface GbpJson {
  amount: string;
  currency: 'GBP';
}

export type ArisAllocations = Record<ArisRecipient, GbpJson>;

/** The measures of one group (or of the total), as `GET /totals` shows them. */
export interface TotalsMeasures {
  assetsSeized: number;
  valueSeized: GbpJson;
  valueHeld: GbpJson;
  valueRestrained: GbpJson;
  valueForfeited: GbpJson;
  valueReleased: GbpJson;
  realisedGross: GbpJson;
  realisedCosts: GbpJson;
  realisedNet: GbpJson;
  receipts: number;
  received: GbpJson;
  compensationPaid: GbpJson;
  /** s.55(5): paid under s.13(6) directions (compensation and the other priority orders). */
  priorityPaid: GbpJson;
  /** s.55(3)-(4): expenses paid first out of receipts. */
  expensesPaid: GbpJson;
  arisAllocations: ArisAllocations;
  confiscationOrders: number;
  confiscationOrdered: GbpJson;
  confiscationReceived: GbpJson;
  interestAccrued: GbpJson;
  confiscationOutstanding: GbpJson;
}

export function gbpJson(d: Decimal): GbpJson {
  return { amount: d.toFixed(Math.max(2, d.decimalPlaces())), currency: 'GBP' };
}

export function toTotalsMeasures(sums: MeasureSums): TotalsMeasures {
  const money = (name: string): GbpJson => ({ amount: sums.money(name), currency: 'GBP' });
  const count = (name: string) => Number(sums.money(name).split('.')[0]);
  const aris = {} as ArisAllocations;
  for (const recipient of ARIS_RECIPIENTS) aris[recipient] = money(arisMeasure(recipient));
  return {
    assetsSeized: count('assetsSeized'),
    valueSeized: money('valueSeized'),
    valueHeld: money('valueHeld'),
    valueRestrained: money('valueRestrained'),
    valueForfeited: money('valueForfeited'),
    valueReleased: money('valueReleased'),
    realisedGross: money('realisedGross'),
    realisedCosts: money('realisedCosts'),
    realisedNet: money('realisedNet'),
    receipts: count('receipts'),
    received: money('received'),
    compensationPaid: money('compensationPaid'),
    priorityPaid: money('priorityPaid'),
    expensesPaid: money('expensesPaid'),
    arisAllocations: aris,
    confiscationOrders: count('confiscationOrders'),
    confiscationOrdered: money('confiscationOrdered'),
    confiscationReceived: money('confiscationReceived'),
    interestAccrued: money('interestAccrued'),
    confiscationOutstanding: money('confiscationOutstanding'),
  };
}
