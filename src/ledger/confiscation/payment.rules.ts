import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { EXPENSE_ORDER } from '../recovery/application-of-sums';
import { londonDateOf } from '../../common/time';
import { requiredText } from '../command-fields';
import { accruedInterest } from '../recovery/interest';
import { ReceivePayment } from './confiscation.commands';
import { PAYMENT_METHODS, PaymentReceived, ReceiptExpensesJson } from './confiscation.events';
import { sterlingFigure } from './confiscation.figures';
import { interestInputOf } from './confiscation.position';
import { ConfiscationState, evolve, existingOrder } from './confiscation.state';

/**
 * PaymentReceived: a new receipt, in sterling, on or after the order date, and never more than is
 * outstanding (on its date, nor as at any later receipt or schedule change already recorded),
 * unless the overpayment is acknowledged: then the receipt is recorded with the surplus over what
 * was owed on its date as `refundDue` (the order is settled; the surplus is due back).
 */
export function receivePayment(
  command: ReceivePayment,
  state: ConfiscationState,
  at: string,
): PaymentReceived[] {
  const order = existingOrder(state);
  const data = command.data;
  const on = londonDateOf(at);
  const receiptId = requiredText(data.receiptId, 'receiptId');
  if (state.payments.some((p) => p.receiptId === receiptId)) {
    refuse('already_exists', `Receipt ${receiptId} is already recorded on this order`, 'receiptId');
  }
  const amount = sterlingFigure(data.amount, 'amount');
  if (!(PAYMENT_METHODS as readonly string[]).includes(data.method)) {
    refuse('invalid_state', `method must be one of ${PAYMENT_METHODS.join(', ')}`, 'method');
  }
  if (data.method === 'asset_realisation' && !data.assetId) {
    refuse('invalid_state', 'A receipt from an asset realisation names the asset', 'assetId');
  }
  const reference = requiredText(data.reference, 'reference');
  if (on < order.orderDate) {
    refuse('invalid_date', `Before the order date ${order.orderDate}`, 'occurredAt');
  }

  // Outstanding = principal unpaid + interest accrued as at the receipt date (rounded to the
  // penny, as posted) − interest already paid. Paying exactly that is accepted; a penny more is
  // refused unless the request acknowledges the overpayment: then the surplus is a refund due.
  const outstanding = accruedInterest(interestInputOf(state, on)).outstanding.rounded;
  const acknowledged = data.acknowledgeOverpayment === true;
  if (
    data.acknowledgeOverpayment !== undefined &&
    typeof data.acknowledgeOverpayment !== 'boolean'
  ) {
    refuse(
      'invalid_state',
      'acknowledgeOverpayment must be true or false',
      'acknowledgeOverpayment',
    );
  }
  if (amount.gt(outstanding) && !acknowledged) {
    refuse(
      'overpayment',
      `${amount.toString()} is more than the ${outstanding.toString()} outstanding on ${on}; ` +
        'send acknowledgeOverpayment: true to record it with the surplus as a refund due',
      'amount',
      { outstanding: outstanding.toJSON().amount, asAt: on },
    );
  }
  const owed = outstanding.isPositive() ? outstanding : Money.zero('GBP');
  const refundDue = amount.gt(owed) ? amount.minus(owed) : undefined;
  const expenses = expensesOf(data.expenses, amount, data.method);
  const event: PaymentReceived = {
    type: 'PaymentReceived',
    data: {
      receiptId,
      amount: amount.toJSON(),
      method: data.method,
      ...(data.assetId !== undefined && { assetId: data.assetId }),
      reference,
      ...(refundDue && { refundDue: refundDue.toJSON() }),
      ...(expenses && { expenses }),
      occurredAt: at,
    },
  };
  // A receipt dated before others already recorded (or before a variation) must not make the
  // order overpaid as at those later dates.
  const latest = [
    ...state.payments.map((p) => p.date),
    ...state.schedules.map((v) => v.from),
  ].reduce((max, date) => (date > max ? date : max), on);
  if (latest > on) {
    const after = accruedInterest(interestInputOf(evolve(state, event), latest)).outstanding
      .rounded;
    if (after.isNegative()) {
      // Not even acknowledged: the surplus would be owed as at a later receipt's date, not this
      // one's (record an overpayment dated on or after the latest receipt or schedule change).
      refuse(
        'overpayment',
        `With the receipts recorded after ${on}, this overpays the order`,
        'amount',
        {
          overpaidBy: after.negated().toJSON().amount,
          asAt: latest,
        },
      );
    }
  }
  return [event];
}

/** Methods whose sums come from an enforcement receiver (s.54), so s.55(4) applies to them. */
const FROM_RECEIVER: readonly string[] = ['asset_realisation', 'enforcement'];

/**
 * The s.55(3)-(4) expenses to apply first: sterling, together not more than the receipt
 * (`expenses_exceed_receipt`); the receivers' (s.55(4)) only "if the designated officer received
 * the sums under section 54", i.e. from an enforcement receiver (`invalid_state` otherwise).
 */
function expensesOf(
  json: ReceiptExpensesJson | undefined,
  amount: Money,
  method: string,
): ReceiptExpensesJson | undefined {
  if (json === undefined) return undefined;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    refuse('invalid_state', 'must be an object', 'expenses');
  }
  const out: ReceiptExpensesJson = {};
  let total = Money.zero('GBP');
  for (const key of EXPENSE_ORDER) {
    const value = json[key];
    if (value === undefined) continue;
    const money = sterlingFigure(value, `expenses.${key}`);
    if (key !== 'insolvencyPractitioner' && !FROM_RECEIVER.includes(method)) {
      refuse(
        'invalid_state',
        "s.55(4): receivers' remuneration and expenses come out of sums received under s.54 (an asset_realisation or enforcement receipt)",
        `expenses.${key}`,
      );
    }
    out[key] = money.toJSON();
    total = total.plus(money);
  }
  if (total.gt(amount)) {
    refuse(
      'expenses_exceed_receipt',
      `Expenses of ${total.toString()} are more than the ${amount.toString()} received`,
      'expenses',
      { received: amount.toJSON().amount },
    );
  }
  return Object.keys(out).length ? out : undefined;
}
