import { Money } from '@src/common/money';
import { fold } from '@src/ledger/decider';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import {
  foldOrderEvent,
  initialOrderTotalsState,
  OrderTotalsState,
} from '@src/projections/recovery-totals/totals.contributions';
import { ReceiptRecord } from '@src/ledger/recovery/forfeiture-receipts';
import { deciderSpec } from '../../../support/decider-spec';
import { gbp, orderMade, paymentReceived, receivePayment } from './fixtures';

const spec = deciderSpec(confiscationDecider);
const ack = { acknowledgeOverpayment: true };
const refundOf = (events: ConfiscationEvent[]) =>
  (events[0].data as { refundDue?: { amount: string } }).refundDue?.amount;

describe('receipts that exceed what is owed (acknowledged overpayments)', () => {
  // Nothing paid; £10,000 due 20 Feb 2020 is overdue from 21 Feb. As at 1 Mar: 10 days, £21.92;
  // outstanding £90,021.92.
  it('refuses a penny over without the acknowledgement, naming amount and what is owed', () => {
    spec
      .given([orderMade])
      .when(receivePayment('R1', '90021.93', '2020-03-01'))
      .thenRefuses('overpayment', 'amount');
    spec
      .given([orderMade])
      .when(receivePayment('R1', '90021.93', '2020-03-01', { acknowledgeOverpayment: false }))
      .thenRefuses('overpayment', 'amount');
  });

  it('records the receipt with the surplus as refundDue when acknowledged (exact to the penny)', () => {
    spec
      .given([orderMade])
      .when(receivePayment('R1', '90021.93', '2020-03-01', ack))
      .then([
        {
          type: 'PaymentReceived',
          data: {
            receiptId: 'R1',
            amount: gbp('90021.93'),
            method: 'voluntary',
            reference: 'ref-R1',
            refundDue: gbp('0.01'),
            occurredAt: '2020-03-01T10:00:00.000Z',
          },
        },
      ]);
  });

  it('measures the surplus on the receipt date: the day before, the day itself, the day after', () => {
    const refund = (date: string) =>
      refundOf(
        spec
          .given([orderMade])
          .when(receivePayment('R1', '90021.92', date, ack))
          .events(),
      );
    // 29 Feb: 9 days, £19.73 → owed £90,019.73; £2.19 is due back.
    expect(refund('2020-02-29')).toBe('2.19');
    // 1 Mar: exactly what is owed: no refund.
    expect(refund('2020-03-01')).toBeUndefined();
    // 2 Mar: 11 days, £24.11 → owed £90,024.11; the receipt falls short: no refund, £2.19 owed.
    expect(refund('2020-03-02')).toBeUndefined();
    const state = fold(confiscationDecider, [
      orderMade,
      paymentReceived('R1', '90021.92', '2020-03-02'),
    ]);
    expect(orderPosition(state, '2020-03-02').outstanding.toJSON().amount).toBe('2.19');
  });

  it('settles the order: outstanding nil, interest stops, the surplus shown as refund due', () => {
    const events = spec
      .given([orderMade])
      .when(receivePayment('R1', '95000', '2020-03-01', ack))
      .events();
    expect(refundOf(events)).toBe('4978.08');
    const state = fold(confiscationDecider, [orderMade, ...events]);
    for (const asAt of ['2020-03-01', '2020-03-02', '2021-01-01']) {
      const p = orderPosition(state, asAt);
      expect(p.status).toBe('satisfied');
      expect(p.outstanding.toJSON().amount).toBe('0.00');
      expect(p.paid.toJSON().amount).toBe('90021.92');
      expect(p.refundDue.toJSON().amount).toBe('4978.08');
      expect(p.interestAccrued.rounded.toJSON().amount).toBe('21.92');
    }
    expect(orderPosition(state, '2020-02-29').refundDue.toJSON().amount).toBe('0.00');
    // A later receipt on a settled order is all refund, acknowledged; refused otherwise.
    spec
      .given([orderMade, ...events])
      .when(receivePayment('R2', '10', '2020-04-01'))
      .thenRefuses('overpayment', 'amount');
    expect(
      refundOf(
        spec
          .given([orderMade, ...events])
          .when(receivePayment('R2', '10', '2020-04-01', ack))
          .events(),
      ),
    ).toBe('10.00');
  });

  it('does not add a refund to a receipt within the debt, acknowledged or not', () => {
    expect(
      refundOf(
        spec
          .given([orderMade])
          .when(receivePayment('R1', '10000', '2020-02-20', ack))
          .events(),
      ),
    ).toBeUndefined();
  });

  it('still refuses a back-dated receipt that would overpay with the later receipts', () => {
    const history = [
      orderMade,
      paymentReceived('R1', '89000', '2020-02-01'),
      paymentReceived('R2', '1000', '2020-02-20'),
    ];
    spec
      .given(history)
      .when(receivePayment('R3', '0.01', '2020-02-10', ack))
      .thenRefuses('overpayment', 'amount');
  });

  it('ARIS shares only the part that paid the order, never the refund', () => {
    const events: ConfiscationEvent[] = [
      orderMade,
      ...confiscationDecider.decide(
        receivePayment('R1', '95000', '2020-03-01', ack),
        fold(confiscationDecider, [orderMade]),
      ),
    ];
    let totals: OrderTotalsState = initialOrderTotalsState;
    let receipt: ReceiptRecord | undefined;
    for (const e of events) {
      const folded = foldOrderEvent(totals, e);
      totals = folded.next;
      receipt = folded.receipt ?? receipt;
    }
    expect(receipt?.allocation.amount.toJSON().amount).toBe('90021.92');
    expect(receipt?.refundDue?.toJSON().amount).toBe('4978.08');
    const shares = receipt!.allocation.shares.reduce((s, x) => s.plus(x.amount), Money.zero('GBP'));
    expect(shares.plus(receipt!.allocation.compensationPaid).toJSON().amount).toBe('90021.92');
    expect(receipt!.allocation.shares.map((s) => [s.recipient, s.amount.toJSON().amount])).toEqual([
      ['home_office', '45010.96'],
      ['investigating_agency', '16879.11'],
      ['prosecuting_agency', '16879.11'],
      ['hmcts', '11252.74'],
    ]);
  });

  it('reads an older receipt (no refundDue) as paying the order in full', () => {
    const state = fold(confiscationDecider, [
      orderMade,
      paymentReceived('R1', '10000', '2020-02-20'),
    ]);
    const p = orderPosition(state, '2020-02-20');
    expect(p.paid.toJSON().amount).toBe('10000.00');
    expect(p.refundDue.toJSON().amount).toBe('0.00');
  });
});
