import { Money } from '@src/common/money';
import { fold } from '@src/ledger/decider';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import { defaultTermReduction } from '@src/ledger/confiscation/default-term.reduction';
import { deciderSpec } from '../../../support/decider-spec';
import {
  at,
  command,
  gbp,
  makeOrder,
  orderMade,
  paymentReceived,
  receivePayment,
} from './fixtures';

const spec = deciderSpec(confiscationDecider);

const activated = (date: string, months = 18): ConfiscationEvent => ({
  type: 'DefaultTermActivated',
  data: { months, occurredAt: at(date) },
});
const served = (date: string): ConfiscationEvent => ({
  type: 'DefaultTermServed',
  data: { occurredAt: at(date) },
});

describe('default term (s.35)', () => {
  describe('s.35(2A) bands for orders from 1 June 2015: 6 months, then 5, 7 and 14 years', () => {
    const warnings = (amount: string, months: number, date = '2020-01-20') =>
      (
        confiscationDecider.decide(
          makeOrder({
            benefitFigure: gbp('5000000'),
            orderAmount: gbp(amount),
            instalments: [{ amount: gbp(amount), dueDate: date }],
            defaultTermMonths: months,
            convictedAt: '2014-11-15',
            occurredAt: at(date),
          }),
          confiscationDecider.initialState,
        )[0].data as { warnings: string[] }
      ).warnings;

    it('£10,000 or less is one band of 6 months, not the fines table', () => {
      expect(warnings('10000', 6)).toEqual([]);
      expect(warnings('10000', 7)).toEqual([
        'default_term_above_band_maximum: 7 months is above the maximum of 6 months for an order of more than £0 up to £10000 (s.35); the order stands as made',
      ]);
      // Under the fines table £150 allowed 7 days; under s.35(2A) 6 months.
      expect(warnings('150', 6)).toEqual([]);
      expect(warnings('0.01', 6)).toEqual([]);
    });

    it('more than £10,000: 5 years; more than £500,000: 7 years; more than £1m: 14 years', () => {
      expect(warnings('10000.01', 60)).toEqual([]);
      expect(warnings('10000.01', 61)).toHaveLength(1);
      expect(warnings('500000', 60)).toEqual([]);
      expect(warnings('500000', 61)).toHaveLength(1);
      expect(warnings('500000.01', 84)).toEqual([]);
      expect(warnings('500000.01', 85)).toHaveLength(1);
      expect(warnings('1000000', 84)).toEqual([]);
      expect(warnings('1000000', 85)).toHaveLength(1);
      expect(warnings('1000000.01', 168)).toEqual([]);
      expect(warnings('1000000.01', 169)).toHaveLength(1);
    });

    it('picked by the order date: the fines table up to 31 May 2015, s.35(2A) from 1 June 2015', () => {
      // £1,000 with 2 months: the fines table allows 28 days (warns), s.35(2A) 6 months.
      expect(warnings('1000', 2, '2015-05-31')).toHaveLength(1); // last day of the old table
      expect(warnings('1000', 2, '2015-06-01')).toEqual([]); // the first day of s.35(2A)
      expect(warnings('1000', 2, '2015-06-02')).toEqual([]); // the day after
    });
  });

  describe('reduced in proportion to the part paid (MCA 1980 s.79(2), Gibson [2018] UKSC 2)', () => {
    const reduce = (paid: string, months = 18, startsOn = '2020-06-01') =>
      defaultTermReduction({
        months,
        startsOn,
        ordered: Money.gbp('90000'),
        paid: Money.gbp(paid),
      });

    it('takes off floor((days − 1) × paid / ordered) days: the fraction of a day is left out', () => {
      // 18 months from 1 Jun 2020 to 1 Dec 2021: 548 days. £10,000 of £90,000:
      // 547 × 1/9 = 60.78 → 60 days off, 488 left.
      expect(reduce('10000')).toMatchObject({
        termDays: 548,
        reductionDays: 60,
        reducedToDays: 488,
      });
      // £40,000: 547 × 4/9 = 243.11 → 243 off, 305 left.
      expect(reduce('40000')).toMatchObject({ reductionDays: 243, reducedToDays: 305 });
    });

    it('nothing paid: the whole term; all but a penny: days are still left; all paid: none', () => {
      expect(reduce('0')).toMatchObject({ reductionDays: 0, reducedToDays: 548 });
      // 547 × 89,999.99 / 90,000 = 546.99999... → 546 off, 2 days left ("less one day").
      expect(reduce('89999.99')).toMatchObject({ reductionDays: 546, reducedToDays: 2 });
      expect(reduce('90000')).toMatchObject({ reductionDays: 548, reducedToDays: 0 });
      // Payments beyond the amount ordered (interest) count no further.
      expect(reduce('90500').paidTowardsTerm.toJSON().amount).toBe('90000.00');
    });

    it('shows on the position as at a date, counted from the activation', () => {
      const history = [
        orderMade,
        paymentReceived('R1', '10000', '2020-02-20'),
        activated('2020-06-01'),
      ];
      const state = fold(confiscationDecider, history);
      expect(orderPosition(state, '2020-06-30').defaultTerm).toEqual({
        fixedMonths: 18,
        months: 18,
        startsOn: '2020-06-01',
        termDays: 548,
        reductionDays: 60,
        reducedToDays: 488,
        paidTowardsTerm: Money.gbp('10000'),
        activated: { months: 18, on: '2020-06-01' },
      });
      // Before the activation the term is counted from the "as at" date (20 Feb 2020: 547 days).
      expect(orderPosition(state, '2020-02-20').defaultTerm).toMatchObject({
        startsOn: '2020-02-20',
        termDays: 547,
        reductionDays: 60,
        reducedToDays: 487,
      });
    });
  });

  describe('RecordDefaultTermServed (s.38(5): the debt is not expunged)', () => {
    const serve = (date: string) => command('RecordDefaultTermServed', { occurredAt: at(date) });
    const history = [
      orderMade,
      paymentReceived('R1', '10000', '2020-02-20'),
      activated('2020-06-01'),
    ];

    it('records the service on or after the activation', () => {
      spec
        .given(history)
        .when(serve('2020-06-01'))
        .then([{ type: 'DefaultTermServed', data: { occurredAt: '2020-06-01T10:00:00.000Z' } }]);
    });

    it('refuses before activation, before the activation date, or twice', () => {
      spec.given([orderMade]).when(serve('2020-06-01')).thenRefuses('invalid_state');
      spec.given(history).when(serve('2020-05-31')).thenRefuses('invalid_date', 'occurredAt');
      spec
        .given([...history, served('2020-07-01')])
        .when(serve('2020-07-02'))
        .thenRefuses('invalid_state');
    });

    it('leaves the order payable and interest running after the term is served', () => {
      const state = fold(confiscationDecider, [...history, served('2020-07-01')]);
      const position = orderPosition(state, '2020-07-31');
      // 21 Apr..31 Jul = 102 days on £80,000: 80,000 × 8 × 102 / 36,500 = 1,788.49.
      expect(position.interestAccrued.rounded.toJSON().amount).toBe('1788.49');
      expect(position.outstanding.toJSON().amount).toBe('81788.49');
      expect(position.status).toBe('outstanding');
      expect(position.defaultTerm.served).toEqual({ on: '2020-07-01' });
      spec
        .given([...history, served('2020-07-01')])
        .when(receivePayment('R2', '81788.49', '2020-07-31'))
        .thenMatches([{ type: 'PaymentReceived' }]);
    });
  });
});
