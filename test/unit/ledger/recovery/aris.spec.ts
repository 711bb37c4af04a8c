import fc from 'fast-check';
import { Money, sumMoney } from '@src/common/money';
import {
  allocateReceipt,
  arisRuleFor,
  ArisTable,
  DEFAULT_ARIS_TABLE,
  RECEIPT_TYPES,
  ReceiptAllocation,
  validateArisTable,
} from '@src/ledger/recovery/aris';

const gbp = (amount: string) => Money.gbp(amount);
const shares = (a: ReceiptAllocation) =>
  Object.fromEntries(a.shares.map((s) => [s.recipient, s.amount.toJSON().amount]));
const parts = (a: ReceiptAllocation) =>
  sumMoney([a.compensationPaid, ...a.shares.map((s) => s.amount)], 'GBP');

describe('ARIS: the rule table (docs/domain.md)', () => {
  it('the default table is well formed, and dated', () => {
    expect(() => validateArisTable(DEFAULT_ARIS_TABLE)).not.toThrow();
    expect(arisRuleFor('2026-11-29').effectiveFrom).toBe('2006-04-01');
    expect(() => arisRuleFor('2005-12-31')).toThrow(RangeError);
  });

  it('refuses a malformed table: shares not summing to 100%, dates out of order', () => {
    const row = DEFAULT_ARIS_TABLE[0];
    expect(() =>
      validateArisTable([
        {
          ...row,
          splits: {
            ...row.splits,
            confiscation: [{ recipient: 'home_office', percent: '99.99' }],
          },
        },
      ]),
    ).toThrow(/sum to 99.99%/);
    expect(() =>
      validateArisTable([
        { ...row, effectiveFrom: '2020-04-01' },
        { ...row, effectiveFrom: '2019-04-01' },
      ]),
    ).toThrow(/ascending/);
  });
});

describe('ARIS: allocating a receipt, exact to the penny', () => {
  const confiscation = (amount: string, compensation?: string) =>
    allocateReceipt({
      type: 'confiscation',
      amount: gbp(amount),
      date: '2026-11-29',
      ...(compensation !== undefined && { compensation: gbp(compensation) }),
    });

  it('£0.01 of confiscation: the penny goes to the Home Office (largest remainder, 0.5p)', () => {
    const a = confiscation('0.01');
    expect(shares(a)).toEqual({
      home_office: '0.01',
      investigating_agency: '0.00',
      prosecuting_agency: '0.00',
      hmcts: '0.00',
    });
    expect(parts(a).equals(gbp('0.01'))).toBe(true);
  });

  it('£1,000.03 of confiscation: 500.01 / 187.51 / 187.51 / 125.00', () => {
    // 100003p × 50% = 50001.5, × 18.75% = 18750.5625 (twice), × 12.5% = 12500.375: floors sum
    // to 100001p; the two pennies left go to the largest remainders (0.5625, 0.5625).
    const a = confiscation('1000.03');
    expect(shares(a)).toEqual({
      home_office: '500.01',
      investigating_agency: '187.51',
      prosecuting_agency: '187.51',
      hmcts: '125.00',
    });
    expect(a.compensationPaid.toJSON().amount).toBe('0.00');
    expect(a.remainder.toJSON().amount).toBe('1000.03');
    expect(parts(a).equals(gbp('1000.03'))).toBe(true);
  });

  it('£123,456.79 of confiscation: 61,728.39 / 23,148.15 / 23,148.15 / 15,432.10', () => {
    // 12345679p × 50% = 6172839.5, × 18.75% = 2314814.8125 (twice), × 12.5% = 1543209.875:
    // floors 6172839 + 2314814 × 2 + 1543209 = 12345676p; 3p left: 0.875 (HMCTS), then
    // 0.8125, 0.8125 (the two agencies); the Home Office's 0.5 gets none.
    const a = confiscation('123456.79');
    expect(shares(a)).toEqual({
      home_office: '61728.39',
      investigating_agency: '23148.15',
      prosecuting_agency: '23148.15',
      hmcts: '15432.10',
    });
    expect(parts(a).equals(gbp('123456.79'))).toBe(true);
  });

  it('forfeiture and civil recovery are split 50/50 with their own recipients', () => {
    const cash = allocateReceipt({
      type: 'cash_forfeiture',
      amount: gbp('10708.75'),
      date: '2026-11-29',
    });
    expect(shares(cash)).toEqual({ home_office: '5354.38', investigating_agency: '5354.37' });
    const civil = allocateReceipt({
      type: 'civil_recovery',
      amount: gbp('0.03'),
      date: '2026-11-29',
    });
    expect(shares(civil)).toEqual({ home_office: '0.02', enforcement_authority: '0.01' });
  });

  describe('compensation waterfall (s.13(5)-(6)): the victim is paid first', () => {
    it('a receipt smaller than the compensation owed goes wholly to compensation', () => {
      const a = confiscation('3000.00', '5000.00');
      expect(a.compensationPaid.toJSON().amount).toBe('3000.00');
      expect(a.remainder.toJSON().amount).toBe('0.00');
      expect(shares(a)).toEqual({
        home_office: '0.00',
        investigating_agency: '0.00',
        prosecuting_agency: '0.00',
        hmcts: '0.00',
      });
    });

    it('the rest of the compensation first, then the remainder split', () => {
      const a = confiscation('3000.03', '2000.00');
      expect(a.compensationPaid.toJSON().amount).toBe('2000.00');
      expect(a.remainder.toJSON().amount).toBe('1000.03');
      expect(shares(a)).toEqual({
        home_office: '500.01',
        investigating_agency: '187.51',
        prosecuting_agency: '187.51',
        hmcts: '125.00',
      });
      expect(parts(a).equals(gbp('3000.03'))).toBe(true);
    });

    it('nothing owed (zero or negative) pays no compensation', () => {
      expect(confiscation('100.00', '0.00').compensationPaid.isZero()).toBe(true);
      expect(confiscation('100.00', '-5.00').compensationPaid.isZero()).toBe(true);
    });
  });

  it('uses the row in force on the receipt date (a dated change of policy)', () => {
    const row = DEFAULT_ARIS_TABLE[0];
    const table: ArisTable = [
      row,
      {
        effectiveFrom: '2027-04-01',
        splits: {
          ...row.splits,
          confiscation: [
            { recipient: 'home_office', percent: '40' },
            { recipient: 'investigating_agency', percent: '25' },
            { recipient: 'prosecuting_agency', percent: '25' },
            { recipient: 'hmcts', percent: '10' },
          ],
        },
      },
    ];
    validateArisTable(table);
    const before = allocateReceipt(
      { type: 'confiscation', amount: gbp('1000.00'), date: '2027-03-31' },
      table,
    );
    const after = allocateReceipt(
      { type: 'confiscation', amount: gbp('1000.00'), date: '2027-04-01' },
      table,
    );
    expect(before.effectiveFrom).toBe('2006-04-01');
    expect(shares(before)).toEqual({
      home_office: '500.00',
      investigating_agency: '187.50',
      prosecuting_agency: '187.50',
      hmcts: '125.00',
    });
    expect(after.effectiveFrom).toBe('2027-04-01');
    expect(shares(after)).toEqual({
      home_office: '400.00',
      investigating_agency: '250.00',
      prosecuting_agency: '250.00',
      hmcts: '100.00',
    });
  });

  it('refuses a negative receipt and a bad date', () => {
    expect(() =>
      allocateReceipt({ type: 'confiscation', amount: gbp('-1.00'), date: '2026-11-29' }),
    ).toThrow(RangeError);
    expect(() =>
      allocateReceipt({ type: 'confiscation', amount: gbp('1.00'), date: '29/11/2026' }),
    ).toThrow(TypeError);
  });

  it('property: compensation paid + every share = the receipt, shares never negative', () => {
    const pence = fc.bigInt({ min: 0n, max: 10n ** 15n });
    fc.assert(
      fc.property(
        pence,
        fc.option(pence, { nil: undefined }),
        fc.constantFrom(...RECEIPT_TYPES),
        (amountP, compensationP, type) => {
          const toGbp = (p: bigint) => Money.gbp(p.toString()).times('0.01');
          const amount = toGbp(amountP);
          const compensation = compensationP === undefined ? undefined : toGbp(compensationP);
          const a = allocateReceipt({ type, amount, date: '2026-11-29', compensation });
          expect(parts(a).equals(amount)).toBe(true);
          expect(a.compensationPaid.lte(amount)).toBe(true);
          expect(a.shares.every((s) => !s.amount.isNegative())).toBe(true);
          expect(a.remainder.equals(amount.minus(a.compensationPaid))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
