import { fold } from '@src/ledger/decider';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import { deciderSpec } from '../../../support/decider-spec';
import { gbp, makeOrder, orderMade, paymentReceived, receivePayment, varyOrder } from './fixtures';

const spec = deciderSpec(confiscationDecider);

/** The worked example's order with directions: £90,000 ordered. */
const withDirections = (directions: object[], compensation?: object): ConfiscationEvent => ({
  ...orderMade,
  data: {
    ...(orderMade.data as object),
    ...(compensation && { compensation }),
    priorityDirections: directions,
  } as never,
});

describe('priority orders: s.13(3A), s.13(6) directions and the s.55 order of application', () => {
  describe('MakeConfiscationOrder with s.13(6) directions', () => {
    it('records each direction (kind, amount specified, payee), money normalised', () => {
      spec
        .given([])
        .when(
          makeOrder({
            compensation: { amount: gbp('1000'), payee: 'Victim Ltd' },
            priorityDirections: [
              { kind: 'slavery_trafficking_reparation', amount: gbp('2500.5'), payee: 'A. Victim' },
              { kind: 'surcharge', amount: gbp('190'), payee: 'HMCTS' },
            ],
          }),
        )
        .thenMatches([
          {
            data: expect.objectContaining({
              compensation: { amount: gbp('1000.00'), payee: 'Victim Ltd' },
              priorityDirections: [
                {
                  kind: 'slavery_trafficking_reparation',
                  amount: gbp('2500.50'),
                  payee: 'A. Victim',
                },
                { kind: 'surcharge', amount: gbp('190.00'), payee: 'HMCTS' },
              ],
            }) as never,
          },
        ]);
    });

    it('the directions together may be the whole amount ordered, not a penny more', () => {
      const two = (second: string) =>
        makeOrder({
          compensation: { amount: gbp('60000'), payee: 'Victim Ltd' },
          priorityDirections: [{ kind: 'unlawful_profit', amount: gbp(second), payee: 'Council' }],
        });
      spec
        .given([])
        .when(two('30000.00'))
        .thenMatches([{ type: 'ConfiscationOrderMade' }]);
      spec
        .given([])
        .when(two('30000.01'))
        .thenRefuses('compensation_exceeds_order', 'priorityDirections');
    });

    it('refuses an unknown kind, a missing payee and bad money, naming the field', () => {
      const one = (d: object) => makeOrder({ priorityDirections: [d as never] });
      spec
        .given([])
        .when(one({ kind: 'fine', amount: gbp('1'), payee: 'X' }))
        .thenRefuses('invalid_state', 'priorityDirections.0.kind');
      spec
        .given([])
        .when(one({ kind: 'surcharge', amount: gbp('1'), payee: ' ' }))
        .thenRefuses('invalid_state', 'priorityDirections.0.payee');
      spec
        .given([])
        .when(one({ kind: 'surcharge', amount: { amount: '1', currency: 'EUR' }, payee: 'X' }))
        .thenRefuses('invalid_money', 'priorityDirections.0.amount.currency');
    });
  });

  describe('VaryConfiscationOrder', () => {
    it('replaces the other directions; together with the compensation they must fit the new amount', () => {
      const given = [withDirections([], { amount: gbp('40000.00'), payee: 'Victim Ltd' })];
      const vary = (surcharge: string) =>
        varyOrder({
          section: 's23',
          newOrderAmount: gbp('50000'),
          priorityDirections: [{ kind: 'surcharge', amount: gbp(surcharge), payee: 'HMCTS' }],
        });
      spec
        .given(given)
        .when(vary('10000.00'))
        .thenMatches([
          {
            data: expect.objectContaining({
              priorityDirections: [{ kind: 'surcharge', amount: gbp('10000.00'), payee: 'HMCTS' }],
            }) as never,
          },
        ]);
      spec
        .given(given)
        .when(vary('10000.01'))
        .thenRefuses('compensation_exceeds_order', 'priorityDirections');
    });
  });

  describe('ReceivePayment: s.55(3)-(4) expenses recorded with the receipt', () => {
    it('records the expenses; the receipt still reduces the order in full (s.55(2))', () => {
      const events = spec
        .given([orderMade])
        .when(
          receivePayment('r1', '10000', '2020-02-20', {
            method: 'asset_realisation',
            assetId: 'asset-1',
            expenses: { enforcementReceiver: gbp('400'), insolvencyPractitioner: gbp('25.5') },
          }),
        )
        .events();
      expect(events[0].data).toMatchObject({
        amount: gbp('10000.00'),
        expenses: { insolvencyPractitioner: gbp('25.50'), enforcementReceiver: gbp('400.00') },
      });
      const state = fold(confiscationDecider, [orderMade, ...events]);
      const p = orderPosition(state, '2020-02-20');
      expect(p.paid.toJSON()).toEqual(gbp('10000.00'));
      expect(p.outstanding.toJSON()).toEqual(gbp('80000.00'));
      expect(p.expensesPaid.toJSON()).toEqual(gbp('425.50'));
    });

    it('expenses equal to the receipt are accepted; a penny more is expenses_exceed_receipt', () => {
      const pay = (ip: string) =>
        receivePayment('r1', '100', '2020-02-20', {
          expenses: { insolvencyPractitioner: gbp(ip) },
        });
      spec
        .given([orderMade])
        .when(pay('100.00'))
        .thenMatches([{ type: 'PaymentReceived' }]);
      spec
        .given([orderMade])
        .when(pay('100.01'))
        .thenRefuses('expenses_exceed_receipt', 'expenses');
    });

    it("s.55(4): receivers' expenses only out of sums from an enforcement receiver", () => {
      spec
        .given([orderMade])
        .when(
          receivePayment('r1', '100', '2020-02-20', {
            expenses: { managementReceiver: gbp('10') },
          }),
        )
        .thenRefuses('invalid_state', 'expenses.managementReceiver');
      spec
        .given([orderMade])
        .when(
          receivePayment('r1', '100', '2020-02-20', {
            method: 'enforcement',
            expenses: { managementReceiver: gbp('10') },
          }),
        )
        .thenMatches([{ type: 'PaymentReceived' }]);
    });
  });

  describe('the position: what each direction has been paid', () => {
    it('no direction: nothing is paid first', () => {
      const state = fold(confiscationDecider, [
        orderMade,
        paymentReceived('r1', '500', '2020-02-01'),
      ]);
      expect(orderPosition(state, '2020-02-01').priority).toEqual([]);
    });

    it('directions rank together, pro rata to what each still owes, after the expenses', () => {
      const order = withDirections([{ kind: 'surcharge', amount: gbp('500.00'), payee: 'HMCTS' }], {
        amount: gbp('1000.00'),
        payee: 'Victim Ltd',
      });
      const receipt: ConfiscationEvent = {
        type: 'PaymentReceived',
        data: {
          receiptId: 'r1',
          amount: gbp('1000.00'),
          method: 'enforcement',
          reference: 'x',
          expenses: { enforcementReceiver: gbp('100.00') },
          occurredAt: '2020-02-01T10:00:00.000Z',
        },
      };
      const state = fold(confiscationDecider, [order, receipt]);
      const p = orderPosition(state, '2020-02-01');
      // 1,000 − 100 expenses = 900 for 1,500 owed: 600 and 300.
      expect(
        p.priority.map((x) => [x.kind, x.paid.toJSON().amount, x.outstanding.toJSON().amount]),
      ).toEqual([
        ['compensation', '600.00', '400.00'],
        ['surcharge', '300.00', '200.00'],
      ]);
      expect(p.compensation?.paid.toJSON()).toEqual(gbp('600.00'));
    });

    it('an order recorded with only `compensation` (before the directions): the same direction, paid first', () => {
      const order: ConfiscationEvent = {
        ...orderMade,
        data: {
          ...(orderMade.data as object),
          compensation: { amount: gbp('2000.00'), payee: 'V' },
        } as never,
      };
      const state = fold(confiscationDecider, [order, paymentReceived('r1', '1500', '2020-02-01')]);
      const p = orderPosition(state, '2020-02-01');
      expect(p.priority.map((x) => [x.kind, x.paid.toJSON().amount])).toEqual([
        ['compensation', '1500.00'],
      ]);
    });
  });
});
