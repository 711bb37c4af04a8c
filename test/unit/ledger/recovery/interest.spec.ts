import { Money } from '@src/common/money';
import { accruedInterest, JUDGMENTS_ACT_RATES, RateTable } from '@src/ledger/recovery/interest';

const gbp = (amount: string) => Money.gbp(amount);
const due = (dueDate: string, amount: string) => ({ dueDate, amount: gbp(amount) });
const paid = (date: string, amount: string) => ({ date, amount: gbp(amount) });
/** The exact figure to 10 places (the exact value is a recurring decimal). */
const to10 = (d: { toFixed(places: number): string }) => d.toFixed(10);

describe('s.12 interest (actual/365, simple, exact until shown)', () => {
  it('is 8% a year from 1 April 1993 by default', () => {
    expect(JUDGMENTS_ACT_RATES).toEqual([{ from: '1993-04-01', ratePercent: '8' }]);
  });

  it('reproduces docs/domain.md: £80,000 unpaid, due 31 Aug, as at 1 Oct = 31 days = £543.56', () => {
    // 1 Sep .. 1 Oct inclusive = 30 + 1 = 31 days; 80,000 × 8 × 31 / 36,500 = 543.56164383...
    const r = accruedInterest({
      instalments: [due('2026-08-31', '80000')],
      payments: [],
      asAt: '2026-10-01',
    });
    expect(to10(r.exact)).toBe('543.5616438356');
    expect(r.rounded.toJSON()).toEqual({ amount: '543.56', currency: 'GBP' });
    expect(r.perInstalment).toHaveLength(1);
    expect(r.perInstalment[0].interest.rounded.toJSON().amount).toBe('543.56');
    expect(r.perInstalment[0].unpaid.toJSON().amount).toBe('80000.00');
    expect(r.outstanding.rounded.toJSON().amount).toBe('80543.56');
  });

  it('accrues nothing on or before the due date, and one day from the day after', () => {
    const input = { instalments: [due('2026-08-31', '80000')], payments: [] };
    expect(accruedInterest({ ...input, asAt: '2026-08-01' }).exact.isZero()).toBe(true);
    expect(accruedInterest({ ...input, asAt: '2026-08-31' }).exact.isZero()).toBe(true);
    // 1 day: 80,000 × 8 / 36,500 = 17.5342465...
    expect(accruedInterest({ ...input, asAt: '2026-09-01' }).rounded.toJSON().amount).toBe('17.53');
  });

  it('counts a leap day as a day at 1/365 of the annual rate', () => {
    // 29 Feb and 1 Mar 2024: 2 days × 36,500 × 8 / 36,500 = £16.00 exactly.
    const r = accruedInterest({
      instalments: [due('2024-02-28', '36500')],
      payments: [],
      asAt: '2024-03-01',
    });
    expect(r.exact.toString()).toBe('16');
  });

  it('charges a day on the unpaid amount at the end of the previous day (a payment mid-period)', () => {
    // £30,000 paid on 15 Sep: 1..15 Sep (15 days) on 80,000 = 9,600,000; 16 Sep..1 Oct (16 days)
    // on 50,000 = 6,400,000; (9,600,000 + 6,400,000) / 36,500 = 438.35616438... = £438.36.
    const r = accruedInterest({
      instalments: [due('2026-08-31', '80000')],
      payments: [paid('2026-09-15', '30000')],
      asAt: '2026-10-01',
    });
    expect(to10(r.exact)).toBe('438.3561643836');
    expect(r.rounded.toJSON().amount).toBe('438.36');
    expect(r.paid.toJSON().amount).toBe('30000.00');
    expect(r.principalUnpaid.toJSON().amount).toBe('50000.00');
    expect(r.outstanding.rounded.toJSON().amount).toBe('50438.36');
  });

  it('ignores payments dated after the "as at" date', () => {
    const r = accruedInterest({
      instalments: [due('2026-08-31', '80000')],
      payments: [paid('2026-10-02', '80000')],
      asAt: '2026-10-01',
    });
    expect(r.rounded.toJSON().amount).toBe('543.56');
    expect(r.paid.isZero()).toBe(true);
  });

  it('settles the earliest-due instalment first, principal before interest', () => {
    // £10,000 due 31 Jul and £80,000 due 31 Aug; £50,000 paid 10 Aug settles the £10,000 and
    // £40,000 of the second. Instalment 0: 1..10 Aug (10 days) on 10,000 = 800,000 -> 21.92.
    // Instalment 1: 1 Sep..1 Oct (31 days) on 40,000 = 9,920,000 -> 271.78.
    // Total (800,000 + 9,920,000) / 36,500 = 293.69863... = £293.70.
    const r = accruedInterest({
      instalments: [due('2026-07-31', '10000'), due('2026-08-31', '80000')],
      payments: [paid('2026-08-10', '50000')],
      asAt: '2026-10-01',
    });
    expect(r.perInstalment.map((x) => [x.paid.toJSON().amount, x.unpaid.toJSON().amount])).toEqual([
      ['10000.00', '0.00'],
      ['40000.00', '40000.00'],
    ]);
    expect(r.perInstalment.map((x) => x.interest.rounded.toJSON().amount)).toEqual([
      '21.92',
      '271.78',
    ]);
    expect(to10(r.exact)).toBe('293.6986301370');
    expect(r.rounded.toJSON().amount).toBe('293.70');
  });

  it('applies what is left after all principal to the interest, which then stops growing', () => {
    // £10,000 due 31 Jul, paid 15 Aug: 1..15 Aug = 15 days on 10,000 = 1,200,000 / 36,500 = 32.876...
    // £80,000 due 31 Aug paid on the day: no interest on it. The £32.88 stays owed, flat.
    const input = {
      instalments: [due('2026-07-31', '10000'), due('2026-08-31', '80000')],
      payments: [paid('2026-08-15', '10000'), paid('2026-08-31', '80000')],
    };
    const later = accruedInterest({ ...input, asAt: '2026-12-31' });
    expect(later.rounded.toJSON().amount).toBe('32.88');
    expect(later.principalUnpaid.isZero()).toBe(true);
    expect(later.outstanding.rounded.toJSON().amount).toBe('32.88');

    const settled = accruedInterest({
      ...input,
      payments: [...input.payments, paid('2027-01-05', '32.88')],
      asAt: '2027-06-30',
    });
    expect(settled.interestPaid.toJSON().amount).toBe('32.88');
    expect(settled.outstanding.rounded.toJSON().amount).toBe('0.00');
  });

  it('is suspended on the instalments an extension application covers while it is pending', () => {
    // Applied 20 Aug, decided 10 Sep: 1..10 Sep are suspended; 11 Sep..1 Oct = 21 days:
    // 80,000 × 8 × 21 / 36,500 = 368.21917808... = £368.22.
    const base = { instalments: [due('2026-08-31', '80000')], payments: [], asAt: '2026-10-01' };
    const decided = accruedInterest({
      ...base,
      suspensions: [{ from: '2026-08-20', to: '2026-09-10', instalments: [0] }],
    });
    expect(to10(decided.exact)).toBe('368.2191780822');
    expect(decided.rounded.toJSON().amount).toBe('368.22');

    const pending = accruedInterest({
      ...base,
      suspensions: [{ from: '2026-08-20', instalments: [0] }],
    });
    expect(pending.exact.isZero()).toBe(true);
  });

  it('suspends only the instalments the application covers', () => {
    // Both £10,000, due 31 Aug; only instalment 1 has an application pending. As at 1 Oct:
    // instalment 0 accrues 31 days: 10,000 × 8 × 31 / 36,500 = 67.945... = £67.95.
    const r = accruedInterest({
      instalments: [due('2026-08-31', '10000'), due('2026-08-31', '10000')],
      payments: [],
      suspensions: [{ from: '2026-08-20', instalments: [1] }],
      asAt: '2026-10-01',
    });
    expect(r.perInstalment.map((x) => x.interest.rounded.toJSON().amount)).toEqual([
      '67.95',
      '0.00',
    ]);
    expect(r.rounded.toJSON().amount).toBe('67.95');
  });

  it('uses the rate in force on each day (a rate change mid-period)', () => {
    // Test table: 8% to 15 Sep, 4% from 16 Sep. 1..15 Sep at 8% on 80,000 = 80,000 × 8 × 15 =
    // 9,600,000; 16 Sep..1 Oct (16 days) at 4% = 80,000 × 4 × 16 = 5,120,000;
    // 14,720,000 / 36,500 = 403.28767123... = £403.29.
    const rates: RateTable = [
      { from: '1993-04-01', ratePercent: '8' },
      { from: '2026-09-16', ratePercent: '4' },
    ];
    const r = accruedInterest({
      instalments: [due('2026-08-31', '80000')],
      payments: [],
      asAt: '2026-10-01',
      rates,
    });
    expect(to10(r.exact)).toBe('403.2876712329');
    expect(r.rounded.toJSON().amount).toBe('403.29');
  });

  it('rounds half-up to the penny only at the end', () => {
    // At 7.3% a year one day on £25.00 is 25 × 7.3 / 36,500 = 0.005 exactly: shown as £0.01.
    const rates: RateTable = [{ from: '2000-01-01', ratePercent: '7.3' }];
    const r = accruedInterest({
      instalments: [due('2026-01-01', '25')],
      payments: [],
      asAt: '2026-01-02',
      rates,
    });
    expect(r.exact.toString()).toBe('0.005');
    expect(r.rounded.toJSON().amount).toBe('0.01');
    // Ten such days are 0.05, not 10 × 0.01: no per-day rounding.
    const ten = accruedInterest({
      instalments: [due('2026-01-01', '25')],
      payments: [],
      asAt: '2026-01-11',
      rates,
    });
    expect(ten.rounded.toJSON().amount).toBe('0.05');
  });

  it('follows a revised schedule for the days after the revision, keeping the interest before it', () => {
    // £80,000 due 20 Apr 2020; on 20 May the order is reduced to £50,000. 21 Apr..20 May (30 days)
    // on 80,000 = 19,200,000; 21..31 May (11 days) on 50,000 = 4,400,000;
    // 23,600,000 / 36,500 = 646.57534246... = £646.58.
    const r = accruedInterest({
      instalments: [due('2020-04-20', '80000')],
      revisions: [{ from: '2020-05-20', instalments: [due('2020-04-20', '50000')] }],
      payments: [],
      asAt: '2020-05-31',
    });
    expect(r.rounded.toJSON().amount).toBe('646.58');
    expect(r.principal.toJSON().amount).toBe('50000.00');
  });

  it('refuses a table with no rate for a day that accrues', () => {
    const rates: RateTable = [{ from: '2027-01-01', ratePercent: '8' }];
    expect(() =>
      accruedInterest({
        instalments: [due('2026-08-31', '1000')],
        payments: [],
        asAt: '2026-10-01',
        rates,
      }),
    ).toThrow(RangeError);
  });
});
