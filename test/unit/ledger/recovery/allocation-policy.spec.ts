import { Money } from '@src/common/money';
import { fold } from '@src/ledger/decider';
import { confiscationDecider } from '@src/ledger/confiscation/confiscation.decider';
import { orderPosition } from '@src/ledger/confiscation/confiscation.position';
import {
  AllocationPolicyRow,
  allocationPolicyFor,
  allocationPolicyText,
  PAYMENT_ALLOCATION_POLICIES,
} from '@src/ledger/recovery/allocation-policy';
import { accruedInterest, InterestInput } from '@src/ledger/recovery/interest';
import { orderMade, paymentReceived } from '../confiscation/fixtures';

const gbp = (amount: string) => Money.gbp(amount);
const amount = (m: Money) => m.toJSON().amount;

/** £80,000 due 31 Aug 2026, £30,000 paid on 15 Sep, as at 1 Oct. */
const input = (over: Partial<InterestInput> = {}): InterestInput => ({
  instalments: [{ dueDate: '2026-08-31', amount: gbp('80000') }],
  payments: [{ date: '2026-09-15', amount: gbp('30000') }],
  asAt: '2026-10-01',
  ...over,
});

describe('payments to principal or interest first (a dated configuration, marked verify)', () => {
  it('is principal first today, marked verify, for every order since Part 2 commenced', () => {
    expect(PAYMENT_ALLOCATION_POLICIES).toEqual([
      expect.objectContaining({ from: '2003-03-24', order: 'principal_first', status: 'verify' }),
    ]);
  });

  it('is picked by the order date: the last day of one row, the first day of the next, the day after', () => {
    const table: AllocationPolicyRow[] = [
      { from: '2003-03-24', order: 'principal_first', status: 'verify', note: 'a' },
      { from: '2030-01-01', order: 'interest_first', status: 'verify', note: 'b' },
    ];
    expect(allocationPolicyFor('2029-12-31', table).order).toBe('principal_first');
    expect(allocationPolicyFor('2030-01-01', table).order).toBe('interest_first');
    expect(allocationPolicyFor('2030-01-02', table).order).toBe('interest_first');
    expect(allocationPolicyFor('2000-01-01', table).order).toBe('principal_first');
  });

  it('principal first: the £30,000 all goes to principal; interest £438.36; the parts sum', () => {
    // 15 days on £80,000 + 16 days on £50,000 = 16,000,000 / 36,500 = 438.3561... = £438.36.
    const r = accruedInterest(input({ allocation: 'principal_first' }));
    expect(amount(r.principalPaid)).toBe('30000.00');
    expect(amount(r.interestPaid)).toBe('0.00');
    expect(amount(r.rounded)).toBe('438.36');
    expect(amount(r.principalUnpaid)).toBe('50000.00');
    expect(amount(r.outstanding.rounded)).toBe('50438.36');
    expect(r.principalPaid.plus(r.interestPaid).equals(r.paid)).toBe(true);
    // The default is principal first.
    expect(accruedInterest(input())).toEqual(r);
  });

  it('interest first: £263.01 of the £30,000 pays the interest to 15 Sep; the rest bears less', () => {
    // To 15 Sep: 80,000 × 8 × 15 / 36,500 = 263.0137 → £263.01 to interest, £29,736.99 to
    // principal. 16 Sep..1 Oct on £50,263.01: 6,433,665.28; with 9,600,000 before:
    // 16,033,665.28 / 36,500 = 439.2785... = £439.28. Outstanding 50,263.01 + 439.28 − 263.01.
    const r = accruedInterest(input({ allocation: 'interest_first' }));
    expect(amount(r.interestPaid)).toBe('263.01');
    expect(amount(r.principalPaid)).toBe('29736.99');
    expect(r.exact.toFixed(10)).toBe('439.2785008219');
    expect(amount(r.rounded)).toBe('439.28');
    expect(amount(r.principalUnpaid)).toBe('50263.01');
    expect(amount(r.outstanding.rounded)).toBe('50439.28');
    expect(r.principalPaid.plus(r.interestPaid).equals(r.paid)).toBe(true);
    expect(amount(r.perInstalment[0].unpaid)).toBe('50263.01');
  });

  it('interest first: paying the whole outstanding on the day settles it to the penny', () => {
    const r = accruedInterest(
      input({
        allocation: 'interest_first',
        payments: [
          { date: '2026-09-15', amount: gbp('30000') },
          { date: '2026-10-01', amount: gbp('50439.28') },
        ],
      }),
    );
    expect(amount(r.outstanding.rounded)).toBe('0.00');
    expect(amount(r.interestPaid)).toBe('439.28');
    expect(amount(r.principalPaid)).toBe('80000.00');
  });

  it('a receipt before anything is due goes all to principal under either policy', () => {
    for (const allocation of ['principal_first', 'interest_first'] as const) {
      const r = accruedInterest(
        input({ allocation, payments: [{ date: '2026-08-01', amount: gbp('30000') }] }),
      );
      expect(amount(r.principalPaid)).toBe('30000.00');
      // 1 Sep..1 Oct: 31 days on £50,000 = 50,000 × 8 × 31 / 36,500 = £339.73.
      expect(amount(r.rounded)).toBe('339.73');
    }
  });

  it('the order position carries the label: principal_first, verify', () => {
    const state = fold(confiscationDecider, [
      orderMade,
      paymentReceived('R1', '10000', '2020-02-20'),
    ]);
    const label = orderPosition(state, '2020-03-01').allocationPolicy;
    expect(label).toMatchObject({ order: 'principal_first', verify: true, from: '2003-03-24' });
    expect(allocationPolicyText(label)).toBe('principal_first (verify)');
  });
});
