import { refuse } from '../../common/domain-error';
import { Money, MoneyJson } from '../../common/money';
import { requiredText } from '../command-fields';
import { CompensationJson } from './confiscation.events';

/*
 * The figures of a confiscation command as the court gave them: amounts in sterling, terms in
 * whole months, and the compensation directed out of the amount ordered.
 */

/** A sterling figure: valid money, GBP, positive (or, with `allowZero`, not negative). */
export function sterlingFigure(json: MoneyJson, field: string, allowZero = false): Money {
  const money = allowZero ? Money.parse(json, field) : Money.positive(json, field);
  if (money.isNegative()) refuse('invalid_money', 'amount must not be negative', `${field}.amount`);
  if (money.currency !== 'GBP') {
    refuse('invalid_money', 'confiscation figures are in sterling (GBP)', `${field}.currency`);
  }
  return money;
}

export function wholeMonths(months: unknown, field: string): number {
  if (typeof months !== 'number' || !Number.isSafeInteger(months) || months < 1) {
    refuse('invalid_state', 'must be a whole number of months, at least 1', field);
  }
  return months;
}

/** Compensation directed under s.13(5)-(6): paid first out of sums recovered. */
export interface Compensation {
  amount: Money;
  payee: string;
}

/** Compensation: a sterling amount to a named payee, not more than the amount `ordered`. */
export function compensationOf(
  json: CompensationJson,
  ordered: Money,
  amountField: string,
): Compensation {
  const amount = sterlingFigure(json?.amount, 'compensation.amount');
  const payee = requiredText(json.payee, 'compensation.payee');
  if (amount.gt(ordered)) {
    refuse(
      'compensation_exceeds_order',
      `Compensation of ${amount.toString()} is more than the ${ordered.toString()} ordered`,
      amountField,
    );
  }
  return { amount, payee };
}

export const compensationJson = (compensation: Compensation): CompensationJson => ({
  amount: compensation.amount.toJSON(),
  payee: compensation.payee,
});
