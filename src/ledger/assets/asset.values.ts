import { Money, MoneyJson, toGbp } from '../../common/money';
import { recordedRates } from './asset.guards';
import { AssetState } from './asset.state';

/**
 * A value in its own units, as the register and the statement show it: money as it is, a crypto
 * quantity with its symbol, an account by its balance.
 */
export function nativeAmount(value: unknown): { amount: string; currency: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.amount === 'string' && typeof v.currency === 'string')
    return { amount: v.amount, currency: v.currency };
  if (typeof v.quantity === 'string' && typeof v.symbol === 'string')
    return { amount: v.quantity, currency: v.symbol };
  if (typeof v.balance === 'object' && v.balance !== null) return nativeAmount(v.balance);
  return undefined;
}

/** A sterling figure: GBP as it is, another currency at the asset's recorded rate, else none. */
export function sterlingAtRecordedRate(json: MoneyJson, state: AssetState): Money | undefined {
  const money = Money.parse(json);
  if (money.currency === 'GBP') return money;
  const rate = recordedRates(state).get(money.currency);
  return rate ? toGbp(money, rate) : undefined;
}
