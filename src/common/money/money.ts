import { subField } from './field-path';
import Decimal from 'decimal.js';
import { refuse } from '../domain-error';
import { minorUnits } from './currencies';

/**
 * The Decimal constructor every money figure is built with: 1,000 significant digits (so sums and
 * products of real-world amounts are exact; the library default of 20 is not enough for
 * `quantity(18 dp) × price`), half-up rounding, and never exponent notation from `toString()`.
 * It is a clone, so the global `Decimal` configuration other code relies on is left alone;
 * instances are still `instanceof Decimal`.
 */
export const Dec: Decimal.Constructor = Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** A plain decimal string at a boundary: no exponent, no spaces, no '+', no leading '.'. */
export const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** What decimal.js would accept, minus its hexadecimal/binary/octal forms and specials. */
const LOOSE_DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export interface MoneyJson {
  amount: string;
  currency: string;
}

/**
 * Converts a Decimal.Value to a Dec instance, or returns undefined when it is not a finite number.
 * JS numbers are accepted only when they are safe integers: a float in a money path is a
 * programming error, so it throws rather than quietly carrying a binary approximation.
 */
export function toDecimal(value: Decimal.Value): Decimal | undefined {
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value)) return undefined;
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(
        `a JS number (${value}) used as a money figure: pass a decimal string or a Decimal`,
      );
    }
    return new Dec(value);
  }
  if (typeof value === 'bigint') return new Dec(value.toString());
  if (typeof value === 'string') {
    if (!LOOSE_DECIMAL_STRING.test(value)) return undefined;
    return new Dec(value);
  }
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite()) return undefined;
    return new Dec(value);
  }
  return undefined;
}

/** Normalises negative zero to zero, so "-0.00" never appears. */
function clean(d: Decimal): Decimal {
  return d.isZero() ? new Dec(0) : d;
}

export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {
    Object.freeze(this);
  }

  /**
   * A money value from code. Refuses (`invalid_money`) an unknown currency (field
   * `${field}.currency`, or `currency`), a non-finite or malformed amount, or more decimals than the currency allows
   * (field `${field}.amount`, or `amount`).
   */
  static of(amount: Decimal.Value, currency: string, field?: string): Money {
    const units = minorUnits(currency);
    if (units === undefined) {
      refuse(
        'invalid_money',
        `unknown ISO 4217 currency ${JSON.stringify(currency)}`,
        subField(field, 'currency'),
      );
    }
    const d = toDecimal(amount);
    if (d === undefined) {
      refuse('invalid_money', 'amount must be a finite decimal number', subField(field, 'amount'));
    }
    if (d.decimalPlaces() > units) {
      refuse(
        'invalid_money',
        `${currency} amounts have at most ${units} decimal place${units === 1 ? '' : 's'}`,
        subField(field, 'amount'),
        { currency, minorUnits: units },
      );
    }
    return new Money(clean(d), currency);
  }

  /**
   * A money value from the wire (`{ amount: "<decimal string>", currency: "<ISO 4217>" }`). The
   * amount must be a string of plain decimal notation: a JS number, an exponent, spaces or a '+'
   * are refused with `invalid_money` naming `${field}.amount`.
   */
  static parse(json: MoneyJson, field?: string): Money {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      refuse('invalid_money', 'money must be an object { amount, currency }', field);
    }
    const raw = json as unknown as Record<string, unknown>;
    const amount = raw.amount;
    const currency = raw.currency;
    if (typeof currency !== 'string') {
      refuse(
        'invalid_money',
        'currency must be an ISO 4217 code string',
        subField(field, 'currency'),
      );
    }
    if (typeof amount !== 'string' || !DECIMAL_STRING.test(amount)) {
      refuse(
        'invalid_money',
        'amount must be a decimal string such as "25000.00" (not a number, no exponent)',
        subField(field, 'amount'),
      );
    }
    return Money.of(amount, currency, field);
  }

  /** `parse`, and the amount must be greater than zero. */
  static positive(json: MoneyJson, field?: string): Money {
    const money = Money.parse(json, field);
    if (!money.isPositive()) {
      refuse('invalid_money', 'amount must be greater than zero', subField(field, 'amount'));
    }
    return money;
  }

  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  static gbp(amount: Decimal.Value): Money {
    return Money.of(amount, 'GBP');
  }

  /** The currency's minor units (decimal places). */
  get minorUnits(): number {
    return minorUnits(this.currency) as number;
  }

  plus(o: Money): Money {
    this.sameCurrency(o, 'plus');
    return new Money(clean(this.amount.plus(o.amount)), this.currency);
  }

  minus(o: Money): Money {
    this.sameCurrency(o, 'minus');
    return new Money(clean(this.amount.minus(o.amount)), this.currency);
  }

  /** Exact product; may carry more decimals than the currency allows until `roundToMinor`. */
  times(factor: Decimal.Value): Money {
    const f = toDecimal(factor);
    if (f === undefined) throw new TypeError(`Money.times: not a finite factor: ${String(factor)}`);
    return new Money(clean(this.amount.times(f)), this.currency);
  }

  roundToMinor(rounding: Decimal.Rounding = Decimal.ROUND_HALF_UP): Money {
    return new Money(clean(this.amount.toDecimalPlaces(this.minorUnits, rounding)), this.currency);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.gt(0);
  }

  isNegative(): boolean {
    return this.amount.lt(0);
  }

  compare(o: Money): -1 | 0 | 1 {
    this.sameCurrency(o, 'compare');
    return this.amount.comparedTo(o.amount) as -1 | 0 | 1;
  }

  /** Same currency and numerically equal amounts ("1.50" equals "1.5"). */
  equals(o: Money): boolean {
    return this.currency === o.currency && this.amount.eq(o.amount);
  }

  gt(o: Money): boolean {
    return this.compare(o) > 0;
  }

  gte(o: Money): boolean {
    return this.compare(o) >= 0;
  }

  lt(o: Money): boolean {
    return this.compare(o) < 0;
  }

  lte(o: Money): boolean {
    return this.compare(o) <= 0;
  }

  min(o: Money): Money {
    return this.compare(o) <= 0 ? this : o;
  }

  max(o: Money): Money {
    return this.compare(o) >= 0 ? this : o;
  }

  negated(): Money {
    return new Money(clean(this.amount.negated()), this.currency);
  }

  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }

  /**
   * The wire form. The amount has at least the currency's minor-unit places ("25000.00", JPY
   * "1500") and more only when the value really has more (an unrounded intermediate).
   */
  toJSON(): MoneyJson {
    const places = Math.max(this.minorUnits, this.amount.decimalPlaces());
    return { amount: this.amount.toFixed(places), currency: this.currency };
  }

  /** E.g. "GBP 25000.00". */
  toString(): string {
    return `${this.currency} ${this.toJSON().amount}`;
  }

  private sameCurrency(o: Money, op: string): void {
    if (!(o instanceof Money)) throw new TypeError(`Money.${op}: not a Money value`);
    if (o.currency !== this.currency) {
      throw new Error(`Money.${op}: currency mismatch ${this.currency} vs ${o.currency}`);
    }
  }
}

/** The sum of items, all in `currency` (a mismatch is a programming error and throws). */
export function sumMoney(items: Money[], currency: string): Money {
  return items.reduce((acc, m) => acc.plus(m), Money.zero(currency));
}

/**
 * Splits total by weights: every part rounded DOWN to the currency's minor unit, then leftover
 * minor units go one each by largest remainder, ties broken by the order given. Parts always sum
 * exactly to total. Weights are non-negative decimals (strings/Decimal), not all zero.
 *
 * Computed exactly in integer minor units (no division is ever rounded). A negative total is split
 * as the negation of splitting its absolute value. The total must already be a whole number of
 * minor units (round it first); bad weights or an unrounded total are programming errors and throw.
 */
export function allocate(total: Money, weights: Decimal.Value[]): Money[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new Error('allocate: at least one weight is required');
  }
  const ws = weights.map((w, i) => {
    const d = toDecimal(w);
    if (d === undefined || d.isNegative()) {
      throw new Error(`allocate: weight ${i} must be a non-negative decimal, got ${String(w)}`);
    }
    return d;
  });
  const weightSum = ws.reduce((a, b) => a.plus(b), new Dec(0));
  if (weightSum.isZero()) throw new Error('allocate: weights must not all be zero');

  const units = total.minorUnits;
  const scale = new Dec(10).pow(units);
  const totalUnits = total.amount.abs().times(scale);
  if (!totalUnits.isInteger()) {
    throw new Error(`allocate: total ${total.toString()} is not a whole number of minor units`);
  }

  const bases: Decimal[] = [];
  const remainders: Decimal[] = [];
  let allocated = new Dec(0);
  for (const w of ws) {
    const numerator = totalUnits.times(w); // share × weightSum, exact
    const base = numerator.divToInt(weightSum); // floor (both non-negative)
    bases.push(base);
    remainders.push(numerator.minus(base.times(weightSum))); // compare remainders on one denominator
    allocated = allocated.plus(base);
  }

  let leftover = totalUnits.minus(allocated).toNumber(); // < weights.length, so a small integer
  const order = ws
    .map((_, i) => i)
    .sort((a, b) => remainders[b].comparedTo(remainders[a]) || a - b);
  for (const i of order) {
    if (leftover <= 0) break;
    bases[i] = bases[i].plus(1);
    leftover -= 1;
  }

  const negative = total.isNegative();
  return bases.map((b) => {
    const amount = b.div(scale);
    return Money.of(negative ? amount.negated() : amount, total.currency);
  });
}
