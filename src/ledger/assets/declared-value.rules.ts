import { refuse } from '../../common/domain-error';
import { CryptoJson, CryptoQuantity, Money, MoneyJson, sumMoney } from '../../common/money';
import { AccountJson, Category, Declared } from './asset.events';
import { cryptoSterling, Rates, sterlingEquivalent } from './exchange-rates.rules';

/** What was declared at seizure: money, a cryptoasset quantity or an account, and its breakdown. */

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
    const parts = breakdown.map((m, i) =>
      sterlingEquivalent(m, rates, `cashBreakdown.${i}`, required),
    );
    if (parts.some((p) => p === undefined)) return undefined;
    return sumMoney(parts as Money[], 'GBP');
  }
  if (!declared) return undefined;
  switch (declared.kind) {
    case 'money':
      return sterlingEquivalent(declared.money, rates, 'declared', required);
    case 'account':
      return sterlingEquivalent(declared.balance, rates, 'declared.balance', required);
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
