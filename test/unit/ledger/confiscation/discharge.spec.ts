import { fold } from '@src/ledger/decider';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import { DischargeConfiscationOrder } from '@src/ledger/confiscation/confiscation.commands';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import {
  DISCHARGE_THRESHOLDS,
  dischargeThresholdsFor,
} from '@src/ledger/confiscation/confiscation.parameters';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import { orderDeadlines } from '@src/projections/deadlines/deadline.rules';
import { deciderSpec } from '../../../support/decider-spec';
import {
  at,
  command,
  gbp,
  orderMade,
  paymentReceived,
  receivePayment,
  varyOrder,
} from './fixtures';

const spec = deciderSpec(confiscationDecider);

const discharge = (
  date: string,
  data: Partial<DischargeConfiscationOrder['data']> = {},
): DischargeConfiscationOrder =>
  command('DischargeConfiscationOrder', {
    section: 's25',
    reason: 'small sum remaining',
    occurredAt: at(date),
    ...data,
  });

/** £10,000 paid 20 Feb; `paid` of the £80,000 due 20 Apr paid on 20 Apr (interest from 21 Apr). */
const paying = (paid: string): ConfiscationEvent[] => [
  orderMade,
  paymentReceived('R1', '10000', '2020-02-20'),
  paymentReceived('R2', paid, '2020-04-20'),
];

const discharged = (date: string, writtenOff: string): ConfiscationEvent => ({
  type: 'ConfiscationOrderDischarged',
  data: {
    section: 's25',
    reason: 'small sum remaining',
    writtenOff: gbp(writtenOff),
    threshold: gbp('50.00'),
    occurredAt: at(date),
  },
});

describe('discharge of a confiscation order (ss.24, 25)', () => {
  it('has its thresholds in a dated table, marked verify: s.24 less than £1,000, s.25 £50 or less', () => {
    expect(DISCHARGE_THRESHOLDS).toEqual([
      { from: '2003-03-24', s24LessThan: '1000', s25AtMost: '50', status: 'verify' },
    ]);
    const table = [
      { from: '2003-03-24', s24LessThan: '1000', s25AtMost: '50', status: 'verify' as const },
      { from: '2030-01-01', s24LessThan: '2000', s25AtMost: '100', status: 'verify' as const },
    ];
    expect(dischargeThresholdsFor('2029-12-31', table).s25AtMost).toBe('50');
    expect(dischargeThresholdsFor('2030-01-01', table).s25AtMost).toBe('100');
    expect(dischargeThresholdsFor('2030-01-02', table).s25AtMost).toBe('100');
  });

  describe('s.25: the amount remaining (principal plus interest) is £50 or less', () => {
    // £49.95 unpaid from 21 Apr: 49.95 × 8 / 36,500 a day. 21 Apr: £0.01 (£49.96); 25 Apr: 5 days
    // £0.05 (£50.00, the last lawful day); 26 Apr: 6 days £0.07 (£50.02, refused).
    const history = paying('79950.05');

    it('discharges on the first day, and on the last day the remainder is £50.00', () => {
      spec
        .given(history)
        .when(discharge('2020-04-21'))
        .thenMatches([{ data: expect.objectContaining({ writtenOff: gbp('49.96') }) as never }]);
      spec
        .given(history)
        .when(discharge('2020-04-25'))
        .then([
          {
            type: 'ConfiscationOrderDischarged',
            data: {
              section: 's25',
              reason: 'small sum remaining',
              writtenOff: gbp('50.00'),
              threshold: gbp('50.00'),
              occurredAt: '2020-04-25T10:00:00.000Z',
            },
          },
        ]);
    });

    it('refuses the day after, when interest has taken it to £50.02', () => {
      spec
        .given(history)
        .when(discharge('2020-04-26'))
        .thenRefuses('discharge_threshold_exceeded', 'section');
    });

    it('refuses a cause (s.24 only), nothing remaining, and a date behind the last receipt', () => {
      spec
        .given(history)
        .when(discharge('2020-04-25', { cause: 'currency_fluctuation' }))
        .thenRefuses('invalid_state', 'cause');
      spec
        .given([orderMade, paymentReceived('R1', '90000', '2020-02-01')])
        .when(discharge('2020-03-01'))
        .thenRefuses('invalid_state');
      spec.given(history).when(discharge('2020-04-19')).thenRefuses('invalid_date', 'occurredAt');
      spec
        .given(history)
        .when(discharge('2020-04-25', { reason: ' ' }))
        .thenRefuses('invalid_state', 'reason');
    });
  });

  describe('s.24: available amount inadequate, less than £1,000 remaining, for a cause', () => {
    // £999.00 unpaid from 21 Apr: £0.22 a day (rounded totals). 24 Apr: 4 days £0.88 (£999.88);
    // 25 Apr: 5 days £1.10 (£1,000.10, not less than £1,000).
    const history = paying('79001.00');
    const s24 = (date: string, over: Partial<DischargeConfiscationOrder['data']> = {}) =>
      discharge(date, { section: 's24', cause: 'currency_fluctuation', ...over });

    it('discharges on the first day and the last lawful day, writing off what remains', () => {
      spec
        .given(history)
        .when(s24('2020-04-21'))
        .thenMatches([{ data: expect.objectContaining({ writtenOff: gbp('999.22') }) as never }]);
      spec
        .given(history)
        .when(s24('2020-04-24', { cause: 'specified_reason' }))
        .thenMatches([
          {
            data: expect.objectContaining({
              section: 's24',
              cause: 'specified_reason',
              writtenOff: gbp('999.88'),
              threshold: gbp('1000.00'),
            }) as never,
          },
        ]);
    });

    it('refuses the day after (£1,000.10), and without a cause', () => {
      spec
        .given(history)
        .when(s24('2020-04-25'))
        .thenRefuses('discharge_threshold_exceeded', 'section');
      spec
        .given(history)
        .when(s24('2020-04-24', { cause: undefined }))
        .thenRefuses('invalid_state', 'cause');
    });
  });

  describe('after the discharge', () => {
    const history = [...paying('79950.05'), discharged('2020-04-25', '50.00')];

    it('takes no payments, variations, extensions or default term (order_discharged)', () => {
      spec
        .given(history)
        .when(receivePayment('R3', '10', '2020-05-01'))
        .thenRefuses('order_discharged');
      spec
        .given(history)
        .when(varyOrder({ section: 's23', newOrderAmount: gbp('89990') }, '2020-05-01'))
        .thenRefuses('order_discharged');
      spec.given(history).when(discharge('2020-05-01')).thenRefuses('order_discharged');
      spec
        .given(history)
        .when(command('ActivateDefaultTerm', { occurredAt: at('2020-05-01') }))
        .thenRefuses('order_discharged');
    });

    it('shows the order discharged with the amount written off; interest stops on the date', () => {
      const state = fold(confiscationDecider, history);
      for (const asAt of ['2020-04-25', '2020-05-01', '2021-01-01']) {
        const p = orderPosition(state, asAt);
        expect(p.status).toBe('discharged');
        expect(p.outstanding.toJSON().amount).toBe('0.00');
        expect(p.interestAccrued.rounded.toJSON().amount).toBe('0.05');
        expect(p.discharge).toMatchObject({ section: 's25', on: '2020-04-25' });
        expect(p.discharge?.writtenOff.toJSON().amount).toBe('50.00');
        expect(p.nextDue).toBeNull();
        expect(p.instalments.some((x) => x.overdue)).toBe(false);
      }
      // The day before the discharge, the debt stands.
      const before = orderPosition(state, '2020-04-24');
      expect(before.status).toBe('outstanding');
      expect(before.outstanding.toJSON().amount).toBe('49.99');
      expect(before.discharge).toBeUndefined();
    });
  });
});

describe('deadlines of a discharged order', () => {
  it('has time_to_pay deadlines until the discharge, none after it', () => {
    const history = paying('79950.05');
    expect(orderDeadlines(fold(confiscationDecider, history)).map((d) => d.kind)).toEqual([
      'time_to_pay',
    ]);
    expect(
      orderDeadlines(fold(confiscationDecider, [...history, discharged('2020-04-25', '50.00')])),
    ).toEqual([]);
  });
});
