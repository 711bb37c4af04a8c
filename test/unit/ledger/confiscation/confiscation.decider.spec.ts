import { fold } from '@src/ledger/decider';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import {
  ConfiscationEvent,
  confiscationStream,
} from '@src/ledger/confiscation/confiscation.events';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import { deciderSpec } from '../../../support/decider-spec';
import {
  at,
  command,
  extensionApplied,
  gbp,
  makeOrder,
  orderMade,
  paymentReceived,
  receivePayment,
  timeExtended,
  varyOrder,
} from './fixtures';

const spec = deciderSpec(confiscationDecider);

describe('confiscation orders (POCA Part 2)', () => {
  it('lives in the confiscation-{orderId} stream', () => {
    expect(confiscationStream('co-1')).toBe('confiscation-co-1');
  });

  describe('MakeConfiscationOrder', () => {
    it('records the three figures, the schedule and the default term (money normalised)', () => {
      spec.given([]).when(makeOrder()).then([orderMade]);
    });

    it('records lifestyle and compensation when given', () => {
      spec
        .given([])
        .when(
          makeOrder({
            lifestyle: true,
            compensation: { amount: gbp('2500.5'), payee: 'Victim Ltd' },
          }),
        )
        .thenMatches([
          {
            data: expect.objectContaining({
              lifestyle: true,
              compensation: { amount: gbp('2500.50'), payee: 'Victim Ltd' },
            }) as never,
          },
        ]);
    });

    it('refuses an existing order, an unknown or closed case and an unknown subject', () => {
      spec
        .given([orderMade])
        .when(makeOrder())
        .thenRefuses('already_exists', 'confiscationOrderId');
      spec
        .given([])
        .when(makeOrder({}, { case: { exists: false, closed: false } }))
        .thenRefuses('not_found', 'caseId');
      spec
        .given([])
        .when(makeOrder({}, { case: { exists: true, closed: true } }))
        .thenRefuses('case_closed', 'caseId');
      spec
        .given([])
        .when(makeOrder({}, { subjectExists: false }))
        .thenRefuses('not_found', 'subjectId');
    });

    it('refuses bad money: sub-penny, non-sterling, negative or zero', () => {
      spec
        .given([])
        .when(makeOrder({ orderAmount: gbp('90000.001') }))
        .thenRefuses('invalid_money', 'orderAmount.amount');
      spec
        .given([])
        .when(makeOrder({ benefitFigure: { amount: '500000', currency: 'EUR' } }))
        .thenRefuses('invalid_money', 'benefitFigure.currency');
      spec
        .given([])
        .when(makeOrder({ availableAmount: gbp('-1') }))
        .thenRefuses('invalid_money', 'availableAmount.amount');
      spec
        .given([])
        .when(
          makeOrder({
            instalments: [
              { amount: gbp('0'), dueDate: '2020-02-20' },
              { amount: gbp('90000'), dueDate: '2020-04-20' },
            ],
          }),
        )
        .thenRefuses('invalid_money', 'instalments.0.amount.amount');
    });

    it('refuses an amount ordered above the benefit figure', () => {
      spec
        .given([])
        .when(makeOrder({ benefitFigure: gbp('89999.99') }))
        .thenRefuses('order_exceeds_benefit', 'orderAmount');
    });

    it('refuses instalments that do not sum exactly to the amount ordered', () => {
      spec
        .given([])
        .when(
          makeOrder({
            instalments: [
              { amount: gbp('10000'), dueDate: '2020-02-20' },
              { amount: gbp('79999.99'), dueDate: '2020-04-20' },
            ],
          }),
        )
        .thenRefuses('instalments_do_not_sum', 'instalments');
      spec
        .given([])
        .when(makeOrder({ instalments: [] }))
        .thenRefuses('instalments_do_not_sum', 'instalments');
    });

    it('refuses a due date more than 3 months after an order made from 1 June 2015', () => {
      spec
        .given([])
        .when(
          makeOrder({
            instalments: [
              { amount: gbp('10000'), dueDate: '2020-02-20' },
              { amount: gbp('80000'), dueDate: '2020-04-21' },
            ],
          }),
        )
        .thenRefuses('time_to_pay_too_long', 'instalments.1.dueDate');
    });

    it('allows 6 months (not 7) for an order made before 1 June 2015', () => {
      const older = (dueDate: string) =>
        makeOrder({
          convictedAt: '2014-01-10',
          occurredAt: '2014-03-03T11:00:00Z',
          instalments: [{ amount: gbp('90000'), dueDate }],
        });
      spec
        .given([])
        .when(older('2014-09-03'))
        .thenMatches([{ type: 'ConfiscationOrderMade' }]);
      spec
        .given([])
        .when(older('2014-09-04'))
        .thenRefuses('time_to_pay_too_long', 'instalments.0.dueDate');
    });

    it('refuses a due date before the order, or a malformed one', () => {
      spec
        .given([])
        .when(makeOrder({ instalments: [{ amount: gbp('90000'), dueDate: '2020-01-19' }] }))
        .thenRefuses('invalid_date', 'instalments.0.dueDate');
      spec
        .given([])
        .when(makeOrder({ instalments: [{ amount: gbp('90000'), dueDate: '2020-02-30' }] }))
        .thenRefuses('invalid_date', 'instalments.0.dueDate');
    });

    it('refuses compensation above the amount ordered', () => {
      spec
        .given([])
        .when(makeOrder({ compensation: { amount: gbp('90000.01'), payee: 'Victim Ltd' } }))
        .thenRefuses('compensation_exceeds_order', 'compensation.amount');
    });

    it('refuses a conviction after the order, a term that is not whole months, and a future order', () => {
      spec
        .given([])
        .when(makeOrder({ convictedAt: '2020-01-21' }))
        .thenRefuses('invalid_date', 'convictedAt');
      spec
        .given([])
        .when(makeOrder({ defaultTermMonths: 1.5 }))
        .thenRefuses('invalid_state', 'defaultTermMonths');
      spec
        .given([])
        .when(makeOrder({ occurredAt: '2027-01-01T00:00:00Z' }))
        .thenRefuses('future_date', 'occurredAt');
    });

    describe('default term (s.35): warns above the band maximum, never refuses', () => {
      const warnings = (over: Parameters<typeof makeOrder>[0]) =>
        (
          confiscationDecider.decide(makeOrder(over), confiscationDecider.initialState)[0].data as {
            warnings: string[];
          }
        ).warnings;

      it('£90,000 (more than £10k up to £500k: 5 years): 60 months is fine, 61 warns', () => {
        expect(warnings({ defaultTermMonths: 60 })).toEqual([]);
        expect(warnings({ defaultTermMonths: 61 })).toEqual([
          'default_term_above_band_maximum: 61 months is above the maximum of 60 months for an order of more than £10000 up to £500000 (s.35); the order stands as made',
        ]);
      });

      it('uses 7 years above £500k and 14 years above £1m', () => {
        const big = (amount: string, months: number) =>
          warnings({
            benefitFigure: gbp('5000000'),
            orderAmount: gbp(amount),
            instalments: [{ amount: gbp(amount), dueDate: '2020-04-20' }],
            defaultTermMonths: months,
          });
        expect(big('600000', 84)).toEqual([]);
        expect(big('600000', 85)).toHaveLength(1);
        expect(big('1000000.01', 168)).toEqual([]);
        expect(big('1000000.01', 169)).toHaveLength(1);
      });

      it('uses the fines table for £10,000 or less before 1 June 2015 (days compared at 31 a month)', () => {
        const small = (amount: string, months: number) =>
          warnings({
            orderAmount: gbp(amount),
            instalments: [{ amount: gbp(amount), dueDate: '2015-04-20' }],
            defaultTermMonths: months,
            occurredAt: '2015-01-20T11:00:00Z',
            convictedAt: '2014-11-15',
          });
        expect(small('5000.01', 6)).toEqual([]);
        expect(small('5000.01', 7)).toHaveLength(1);
        expect(small('5000', 4)).toHaveLength(1); // £2,500-£5,000: 3 months
        expect(small('2000', 1)).toEqual([]); // £1,000-£2,500: 45 days
        expect(small('900', 1)).toHaveLength(1); // £500-£1,000: 28 days
      });

      it('keeps the warnings in the state', () => {
        const events = confiscationDecider.decide(
          makeOrder({ defaultTermMonths: 72 }),
          confiscationDecider.initialState,
        );
        expect(fold(confiscationDecider, events).warnings).toHaveLength(1);
      });
    });
  });

  describe('ApplyForTimeToPayExtension (s.11(4))', () => {
    it('records the application, dated by appliedAt or by occurredAt', () => {
      spec
        .given([orderMade])
        .when(
          command('ApplyForTimeToPayExtension', {
            instalments: [1],
            appliedAt: '2020-04-06',
            occurredAt: at('2020-04-07'),
          }),
        )
        .then([
          {
            type: 'TimeToPayExtensionApplied',
            data: {
              instalments: [1],
              appliedAt: '2020-04-06',
              occurredAt: '2020-04-07T10:00:00.000Z',
            },
          },
        ]);
      spec
        .given([orderMade])
        .when(
          command('ApplyForTimeToPayExtension', {
            instalments: [0, 1],
            occurredAt: '2020-02-19T23:30:00Z',
          }),
        )
        .thenMatches([
          {
            data: {
              instalments: [0, 1],
              appliedAt: '2020-02-19',
              occurredAt: '2020-02-19T23:30:00.000Z',
            },
          },
        ]);
    });

    it('refuses an application made after the due date passed', () => {
      spec
        .given([orderMade])
        .when(command('ApplyForTimeToPayExtension', { instalments: [0], appliedAt: '2020-02-21' }))
        .thenRefuses('time_to_pay_too_long', 'appliedAt');
    });

    it('refuses an instalment already at the longest time allowed', () => {
      spec
        .given([
          orderMade,
          extensionApplied('2020-04-06'),
          timeExtended('2020-05-11', 1, '2020-07-20'),
        ])
        .when(command('ApplyForTimeToPayExtension', { instalments: [1], appliedAt: '2020-07-01' }))
        .thenRefuses('time_to_pay_too_long', 'instalments.0');
    });

    it('refuses an unknown instalment, a pending one, a paid one, and bad dates', () => {
      const apply = (instalments: number[], appliedAt = '2020-02-10') =>
        command('ApplyForTimeToPayExtension', { instalments, appliedAt });
      spec
        .given([orderMade])
        .when(apply([2]))
        .thenRefuses('invalid_state', 'instalments.0');
      spec
        .given([orderMade])
        .when(apply([1, 1]))
        .thenRefuses('invalid_state', 'instalments.1');
      spec
        .given([orderMade, extensionApplied('2020-02-01')])
        .when(apply([1]))
        .thenRefuses('invalid_state', 'instalments.0');
      spec
        .given([orderMade, paymentReceived('R1', '10000', '2020-02-01')])
        .when(apply([0]))
        .thenRefuses('invalid_state', 'instalments.0');
      spec
        .given([orderMade])
        .when(apply([1], '2020-01-19'))
        .thenRefuses('invalid_date', 'appliedAt');
      spec
        .given([orderMade])
        .when(apply([1], '2027-01-01'))
        .thenRefuses('future_date', 'appliedAt');
      spec
        .given([])
        .when(apply([1]))
        .thenRefuses('not_found');
    });
  });

  describe('ExtendTimeToPay', () => {
    const extend = (index: number, dueDate: string, on = '2020-05-11') =>
      command('ExtendTimeToPay', { newDueDates: [{ index, dueDate }], occurredAt: at(on) });

    it('extends a pending instalment up to 6 months from the order date', () => {
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(extend(1, '2020-07-20'))
        .then([timeExtended('2020-05-11', 1, '2020-07-20')]);
    });

    it('refuses an extension beyond 6 months from the order date', () => {
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(extend(1, '2020-07-21'))
        .thenRefuses('time_to_pay_too_long', 'newDueDates.0.dueDate');
    });

    it('allows 12 months for an order made before 1 June 2015', () => {
      const older = makeOrder({
        convictedAt: '2014-01-10',
        occurredAt: '2014-03-03T11:00:00Z',
        instalments: [{ amount: gbp('90000'), dueDate: '2014-09-03' }],
      });
      const made = confiscationDecider.decide(older, confiscationDecider.initialState);
      const history = [...made, extensionApplied('2014-08-01', [0])];
      spec
        .given(history)
        .when(extend(0, '2015-03-03', '2014-08-20'))
        .thenMatches([{ type: 'TimeToPayExtended' }]);
      spec
        .given(history)
        .when(extend(0, '2015-03-04', '2014-08-20'))
        .thenRefuses('time_to_pay_too_long', 'newDueDates.0.dueDate');
    });

    it('refuses without a pending application, an earlier date, or a decision before the application', () => {
      spec
        .given([orderMade])
        .when(extend(1, '2020-07-20'))
        .thenRefuses('invalid_state', 'newDueDates.0.index');
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(extend(1, '2020-04-20'))
        .thenRefuses('invalid_state', 'newDueDates.0.dueDate');
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(extend(1, '2020-07-20', '2020-04-01'))
        .thenRefuses('invalid_date', 'occurredAt');
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(extend(1, '2020-07-32'))
        .thenRefuses('invalid_date', 'newDueDates.0.dueDate');
    });
  });

  describe('RefuseTimeToPayExtension', () => {
    it('refuses every pending application by default', () => {
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(
          command('RefuseTimeToPayExtension', {
            reason: 'not unable to pay',
            occurredAt: at('2020-05-11'),
          }),
        )
        .then([
          {
            type: 'TimeToPayExtensionRefused',
            data: {
              instalments: [1],
              reason: 'not unable to pay',
              occurredAt: '2020-05-11T10:00:00.000Z',
            },
          },
        ]);
    });

    it('needs a pending application', () => {
      spec
        .given([orderMade])
        .when(command('RefuseTimeToPayExtension', { reason: 'r', occurredAt: at('2020-05-11') }))
        .thenRefuses('invalid_state', 'instalments');
      spec
        .given([orderMade, extensionApplied('2020-04-06')])
        .when(
          command('RefuseTimeToPayExtension', {
            instalments: [0],
            reason: 'r',
            occurredAt: at('2020-05-11'),
          }),
        )
        .thenRefuses('invalid_state', 'instalments.0');
    });
  });

  describe('VaryConfiscationOrder', () => {
    const paidFirst = paymentReceived('R1', '10000', '2020-02-20');

    it('s.21: reconsidered benefit; an increase falls due on the variation date unless scheduled', () => {
      spec
        .given([orderMade, paidFirst])
        .when(
          varyOrder(
            {
              section: 's21',
              newBenefitFigure: gbp('700000'),
              newOrderAmount: gbp('120000'),
              reason: 'new evidence',
            },
            '2025-11-14',
          ),
        )
        .then([
          {
            type: 'ConfiscationOrderVaried',
            data: {
              section: 's21',
              newBenefitFigure: gbp('700000.00'),
              newOrderAmount: gbp('120000.00'),
              instalments: [
                { amount: gbp('10000.00'), dueDate: '2020-02-20' },
                { amount: gbp('80000.00'), dueDate: '2020-04-20' },
                { amount: gbp('30000.00'), dueDate: '2025-11-14' },
              ],
              reason: 'new evidence',
              warnings: [],
              occurredAt: '2025-11-14T10:00:00.000Z',
            },
          },
        ]);
    });

    it('s.21: needs the conviction date, and an application within 6 years of it', () => {
      const s21 = (date: string, appliedAt?: string) =>
        varyOrder(
          {
            section: 's21',
            newBenefitFigure: gbp('700000'),
            newOrderAmount: gbp('120000'),
            ...(appliedAt && { appliedAt }),
          },
          date,
        );
      spec.given([orderMade]).when(s21('2025-11-15')).thenRefuses('invalid_state', 'section');
      spec
        .given([orderMade])
        .when(s21('2026-02-01', '2025-11-14'))
        .thenMatches([{ type: 'ConfiscationOrderVaried' }]);
      spec
        .given([orderMade])
        .when(s21('2026-02-01', '2025-11-15'))
        .thenRefuses('invalid_state', 'appliedAt');
      const { convictedAt: _omit, ...withoutConviction } =
        orderMade.data as typeof orderMade.data & { convictedAt?: string };
      const unconvicted = { ...orderMade, data: withoutConviction } as ConfiscationEvent;
      spec.given([unconvicted]).when(s21('2021-01-10')).thenRefuses('invalid_state', 'convictedAt');
      spec
        .given([orderMade])
        .when(varyOrder({ section: 's21', newOrderAmount: gbp('120000') }))
        .thenRefuses('invalid_state', 'newBenefitFigure');
    });

    it('s.22(4): the amount to pay is capped at the benefit, not the new available amount', () => {
      spec
        .given([orderMade])
        .when(
          varyOrder({
            section: 's22',
            newAvailableAmount: gbp('150000'),
            newOrderAmount: gbp('150000'),
          }),
        )
        .thenMatches([
          {
            data: expect.objectContaining({
              newAvailableAmount: gbp('150000.00'),
              newOrderAmount: gbp('150000.00'),
              instalments: [
                { amount: gbp('10000.00'), dueDate: '2020-02-20' },
                { amount: gbp('80000.00'), dueDate: '2020-04-20' },
                { amount: gbp('60000.00'), dueDate: '2020-03-10' },
              ],
            }) as never,
          },
        ]);
      spec
        .given([orderMade])
        .when(
          varyOrder({
            section: 's22',
            newAvailableAmount: gbp('750000'),
            newOrderAmount: gbp('500000'),
          }),
        )
        .thenMatches([
          {
            data: expect.objectContaining({
              newAvailableAmount: gbp('750000.00'),
              newOrderAmount: gbp('500000.00'),
            }) as never,
          },
        ]);
      spec
        .given([orderMade])
        .when(
          varyOrder({
            section: 's22',
            newAvailableAmount: gbp('750000'),
            newOrderAmount: gbp('500000.01'),
          }),
        )
        .thenRefuses('order_exceeds_benefit', 'newOrderAmount');
      spec
        .given([orderMade])
        .when(
          varyOrder({
            section: 's22',
            newAvailableAmount: gbp('80000'),
            newOrderAmount: gbp('80000'),
          }),
        )
        .thenRefuses('invalid_state', 'newOrderAmount');
    });

    it('a supplied schedule must sum to the new amount, new due dates within 3 months of the variation', () => {
      const s22 = (third: { amount: string; dueDate: string }) =>
        varyOrder({
          section: 's22',
          newAvailableAmount: gbp('150000'),
          newOrderAmount: gbp('150000'),
          instalments: [
            { amount: gbp('10000'), dueDate: '2020-02-20' },
            { amount: gbp('80000'), dueDate: '2020-04-20' },
            { amount: gbp(third.amount), dueDate: third.dueDate },
          ],
        });
      spec
        .given([orderMade])
        .when(s22({ amount: '60000', dueDate: '2020-06-10' }))
        .thenMatches([{ type: 'ConfiscationOrderVaried' }]);
      spec
        .given([orderMade])
        .when(s22({ amount: '60000', dueDate: '2020-06-11' }))
        .thenRefuses('time_to_pay_too_long', 'instalments.2.dueDate');
      spec
        .given([orderMade])
        .when(s22({ amount: '59999', dueDate: '2020-06-10' }))
        .thenRefuses('instalments_do_not_sum', 'instalments');
    });

    it('s.23: reduces the order, off the latest-due instalments first', () => {
      spec
        .given([orderMade, paidFirst])
        .when(
          varyOrder({
            section: 's23',
            newAvailableAmount: gbp('60000'),
            newOrderAmount: gbp('60000'),
            reason: 'home equity fell',
          }),
        )
        .then([
          {
            type: 'ConfiscationOrderVaried',
            data: {
              section: 's23',
              newAvailableAmount: gbp('60000.00'),
              newOrderAmount: gbp('60000.00'),
              instalments: [
                { amount: gbp('10000.00'), dueDate: '2020-02-20' },
                { amount: gbp('50000.00'), dueDate: '2020-04-20' },
              ],
              reason: 'home equity fell',
              warnings: [],
              occurredAt: '2020-03-10T10:00:00.000Z',
            },
          },
        ]);
      spec
        .given([orderMade])
        .when(varyOrder({ section: 's23', newOrderAmount: gbp('90000') }))
        .thenRefuses('invalid_state', 'newOrderAmount');
      spec
        .given([orderMade, paidFirst])
        .when(varyOrder({ section: 's23', newOrderAmount: gbp('9999.99') }))
        .thenRefuses('invalid_state', 'newOrderAmount');
    });

    it('appeal: the substituted amount may not exceed the (new) benefit figure', () => {
      spec
        .given([orderMade])
        .when(
          varyOrder({
            section: 'appeal',
            newBenefitFigure: gbp('80000'),
            newOrderAmount: gbp('90000'),
          }),
        )
        .thenRefuses('order_exceeds_benefit', 'newOrderAmount');
      spec
        .given([orderMade])
        .when(varyOrder({ section: 'appeal', newOrderAmount: gbp('500000.01') }))
        .thenRefuses('order_exceeds_benefit', 'newOrderAmount');
    });

    it('keeps compensation within the order, and warns on a default term above the new band', () => {
      const withCompensation = makeOrder({
        compensation: { amount: gbp('70000'), payee: 'Victim Ltd' },
      });
      const made = confiscationDecider.decide(withCompensation, confiscationDecider.initialState);
      spec
        .given(made)
        .when(varyOrder({ section: 's23', newOrderAmount: gbp('60000') }))
        .thenRefuses('compensation_exceeds_order', 'newOrderAmount');
      spec
        .given(made)
        .when(
          varyOrder({
            section: 's23',
            newOrderAmount: gbp('60000'),
            compensation: { amount: gbp('60000.01'), payee: 'V' },
          }),
        )
        .thenRefuses('compensation_exceeds_order', 'compensation.amount');
      const events = confiscationDecider.decide(
        varyOrder({
          section: 's23',
          newOrderAmount: gbp('9000'),
          defaultTermMonths: 12,
          compensation: { amount: gbp('9000'), payee: 'V' },
        }),
        fold(confiscationDecider, made),
      );
      expect((events[0].data as { warnings: string[] }).warnings).toHaveLength(1);
    });

    it('refuses a bad section, a missing order and a date before the order', () => {
      spec
        .given([orderMade])
        .when(varyOrder({ section: 's99' as never }))
        .thenRefuses('invalid_state', 'section');
      spec.given([]).when(varyOrder({})).thenRefuses('not_found');
      spec
        .given([orderMade])
        .when(varyOrder({}, '2020-01-19'))
        .thenRefuses('invalid_date', 'occurredAt');
    });
  });

  describe('AppointEnforcementReceiver (s.50)', () => {
    it('records the receiver once', () => {
      const appoint = command('AppointEnforcementReceiver', {
        receiver: 'Smith & Williamson',
        occurredAt: at('2020-09-01'),
      });
      const appointed: ConfiscationEvent = {
        type: 'EnforcementReceiverAppointed',
        data: { receiver: 'Smith & Williamson', occurredAt: '2020-09-01T10:00:00.000Z' },
      };
      spec.given([orderMade]).when(appoint).then([appointed]);
      spec.given([orderMade, appointed]).when(appoint).thenRefuses('invalid_state', 'receiver');
      spec.given([]).when(appoint).thenRefuses('not_found');
    });
  });

  describe('ReceivePayment', () => {
    it('records a receipt', () => {
      spec
        .given([orderMade])
        .when(
          receivePayment('R1', '10000', '2020-02-20', {
            method: 'asset_realisation',
            assetId: 'asset-bank',
          }),
        )
        .then([paymentReceived('R1', '10000.00', '2020-02-20', 'asset_realisation', 'asset-bank')]);
    });

    it('refuses the same receiptId twice', () => {
      spec
        .given([orderMade, paymentReceived('R1', '10000.00', '2020-02-20')])
        .when(receivePayment('R1', '100', '2020-02-21'))
        .thenRefuses('already_exists', 'receiptId');
    });

    it('refuses bad money, an unknown method, a realisation without its asset, a date before the order', () => {
      spec
        .given([orderMade])
        .when(receivePayment('R1', '0', '2020-02-20'))
        .thenRefuses('invalid_money', 'amount.amount');
      spec
        .given([orderMade])
        .when(
          receivePayment('R1', '10', '2020-02-20', { amount: { amount: '10', currency: 'USD' } }),
        )
        .thenRefuses('invalid_money', 'amount.currency');
      spec
        .given([orderMade])
        .when(receivePayment('R1', '10', '2020-02-20', { method: 'cheque' as never }))
        .thenRefuses('invalid_state', 'method');
      spec
        .given([orderMade])
        .when(receivePayment('R1', '10', '2020-02-20', { method: 'asset_realisation' }))
        .thenRefuses('invalid_state', 'assetId');
      spec
        .given([orderMade])
        .when(receivePayment('R1', '10', '2020-01-19'))
        .thenRefuses('invalid_date', 'occurredAt');
      spec
        .given([])
        .when(receivePayment('R1', '10', '2020-02-20'))
        .thenRefuses('not_found');
    });

    it('refuses a receipt a penny above the outstanding principal plus interest, accepts the exact sum', () => {
      // Nothing paid; as at 1 Mar 2020: instalment 0 overdue 21 Feb..1 Mar = 10 days on £10,000:
      // 10,000 × 8 × 10 / 36,500 = 21.9178... = £21.92. Outstanding 90,000 + 21.92 = £90,021.92.
      spec
        .given([orderMade])
        .when(receivePayment('R1', '90021.93', '2020-03-01'))
        .thenRefuses('overpayment', 'amount');
      spec
        .given([orderMade])
        .when(receivePayment('R1', '90021.92', '2020-03-01'))
        .thenMatches([{ type: 'PaymentReceived' }]);
    });

    it('refuses a back-dated receipt that would overpay with the later receipts', () => {
      // £89,000 on 1 Feb, then £1,000 on 20 Feb settles the order (no interest ever accrued).
      const history = [
        orderMade,
        paymentReceived('R1', '89000', '2020-02-01'),
        paymentReceived('R2', '1000', '2020-02-20'),
      ];
      spec
        .given(history)
        .when(receivePayment('R3', '0.01', '2020-02-10'))
        .thenRefuses('overpayment', 'amount');
    });
  });

  describe('ActivateDefaultTerm (s.35)', () => {
    const activate = (date: string, months?: number) =>
      command('ActivateDefaultTerm', {
        ...(months !== undefined && { months }),
        occurredAt: at(date),
      });

    it('records the term (the court fixed by default); the debt remains', () => {
      const history = [orderMade, paymentReceived('R1', '10000', '2020-02-20')];
      spec
        .given(history)
        .when(activate('2020-06-01'))
        .then([
          {
            type: 'DefaultTermActivated',
            data: { months: 18, occurredAt: '2020-06-01T10:00:00.000Z' },
          },
        ]);
      const before = fold(confiscationDecider, history);
      const after = fold(confiscationDecider, [
        ...history,
        ...confiscationDecider.decide(activate('2020-06-01', 12), before),
      ]);
      // 21 Apr..30 Jun = 10 + 31 + 30 = 71 days on £80,000: 80,000 × 8 × 71 / 36,500 = 1,244.93.
      expect(orderPosition(before, '2020-06-30').outstanding.toJSON().amount).toBe('81244.93');
      expect(orderPosition(after, '2020-06-30').outstanding.toJSON().amount).toBe('81244.93');
      expect(orderPosition(after, '2020-06-30').defaultTerm).toMatchObject({
        fixedMonths: 18,
        months: 12,
        activated: { months: 12, on: '2020-06-01' },
      });
    });

    it('refuses with nothing overdue, nothing outstanding, a longer term, or twice', () => {
      spec.given([orderMade]).when(activate('2020-02-20')).thenRefuses('invalid_state');
      spec
        .given([orderMade, paymentReceived('R1', '90000', '2020-02-01')])
        .when(activate('2020-06-01'))
        .thenRefuses('invalid_state');
      spec
        .given([orderMade])
        .when(activate('2020-06-01', 19))
        .thenRefuses('invalid_state', 'months');
      const activated: ConfiscationEvent = {
        type: 'DefaultTermActivated',
        data: { months: 18, occurredAt: at('2020-06-01') },
      };
      spec.given([orderMade, activated]).when(activate('2020-06-02')).thenRefuses('invalid_state');
    });
  });
});
