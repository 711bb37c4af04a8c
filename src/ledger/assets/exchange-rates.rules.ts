import { refuse } from '../../common/domain-error';
import { CryptoQuantity, cryptoToGbp, FxRate, Money, toGbp } from '../../common/money';
import { RateUsed } from './asset.events';

/** Exchange rates a command gives (`fx`), and the sterling equivalents they make. */

export type Rates = ReadonlyMap<string, FxRate>;

/** Parses `fx` (one rate per currency or symbol); a currency given twice is `invalid_money`. */
export function parseRates(fx: RateUsed[] | undefined, field = 'fx'): Map<string, FxRate> {
  const rates = new Map<string, FxRate>();
  if (fx === undefined) return rates;
  if (!Array.isArray(fx)) refuse('invalid_money', 'fx must be a list of rates', field);
  fx.forEach((r, i) => {
    const at = `${field}.${i}`;
    if (typeof r !== 'object' || r === null) {
      refuse('invalid_money', 'a rate is { currency, rateToGbp, source, asAt }', at);
    }
    const rate = FxRate.parse(r.currency, r, at);
    if (rates.has(rate.currency)) {
      refuse('invalid_money', `two rates for ${rate.currency}`, `${at}.currency`);
    }
    rates.set(rate.currency, rate);
  });
  return rates;
}

export function rateJson(rate: FxRate): RateUsed {
  return { currency: rate.currency, ...rate.toJSON() };
}

export function ratesJson(rates: Rates): RateUsed[] {
  return [...rates.values()].map(rateJson);
}

/** The sterling equivalent of `money`, or undefined when no rate is known and none is `required`. */
export function sterlingEquivalent(
  money: Money,
  rates: Rates,
  field: string,
  required: boolean,
): Money | undefined {
  if (money.currency === 'GBP') return money;
  const rate = rates.get(money.currency);
  if (!rate && !required) return undefined;
  return toGbp(money, rate, field);
}

/** The sterling equivalent of a cryptoasset quantity, or undefined when no price is known and none is `required`. */
export function cryptoSterling(
  q: CryptoQuantity,
  rates: Rates,
  field: string,
  required: boolean,
): Money | undefined {
  const rate = rates.get(q.symbol);
  if (!rate) {
    if (!required) return undefined;
    refuse('fx_rate_required', `a ${q.symbol} quantity needs a sterling price`, field, {
      currency: q.symbol,
    });
  }
  return cryptoToGbp(q, rate, field);
}
