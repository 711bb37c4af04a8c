import { subField } from './field-path';
import Decimal from 'decimal.js';
import { refuse } from '../domain-error';
import { isIsoDate } from '../time/iso';
import { CryptoQuantity, CRYPTO_SYMBOL } from './crypto';
import { isCurrency } from './currencies';
import { DECIMAL_STRING, Dec, Money } from './money';

export interface FxRateJson {
  rateToGbp: string;
  source: string;
  asAt: string /* YYYY-MM-DD */;
}

/**
 * An exchange rate as recorded on an event: pounds sterling per one unit of `currency` (a foreign
 * ISO 4217 currency, or a cryptoasset symbol for a price per coin), with its source and date.
 */
export class FxRate {
  private constructor(
    readonly currency: string,
    readonly rateToGbp: Decimal,
    readonly source: string,
    readonly asAt: string,
  ) {
    Object.freeze(this);
  }

  /**
   * `currency` is an ISO 4217 code or a cryptoasset symbol (else `invalid_money`, field `field ??
   * 'currency'`); rateToGbp a decimal string > 0 (`${field}.rateToGbp`); source a non-empty string
   * (`${field}.source`); asAt a valid ISO date (`invalid_date`, `${field}.asAt`).
   */
  static parse(currency: string, json: FxRateJson, field?: string): FxRate {
    if (typeof currency !== 'string' || !(isCurrency(currency) || CRYPTO_SYMBOL.test(currency))) {
      refuse(
        'invalid_money',
        `not an ISO 4217 currency or cryptoasset symbol: ${JSON.stringify(currency)}`,
        field ?? 'currency',
      );
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      refuse('invalid_money', 'exchange rate must be an object { rateToGbp, source, asAt }', field);
    }
    const raw = json as unknown as Record<string, unknown>;
    const { rateToGbp, source, asAt } = raw;
    if (typeof rateToGbp !== 'string' || !DECIMAL_STRING.test(rateToGbp)) {
      refuse(
        'invalid_money',
        'rateToGbp must be a decimal string (not a number, no exponent)',
        subField(field, 'rateToGbp'),
      );
    }
    const rate = new Dec(rateToGbp);
    if (!rate.gt(0)) {
      refuse('invalid_money', 'rateToGbp must be greater than zero', subField(field, 'rateToGbp'));
    }
    if (typeof source !== 'string' || source.trim() === '') {
      refuse(
        'invalid_money',
        'the source of the exchange rate is required',
        subField(field, 'source'),
      );
    }
    if (!isIsoDate(asAt)) {
      refuse('invalid_date', 'asAt must be a date YYYY-MM-DD', subField(field, 'asAt'));
    }
    return new FxRate(currency, rate, source, asAt);
  }

  toJSON(): FxRateJson {
    return { rateToGbp: this.rateToGbp.toFixed(), source: this.source, asAt: this.asAt };
  }
}

/**
 * Sterling equivalent: GBP amounts unchanged; others need a rate for that currency (else
 * refuse('fx_rate_required', ..., field)); result rounded half-up to the penny.
 */
export function toGbp(money: Money, rate?: FxRate, field?: string): Money {
  if (money.currency === 'GBP') return money;
  if (!rate || rate.currency !== money.currency) {
    refuse(
      'fx_rate_required',
      rate
        ? `the exchange rate given is for ${rate.currency}, not ${money.currency}`
        : `a ${money.currency} amount needs an exchange rate to sterling`,
      field,
      { currency: money.currency },
    );
  }
  return Money.gbp(money.amount.times(rate.rateToGbp).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

/**
 * quantity × price in GBP per unit, rounded half-up to the penny. A price for another symbol is
 * refused with `fx_rate_required` (field optional).
 */
export function cryptoToGbp(q: CryptoQuantity, rate: FxRate, field?: string): Money {
  if (!rate || rate.currency !== q.symbol) {
    refuse(
      'fx_rate_required',
      `a ${q.symbol} quantity needs a sterling price for ${q.symbol}`,
      field,
      { currency: q.symbol },
    );
  }
  return Money.gbp(q.quantity.times(rate.rateToGbp).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}
