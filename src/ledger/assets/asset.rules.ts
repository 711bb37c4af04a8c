import { refuse } from '../../common/domain-error';
import {
  CryptoJson,
  CryptoQuantity,
  cryptoToGbp,
  FxRate,
  Money,
  MoneyJson,
  sumMoney,
  toGbp,
} from '../../common/money';
import { AccountJson, Category, Declared, Power, RateUsed } from './asset.events';

/**
 * Configurable figures for the minimum-amount rules (domain.md: s.294 cash, s.303J listed assets in
 * aggregate, AFO balances need a sterling equivalent of at least this). Commands may override them
 * through their top-level `context.thresholds` (the application passes its effective-dated
 * configuration).
 */
export interface AssetThresholds {
  /** Decimal string in pounds sterling. */
  minimumGbp: string;
}

export const thresholds: AssetThresholds = { minimumGbp: '1000.00' };

export function minimumFrom(overrides?: Partial<AssetThresholds>): Money {
  return Money.gbp(overrides?.minimumGbp ?? thresholds.minimumGbp);
}

/** Listed assets (s.303B): the categories the s.303J power can seize. `other` is not listed. */
export const LISTED_CATEGORIES: readonly Category[] = [
  'precious_metal',
  'jewellery',
  'watch',
  'artwork',
];

/** Powers with a civil-forfeiture detention clock (s.295, s.303K, s.303Z26). */
export const DETAINABLE_POWERS: readonly Power[] = [
  'POCA_S294_CASH',
  'POCA_S303J_LISTED',
  'POCA_S303Z21_CRYPTO',
];

/** Refuses `power_not_applicable` unless `power` may hold an asset of `category`. */
export function assertPowerApplies(power: Power, category: Category, field = 'power'): void {
  const no = (why: string): never =>
    refuse('power_not_applicable', why, field, { power, category });
  switch (power) {
    case 'PACE_S19':
    case 'PACE_S22':
      return;
    case 'POCA_S294_CASH':
      if (category !== 'cash') no(`the s.294 cash power cannot hold ${category}`);
      return;
    case 'POCA_S303J_LISTED':
      if (!LISTED_CATEGORIES.includes(category)) {
        no(`${category} is not a listed asset (s.303B): ${LISTED_CATEGORIES.join(', ')}`);
      }
      return;
    case 'POCA_S303Z1_AFO':
      if (category !== 'bank_account') no('an account freezing order only applies to accounts');
      return;
    case 'POCA_S303Z21_CRYPTO':
      if (category !== 'cryptoasset') no('the s.303Z21 power only applies to cryptoassets');
      return;
    case 'POCA_S47C':
      if (category === 'cash') no('s.47C cannot be used to seize cash');
      return;
    case 'RESTRAINT_S41':
      no(
        'RESTRAINT_S41 is not a seizure power: an asset comes under restraint through a restraint order',
      );
      return;
    default: {
      const unknown: never = power;
      no(`unknown power ${String(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Exchange rates

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

/** Sterling equivalent, or undefined when no rate is known and none is `required`. */
export function sterling(
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

// ---------------------------------------------------------------------------------------------
// What was declared at seizure

export type ParsedDeclared =
  | { kind: 'money'; money: Money }
  | { kind: 'crypto'; crypto: CryptoQuantity }
  | { kind: 'account'; institution: string; accountRef: string; balance: Money };

export function isAccountJson(d: Declared): d is AccountJson {
  return typeof d === 'object' && d !== null && ('balance' in d || 'institution' in d);
}

export function isCryptoJson(d: unknown): d is CryptoJson {
  return typeof d === 'object' && d !== null && ('symbol' in d || 'quantity' in d);
}

function expectedKind(category: Category): ParsedDeclared['kind'] {
  if (category === 'bank_account') return 'account';
  if (category === 'cryptoasset') return 'crypto';
  return 'money';
}

/** Non-negative money (zero allowed), else `invalid_money`. */
export function nonNegative(json: MoneyJson, field: string): Money {
  const money = Money.parse(json, field);
  if (money.isNegative()) refuse('invalid_money', 'amount must not be negative', `${field}.amount`);
  return money;
}

export function parseDeclared(
  declared: Declared | undefined,
  category: Category,
): ParsedDeclared | undefined {
  if (declared === undefined) return undefined;
  const kind = isAccountJson(declared) ? 'account' : isCryptoJson(declared) ? 'crypto' : 'money';
  const expected = expectedKind(category);
  if (kind !== expected) {
    const shape = {
      money: 'money { amount, currency }',
      crypto: 'a cryptoasset { symbol, quantity }',
      account: 'an account { institution, accountRef, balance }',
    }[expected];
    refuse('invalid_money', `a ${category} asset declares ${shape}`, 'declared');
  }
  if (kind === 'crypto') {
    return { kind, crypto: CryptoQuantity.parse(declared as CryptoJson, 'declared') };
  }
  if (kind === 'account') {
    const { institution, accountRef, balance } = declared as AccountJson;
    return { kind, institution, accountRef, balance: nonNegative(balance, 'declared.balance') };
  }
  return { kind, money: Money.positive(declared as MoneyJson, 'declared') };
}

export function declaredJson(p: ParsedDeclared): Declared {
  switch (p.kind) {
    case 'money':
      return p.money.toJSON();
    case 'crypto':
      return p.crypto.toJSON();
    case 'account':
      return { institution: p.institution, accountRef: p.accountRef, balance: p.balance.toJSON() };
  }
}

/** Cash only; positive amounts, one entry per currency. */
export function parseCashBreakdown(
  breakdown: MoneyJson[] | undefined,
  category: Category,
): Money[] | undefined {
  if (breakdown === undefined) return undefined;
  if (category !== 'cash')
    refuse('invalid_money', 'a cash breakdown is only for cash', 'cashBreakdown');
  if (!Array.isArray(breakdown) || breakdown.length === 0) {
    refuse('invalid_money', 'a cash breakdown lists at least one amount', 'cashBreakdown');
  }
  const seen = new Set<string>();
  return breakdown.map((json, i) => {
    const money = Money.positive(json, `cashBreakdown.${i}`);
    if (seen.has(money.currency)) {
      refuse('invalid_money', `${money.currency} is listed twice`, `cashBreakdown.${i}.currency`);
    }
    seen.add(money.currency);
    return money;
  });
}

/**
 * The sterling equivalent of what was declared (the breakdown when there is one), or undefined
 * when a rate is missing and none is `required` (then a missing rate is `fx_rate_required`).
 */
export function declaredSterling(
  declared: ParsedDeclared | undefined,
  breakdown: Money[] | undefined,
  rates: Rates,
  required: boolean,
): Money | undefined {
  if (breakdown) {
    const parts = breakdown.map((m, i) => sterling(m, rates, `cashBreakdown.${i}`, required));
    if (parts.some((p) => p === undefined)) return undefined;
    return sumMoney(parts as Money[], 'GBP');
  }
  if (!declared) return undefined;
  switch (declared.kind) {
    case 'money':
      return sterling(declared.money, rates, 'declared', required);
    case 'account':
      return sterling(declared.balance, rates, 'declared.balance', required);
    case 'crypto':
      return cryptoSterling(declared.crypto, rates, 'declared', required);
  }
}

/**
 * When both a declared total and a breakdown are given they must agree: the declared amount is
 * either the breakdown's total in its one currency, or the breakdown's sterling equivalent.
 */
export function assertBreakdownMatches(
  declared: ParsedDeclared | undefined,
  breakdown: Money[] | undefined,
  breakdownGbp: Money | undefined,
): void {
  if (!breakdown || !declared || declared.kind !== 'money') return;
  const total = declared.money;
  if (breakdown.every((m) => m.currency === total.currency)) {
    if (sumMoney(breakdown, total.currency).equals(total)) return;
  } else if (total.currency === 'GBP' && (!breakdownGbp || breakdownGbp.equals(total))) {
    return;
  }
  refuse('invalid_money', 'the declared amount does not match the cash breakdown', 'declared', {
    declared: total.toString(),
  });
}

// ---------------------------------------------------------------------------------------------
// Minimum amounts

/** Powers with a minimum amount, and what is measured against it. */
export function hasMinimum(power: Power): boolean {
  return power === 'POCA_S294_CASH' || power === 'POCA_S303J_LISTED' || power === 'POCA_S303Z1_AFO';
}

/**
 * Refuses `below_minimum_amount` when `value` (the sterling figure the power is measured by) is
 * unknown or below the minimum. `field` names where the figure came from.
 */
export function assertMinimum(
  power: Power,
  value: Money | undefined,
  minimum: Money,
  field: string,
): void {
  if (!hasMinimum(power)) return;
  const what =
    power === 'POCA_S294_CASH'
      ? 'cash seized under s.294'
      : power === 'POCA_S303J_LISTED'
        ? 'listed assets seized under s.303J (in aggregate)'
        : 'an account frozen under s.303Z1';
  if (value === undefined) {
    refuse(
      'below_minimum_amount',
      `${what} must be shown to be worth at least ${minimum.toString()}: a value is needed`,
      field,
      { minimumGbp: minimum.toJSON().amount },
    );
  }
  if (value.lt(minimum)) {
    refuse(
      'below_minimum_amount',
      `${what} must be worth at least ${minimum.toString()} (sterling equivalent ${value.toString()})`,
      field,
      { minimumGbp: minimum.toJSON().amount, valueGbp: value.toJSON().amount },
    );
  }
}

/** The object without its undefined properties (so events never carry `key: undefined`). */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
