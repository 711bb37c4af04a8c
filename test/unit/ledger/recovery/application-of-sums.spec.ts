import { Money } from '@src/common/money';
import { applySums } from '@src/ledger/recovery/application-of-sums';

const gbp = (amount: string) => Money.gbp(amount);
const amounts = (ms: { amount: Money }[]) => ms.map((m) => m.amount.toJSON().amount);

/** s.55: expenses (3)-(4), then the s.13(6) directions (5), then the rest as a fine (6). */
describe('s.55 application of sums received on a confiscation order', () => {
  const directions = [
    { kind: 'compensation', payee: 'Victim Ltd', owed: gbp('1000.00') },
    { kind: 'surcharge', payee: 'HMCTS', owed: gbp('500.00') },
  ];

  it('no direction: nothing is paid first; the whole receipt is the remainder', () => {
    const a = applySums(gbp('750.00'));
    expect(a.priorityPaid.toJSON().amount).toBe('0.00');
    expect(a.expensesPaid.toJSON().amount).toBe('0.00');
    expect(a.remainder.toJSON().amount).toBe('750.00');
  });

  it('expenses first, in the order of s.55(3), (4)(a), (4)(b), then the directions, then the rest', () => {
    const a = applySums(
      gbp('2000.00'),
      {
        insolvencyPractitioner: gbp('100.00'),
        managementReceiver: gbp('150.00'),
        enforcementReceiver: gbp('200.00'),
      },
      directions,
    );
    expect(a.expensesPaid.toJSON().amount).toBe('450.00');
    expect(amounts(a.priorityPayments)).toEqual(['1000.00', '500.00']);
    expect(a.remainder.toJSON().amount).toBe('50.00');
  });

  it('expenses larger than the receipt take it all, in order; nothing is left for the directions', () => {
    const a = applySums(
      gbp('120.00'),
      { insolvencyPractitioner: gbp('100.00'), enforcementReceiver: gbp('200.00') },
      directions,
    );
    expect(a.expensesPaid.toJSON().amount).toBe('120.00');
    expect(a.priorityPaid.toJSON().amount).toBe('0.00');
    expect(a.remainder.toJSON().amount).toBe('0.00');
  });

  describe('the directions rank together (s.13(6) "the priority order (or orders)")', () => {
    it('exactly what is owed: each paid in full, nothing left', () => {
      const a = applySums(gbp('1500.00'), {}, directions);
      expect(amounts(a.priorityPayments)).toEqual(['1000.00', '500.00']);
      expect(a.remainder.toJSON().amount).toBe('0.00');
    });

    it('a penny more: the penny is the remainder', () => {
      const a = applySums(gbp('1500.01'), {}, directions);
      expect(amounts(a.priorityPayments)).toEqual(['1000.00', '500.00']);
      expect(a.remainder.toJSON().amount).toBe('0.01');
    });

    it('a penny less: shared pro rata to what is owed, exact to the penny', () => {
      const a = applySums(gbp('1499.99'), {}, directions);
      // 1499.99 × 2/3 = 999.9933.. → 999.99; × 1/3 = 499.9966.. → 499.99; the leftover penny
      // goes to the larger remainder (the surcharge's .9966).
      expect(amounts(a.priorityPayments)).toEqual(['999.99', '500.00']);
      expect(a.priorityPaid.toJSON().amount).toBe('1499.99');
      expect(a.remainder.toJSON().amount).toBe('0.00');
    });

    it('a direction already paid takes nothing more', () => {
      const a = applySums(gbp('300.00'), {}, [
        { kind: 'compensation', payee: 'Victim Ltd', owed: gbp('0.00') },
        { kind: 'surcharge', payee: 'HMCTS', owed: gbp('500.00') },
      ]);
      expect(amounts(a.priorityPayments)).toEqual(['0.00', '300.00']);
    });
  });

  it('always sums to the receipt exactly', () => {
    for (const received of ['0.01', '0.02', '333.33', '1449.98', '1500.00', '99999.99']) {
      const a = applySums(gbp(received), { enforcementReceiver: gbp('49.99') }, directions);
      expect(a.expensesPaid.plus(a.priorityPaid).plus(a.remainder).toJSON().amount).toBe(
        gbp(received).toJSON().amount,
      );
    }
  });
});
