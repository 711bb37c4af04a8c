import Decimal from 'decimal.js';
import { Dec } from '../../common/money';
import { ARIS_RECIPIENTS, ArisRecipient } from '../../ledger/recovery/aris';

/*
 * The vocabulary of the recovery totals (architecture.md, "Recovery totals"): the dimensions a
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

/** A running sum of measures. */
export class MeasureSums {
  private readonly sums = new Map<string, Decimal>();

  static parse(json: string | undefined): MeasureSums {
    const sums = new MeasureSums();
    if (json) sums.add(JSON.parse(json) as MeasureStrings);
    return sums;
  }

  add(measures: MeasureStrings, sign: 1 | -1 = 1): this {
    for (const [name, value] of Object.entries(measures)) this.addOne(name, new Dec(value), sign);
    return this;
  }

  addOne(name: string, value: Decimal, sign: 1 | -1 = 1): this {
    const next = (this.sums.get(name) ?? new Dec(0)).plus(sign === 1 ? value : value.negated());
    if (next.isZero()) this.sums.delete(name);
    else this.sums.set(name, next);
    return this;
  }

  addSums(other: MeasureSums): this {
    for (const [name, value] of other.sums) this.addOne(name, value);
    return this;
  }

  get(name: string): Decimal {
    return this.sums.get(name) ?? new Dec(0);
  }

  isZero(): boolean {
    return this.sums.size === 0;
  }

  /** Canonical JSON: stored measures in their fixed order, non-zero only, plain decimal strings. */
  toJSON(): string {
    const names = [...this.sums.keys()].sort(
      (a, b) =>
        (STORED_ORDER.get(a) ?? Number.MAX_SAFE_INTEGER) -
          (STORED_ORDER.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const out: MeasureStrings = {};
    for (const name of names) out[name] = decimalString(this.sums.get(name) as Decimal);
    return JSON.stringify(out);
  }
}

/** A plain decimal string (no exponent, no trailing zeros beyond what the value needs). */
export function decimalString(d: Decimal): string {
  return new Dec(d).toFixed();
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

function count(d: Decimal): number {
  return Number(d.toFixed(0));
}

export function toTotalsMeasures(sums: MeasureSums): TotalsMeasures {
  const money = (name: string) => gbpJson(sums.get(name));
  const aris = {} as ArisAllocations;
  for (const recipient of ARIS_RECIPIENTS) aris[recipient] = money(arisMeasure(recipient));
  return {
    assetsSeized: count(sums.get('assetsSeized')),
    valueSeized: money('valueSeized'),
    valueHeld: money('valueHeld'),
    valueRestrained: money('valueRestrained'),
    valueForfeited: money('valueForfeited'),
    valueReleased: money('valueReleased'),
    realisedGross: money('realisedGross'),
    realisedCosts: money('realisedCosts'),
    realisedNet: money('realisedNet'),
    receipts: count(sums.get('receipts')),
    received: money('received'),
    compensationPaid: money('compensationPaid'),
    arisAllocations: aris,
    confiscationOrders: count(sums.get('confiscationOrders')),
    confiscationOrdered: money('confiscationOrdered'),
    confiscationReceived: money('confiscationReceived'),
    interestAccrued: money('interestAccrued'),
    confiscationOutstanding: money('confiscationOutstanding'),
  };
}
