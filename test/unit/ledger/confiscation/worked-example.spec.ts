import { DomainError } from '@src/common/domain-error';
import { ConfiscationCommand } from '@src/ledger/confiscation/confiscation.commands';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import { ConfiscationState } from '@src/ledger/confiscation/confiscation.state';
import { fold } from '@src/ledger/decider';
import {
  at,
  command,
  extensionApplied,
  makeOrder,
  orderMade,
  paymentReceived,
  receivePayment,
} from './fixtures';

/** Runs commands one after another as the command handler would (decide, then evolve). */
function run(commands: ConfiscationCommand[]): {
  state: ConfiscationState;
  events: ConfiscationEvent[];
} {
  const events: ConfiscationEvent[] = [];
  let state = confiscationDecider.initialState;
  for (const c of commands) {
    const decided = confiscationDecider.decide(c, state);
    decided.forEach((e) => {
      state = confiscationDecider.evolve(state, e);
      events.push(e);
    });
  }
  return { state, events };
}

const amounts = (p: ReturnType<typeof orderPosition>) => ({
  ordered: p.ordered.toJSON().amount,
  paid: p.paid.toJSON().amount,
  interest: p.interestAccrued.rounded.toJSON().amount,
  interestPaid: p.interestPaid.toJSON().amount,
  outstanding: p.outstanding.toJSON().amount,
  status: p.status,
});

/**
 * docs/domain.md's worked example, end to end: order 20 Jan 2020 (benefit £500,000, available
 * £90,000 = bank £10,000 + home equity £80,000, ordered £90,000, default 18 months); £10,000 due
 * 20 Feb, £80,000 due 20 Apr; an extension applied for on 6 Apr (before 20 Apr), pending until
 * decided on 11 May, extends the £80,000 to 20 Jul 2020 (the 6-month maximum). Payments:
 * £10,000 from the bank on 20 Feb (on time), £30,000 on 20 Jul (on time), £20,000 from the sale
 * of the home on 20 Aug (late), and the balance with interest on 30 Sep.
 */
describe('the worked confiscation example (docs/domain.md)', () => {
  const commands: ConfiscationCommand[] = [
    makeOrder(),
    receivePayment('R1', '10000', '2020-02-20', {
      method: 'asset_realisation',
      assetId: 'asset-bank',
    }),
    command('ApplyForTimeToPayExtension', {
      instalments: [1],
      appliedAt: '2020-04-06',
      occurredAt: at('2020-04-06'),
    }),
    command('ExtendTimeToPay', {
      newDueDates: [{ index: 1, dueDate: '2020-07-20' }],
      occurredAt: at('2020-05-11'),
    }),
    receivePayment('R2', '30000', '2020-07-20'),
    receivePayment('R3', '20000', '2020-08-20', {
      method: 'asset_realisation',
      assetId: 'asset-home',
    }),
  ];
  const { state, events } = run(commands);

  it('records the events in order', () => {
    expect(events.map((e) => e.type)).toEqual([
      'ConfiscationOrderMade',
      'PaymentReceived',
      'TimeToPayExtensionApplied',
      'TimeToPayExtended',
      'PaymentReceived',
      'PaymentReceived',
    ]);
    expect(events[0]).toEqual(orderMade);
  });

  it('keeps the three figures apart', () => {
    expect(state.order?.benefitFigure.toJSON().amount).toBe('500000.00');
    expect(state.order?.availableAmount.toJSON().amount).toBe('90000.00');
    expect(state.order?.orderAmount.toJSON().amount).toBe('90000.00');
  });

  it('charges no interest on the first instalment, paid on its due date', () => {
    expect(amounts(orderPosition(state, '2020-02-20'))).toEqual({
      ordered: '90000.00',
      paid: '10000.00',
      interest: '0.00',
      interestPaid: '0.00',
      outstanding: '80000.00',
      status: 'outstanding',
    });
  });

  it('charges none while the extension application is pending past the original due date', () => {
    // Without the application, 21 Apr..11 May (21 days) on £80,000 would be £368.22.
    const p = orderPosition(
      fold(confiscationDecider, [
        orderMade,
        paymentReceived('R1', '10000', '2020-02-20'),
        extensionApplied('2020-04-06'),
      ]),
      '2020-05-11',
    );
    expect(p.interestAccrued.exact.isZero()).toBe(true);
    expect(p.instalments[1]).toMatchObject({
      dueDate: '2020-04-20',
      extensionPending: true,
      overdue: false,
    });
  });

  it('moves the due date to 20 Jul and still charges nothing up to it', () => {
    const p = orderPosition(state, '2020-07-19');
    expect(p.interestAccrued.exact.isZero()).toBe(true);
    expect(p.instalments[1]).toMatchObject({
      dueDate: '2020-07-20',
      originalDueDate: '2020-04-20',
      extensionPending: false,
    });
    expect(p.nextDue).toMatchObject({ index: 1, dueDate: '2020-07-20', overdue: false });
    expect(p.nextDue?.unpaid.toJSON().amount).toBe('80000.00');
  });

  it('charges interest on the £50,000 left unpaid after 20 Jul', () => {
    // 21 Jul..20 Aug = 11 + 20 = 31 days on £50,000 (20 Aug is charged on the balance at the end
    // of 19 Aug): 50,000 × 8 × 31 / 36,500 = 12,400,000 / 36,500 = 339.7260273... = £339.73.
    const p = orderPosition(state, '2020-08-20');
    expect(p.interestAccrued.exact.toFixed(10)).toBe('339.7260273973');
    expect(amounts(p)).toEqual({
      ordered: '90000.00',
      paid: '60000.00',
      interest: '339.73',
      interestPaid: '0.00',
      outstanding: '30339.73',
      status: 'outstanding',
    });
    expect(
      p.instalments.map((x) => [x.paid.toJSON().amount, x.unpaid.toJSON().amount, x.overdue]),
    ).toEqual([
      ['10000.00', '0.00', false],
      ['50000.00', '30000.00', true],
    ]);
  });

  it('as at 30 Sep: principal £30,000 + interest £609.32 = £30,609.32', () => {
    // Adds 21 Aug..30 Sep = 11 + 30 = 41 days on £30,000: 30,000 × 8 × 41 = 9,840,000.
    // (12,400,000 + 9,840,000) / 36,500 = 22,240,000 / 36,500 = 609.3150684... = £609.32.
    const p = orderPosition(state, '2020-09-30');
    expect(p.interestAccrued.exact.toFixed(10)).toBe('609.3150684932');
    expect(p.instalments[1].interest.rounded.toJSON().amount).toBe('609.32');
    expect(amounts(p)).toEqual({
      ordered: '90000.00',
      paid: '60000.00',
      interest: '609.32',
      interestPaid: '0.00',
      outstanding: '30609.32',
      status: 'outstanding',
    });
    expect(p.nextDue).toMatchObject({ index: 1, dueDate: '2020-07-20', overdue: true });
  });

  it('refuses £30,609.33 on 30 Sep (a penny over) and accepts £30,609.32, settling the order', () => {
    let error: unknown;
    try {
      confiscationDecider.decide(receivePayment('R4', '30609.33', '2020-09-30'), state);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'overpayment',
      field: 'amount',
      details: { outstanding: '30609.32', asAt: '2020-09-30' },
    });

    const settled = run([...commands, receivePayment('R4', '30609.32', '2020-09-30')]).state;
    const p = orderPosition(settled, '2020-09-30');
    expect(amounts(p)).toEqual({
      ordered: '90000.00',
      paid: '90609.32',
      interest: '609.32',
      interestPaid: '609.32',
      outstanding: '0.00',
      status: 'satisfied',
    });
    expect(p.nextDue).toBeNull();
    // Nothing more accrues once the principal is paid; any further receipt is an overpayment.
    expect(amounts(orderPosition(settled, '2021-12-31')).outstanding).toBe('0.00');
    expect(() =>
      confiscationDecider.decide(receivePayment('R5', '0.01', '2020-10-01'), settled),
    ).toThrow(DomainError);
  });

  it('had the extension been refused on 11 May, interest would run from 12 May', () => {
    // 12..31 May = 20 days on £80,000: 80,000 × 8 × 20 / 36,500 = 350.6849... = £350.68.
    const refused = run([
      ...commands.slice(0, 3),
      command('RefuseTimeToPayExtension', {
        reason: 'not unable to pay',
        occurredAt: at('2020-05-11'),
      }),
    ]).state;
    const p = orderPosition(refused, '2020-05-31');
    expect(p.interestAccrued.rounded.toJSON().amount).toBe('350.68');
    expect(p.outstanding.toJSON().amount).toBe('80350.68');
  });

  it('had the application never been decided, the suspension would end with the 6 months (20 Jul)', () => {
    // Interest from 21 Jul: 21..31 Jul = 11 days on £80,000 = 7,040,000 / 36,500 = 192.876... = £192.88.
    const pending = run(commands.slice(0, 3)).state;
    expect(orderPosition(pending, '2020-07-20').interestAccrued.exact.isZero()).toBe(true);
    expect(orderPosition(pending, '2020-07-31').interestAccrued.rounded.toJSON().amount).toBe(
      '192.88',
    );
  });

  it('dates a receipt by its London calendar day (BST)', () => {
    // 23:30 UTC on 20 Aug 2020 is 00:30 BST on 21 Aug: 21 Aug is charged on £50,000 too, one more
    // day than above: 50,000 × 8 / 36,500 = 10.9589...; 30 Sep total = (12,400,000 + 400,000 +
    // 30,000 × 8 × 40) / 36,500 = 22,400,000 / 36,500 = 613.6986... = £613.70.
    const late = run([
      ...commands.slice(0, 5),
      receivePayment('R3', '20000', '2020-08-20', { occurredAt: '2020-08-20T23:30:00Z' }),
    ]).state;
    expect(late.payments[2].date).toBe('2020-08-21');
    expect(orderPosition(late, '2020-09-30').interestAccrued.rounded.toJSON().amount).toBe(
      '613.70',
    );
  });

  it('shows compensation paid first out of the sums recovered', () => {
    const withCompensation = run([
      makeOrder({
        compensation: { amount: { amount: '15000', currency: 'GBP' }, payee: 'Victim Ltd' },
      }),
      ...commands.slice(1),
    ]).state;
    const p = orderPosition(withCompensation, '2020-02-20');
    expect(p.compensation).toMatchObject({ payee: 'Victim Ltd' });
    expect(p.compensation?.paid.toJSON().amount).toBe('10000.00');
    expect(p.compensation?.outstanding.toJSON().amount).toBe('5000.00');
  });

  it('keeps interest accrued before an s.23 reduction', () => {
    // No extension this time: £80,000 overdue from 21 Apr; reduced to £60,000 (the second
    // instalment to £50,000) on 20 May. 21 Apr..20 May (30 days) on 80,000 = 19,200,000;
    // 21..31 May (11 days) on 50,000 = 4,400,000; 23,600,000 / 36,500 = 646.575... = £646.58.
    const reduced = run([
      ...commands.slice(0, 2),
      {
        type: 'VaryConfiscationOrder',
        now: '2026-11-29T10:00:00.000Z',
        data: {
          section: 's23',
          newAvailableAmount: { amount: '60000', currency: 'GBP' },
          newOrderAmount: { amount: '60000', currency: 'GBP' },
          reason: 'home equity fell',
          occurredAt: at('2020-05-20'),
        },
      },
    ]).state;
    const p = orderPosition(reduced, '2020-05-31');
    expect(amounts(p)).toEqual({
      ordered: '60000.00',
      paid: '10000.00',
      interest: '646.58',
      interestPaid: '0.00',
      outstanding: '50646.58',
      status: 'outstanding',
    });
    // As at a date before the variation, the order was still £90,000.
    expect(orderPosition(reduced, '2020-05-19').ordered.toJSON().amount).toBe('90000.00');
  });

  it('refuses a position as at a date before the order', () => {
    expect(() => orderPosition(state, '2020-01-19')).toThrow(DomainError);
  });
});
