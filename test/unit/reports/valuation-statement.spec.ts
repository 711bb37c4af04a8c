import {
  allocationPolicyLabel,
  PAYMENT_ALLOCATION_POLICIES,
} from '@src/ledger/recovery/allocation-policy';
import Decimal from 'decimal.js';
import { Money } from '@src/common/money';
import { AssetState, initialAssetState, ValuationRecord } from '@src/ledger/assets/asset.state';
import { OrderPosition } from '@src/ledger/confiscation/confiscation.position';
import {
  buildValuationStatement,
  StatementInput,
} from '@src/reports/valuation-statement/valuation-statement';

const CASE_ID = '0190b3c2-7c1e-7000-8000-0000000000ca';
const ADA = '0190b3c2-7c1e-7000-8000-0000000000a1';
const BEN = '0190b3c2-7c1e-7000-8000-0000000000b1';
const ORDER_ADA = '0190b3c2-7c1e-7000-8000-0000000000d1';
const SECRET = 'CHIS/2026/SECRET-99';
const gbp = (amount: string) => ({ amount, currency: 'GBP' });

let n = 0;
function valuation(amount: string, over: Partial<ValuationRecord> = {}): ValuationRecord {
  n += 1;
  return {
    valuationId: `val-${n}`,
    basis: 'market',
    value: gbp(amount),
    gbpValue: gbp(amount),
    valuedAsAt: '2026-05-20',
    valuer: 'Valuer Ltd',
    recordedAt: '2026-05-20T16:00:00Z',
    withdrawn: false,
    ...over,
  };
}

function asset(
  exhibitRef: string,
  category: AssetState['category'],
  valuations: ValuationRecord[],
  over: Partial<AssetState> = {},
): StatementInput['assets'][number] {
  const assetId = `asset-${exhibitRef}`;
  return {
    assetId,
    state: {
      ...initialAssetState,
      exists: true,
      status: 'held',
      assetId,
      caseId: CASE_ID,
      exhibitRef,
      category,
      power: 'POCA_S47C',
      description: `${category} ${exhibitRef}`,
      custodyLocation: 'Secure storage',
      seizedFrom: ADA,
      seizedAt: '2026-05-19T07:30:00Z',
      valuations,
      ...over,
    },
    restraintOrderRefs: (over.restrainedBy ?? []).map(() => 'T2026/RO/0001'),
  };
}

function position(orderRef: string, ordered: string, paid: string): OrderPosition {
  return {
    confiscationOrderId: `order-${orderRef}`,
    orderRef,
    asAt: '2026-06-30',
    ordered: Money.gbp(ordered),
    paid: Money.gbp(paid),
    refundDue: Money.zero('GBP'),
    interestAccrued: { exact: new Decimal(0), rounded: Money.zero('GBP') },
    interestPaid: Money.zero('GBP'),
    allocationPolicy: allocationPolicyLabel(PAYMENT_ALLOCATION_POLICIES[0]),
    outstanding: Money.gbp(ordered).minus(Money.gbp(paid)),
    outstandingExact: new Decimal(ordered).minus(paid),
    status: 'outstanding',
    instalments: [],
    nextDue: null,
    priority: [],
    expensesPaid: Money.zero('GBP'),
    defaultTerm: {
      fixedMonths: 12,
      months: 12,
      startsOn: '2026-06-30',
      termDays: 365,
      reductionDays: 0,
      reducedToDays: 365,
      paidTowardsTerm: Money.zero('GBP'),
    },
  };
}

function input(over: Partial<StatementInput> = {}): StatementInput {
  n = 0;
  const withdrawnLater = valuation('5000.00', {
    valuationId: 'val-withdrawn',
    valuedAsAt: '2026-05-25',
    withdrawn: true,
    withdrawnReason: 'wrong item',
  });
  return {
    caseId: CASE_ID,
    reference: 'MPS/ECU/2026/0999',
    title: 'R v Adeyemi and Brook',
    subjects: [
      { subjectId: BEN, name: 'Ben Brook', role: 'defendant' },
      { subjectId: ADA, name: 'Ada Adeyemi', role: 'defendant' },
    ],
    preparedBy: 'court-liaison-1',
    asAt: '2026-06-30',
    asKnownAt: 42n,
    generatedAt: '2026-06-30T12:00:00Z',
    assets: [
      asset('W/1', 'watch', [valuation('33.33')], {
        intelligence: { sourceType: 'covert human source', reference: SECRET, confidential: true },
        restrainedBy: [ORDER_ADA],
      }),
      asset('W/2', 'watch', [valuation('33.33')]),
      asset('W/3', 'watch', [valuation('33.33')], { seizedFrom: BEN }),
      asset('J/1', 'jewellery', [valuation('0.10')]),
      asset('J/2', 'jewellery', [valuation('4000.00'), withdrawnLater], { seizedFrom: BEN }),
      asset('J/3', 'jewellery', [valuation('0.20')], { seizedFrom: BEN }),
      asset('V/1', 'vehicle', [valuation('1000000.07')], {
        seizedFrom: BEN,
        restrainedBy: [ORDER_ADA],
      }),
      asset('V/2', 'vehicle', [valuation('0.01')], { seizedFrom: BEN }),
      asset('X/1', 'vehicle', [valuation('777.77')], {
        status: 'voided',
        voided: { reason: 'duplicate', at: '2026-05-21T09:00:00Z' },
      }),
    ],
    restraintOrders: [
      {
        orderRef: 'T2026/RO/0001',
        court: 'Leeds Crown Court',
        restraintOrderId: ORDER_ADA,
        subjectId: ADA,
      },
    ],
    confiscationOrders: [
      {
        court: 'Leeds Crown Court',
        position: position('T20267001', '1234.56', '0.01'),
        subjectId: ADA,
      },
      {
        court: 'Bradford Crown Court',
        position: position('T20267002', '10.00', '0.00'),
        subjectId: BEN,
      },
    ],
    chainHeads: [{ stream: `case-${CASE_ID}`, revision: '2', hash: 'a'.repeat(64) }],
    ...over,
  };
}

describe('buildValuationStatement', () => {
  it('groups by category with subtotals exact to the penny', () => {
    const s = buildValuationStatement(input());
    expect(
      s.schedule.map((g) => [g.category, g.assets.map((a) => a.exhibitRef), g.subtotalGbp]),
    ).toEqual([
      ['jewellery', ['J/1', 'J/2', 'J/3'], '4000.30'],
      ['vehicle', ['V/1', 'V/2'], '1000000.08'],
      ['watch', ['W/1', 'W/2', 'W/3'], '99.99'],
    ]);
    expect(s.totals).toMatchObject({
      assets: 8,
      heldGbp: '1004100.37',
      restrainedGbp: '1000033.40',
      scheduleGbp: '1004100.37',
      forfeitedGbp: '0.00',
      realised: { grossGbp: '0.00', costsGbp: '0.00', netGbp: '0.00' },
    });
    expect(s.totals.confiscation).toEqual([
      expect.objectContaining({
        orderRef: 'T20267001',
        ordered: '1234.56',
        paid: '0.01',
        outstanding: '1234.55',
      }),
      expect.objectContaining({ orderRef: 'T20267002', ordered: '10.00', outstanding: '10.00' }),
    ]);
    expect(s.header.subjects.map((x) => x.name)).toEqual(['Ada Adeyemi', 'Ben Brook']);
    expect(s.header.scope).toBeUndefined();
  });

  it('excludes withdrawn valuations and says so', () => {
    const s = buildValuationStatement(input());
    const j2 = s.schedule.flatMap((g) => g.assets).find((a) => a.exhibitRef === 'J/2');
    expect(j2?.valuation?.gbp).toBe('4000.00');
    expect(JSON.stringify(s.schedule)).not.toContain('val-withdrawn');
    expect(s.notes).toContain('Withdrawn valuations are excluded: J/2 (val-withdrawn).');
  });

  it('excludes voided records', () => {
    const s = buildValuationStatement(input());
    const text = JSON.stringify(s);
    expect(text).not.toContain('X/1');
    expect(text).not.toContain('777.77');
    expect(s.notes).toContain('Voided records are excluded.');
  });

  it('never carries intelligence', () => {
    const text = JSON.stringify(buildValuationStatement(input()));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('covert human source');
    expect(text).not.toMatch(/intelligence/i);
  });

  it('has an id stable for the same input and different for a changed one', () => {
    const a = buildValuationStatement(input());
    expect(a.statementId).toMatch(/^[0-9a-f]{64}$/);
    expect(buildValuationStatement(input()).statementId).toBe(a.statementId);
    // Input order does not matter: the statement is sorted.
    const reversed = input();
    reversed.assets.reverse();
    reversed.subjects.reverse();
    expect(buildValuationStatement(reversed).statementId).toBe(a.statementId);
    expect(buildValuationStatement(input({ asAt: '2026-07-01' })).statementId).not.toBe(
      a.statementId,
    );
    expect(buildValuationStatement(input({ asKnownAt: 43n })).statementId).not.toBe(a.statementId);
    const penny = input();
    penny.assets[1].state.valuations[0].gbpValue = gbp('33.34');
    expect(buildValuationStatement(penny).statementId).not.toBe(a.statementId);
  });

  it('for one subject: their assets (seized from them or restrained by their order) and orders only', () => {
    const whole = buildValuationStatement(input());
    const s = buildValuationStatement(input({ subjectId: ADA }));
    expect(s.header.subjects).toEqual([{ name: 'Ada Adeyemi', role: 'defendant' }]);
    expect(s.header.scope).toMatchObject({ kind: 'subject', subjectId: ADA });
    expect(s.header.scope?.description).toContain('one subject only');
    expect(s.header.courts).toEqual(['Leeds Crown Court']);
    expect(
      s.schedule.map((g) => [g.category, g.assets.map((a) => a.exhibitRef), g.subtotalGbp]),
    ).toEqual([
      ['jewellery', ['J/1'], '0.10'],
      ['vehicle', ['V/1'], '1000000.07'],
      ['watch', ['W/1', 'W/2'], '66.66'],
    ]);
    expect(s.totals.scheduleGbp).toBe('1000066.83');
    expect(s.totals.confiscation.map((c) => c.orderRef)).toEqual(['T20267001']);
    expect(s.statementId).not.toBe(whole.statementId);

    const ben = buildValuationStatement(input({ subjectId: BEN }));
    expect(ben.schedule.flatMap((g) => g.assets.map((a) => a.exhibitRef))).toEqual([
      'J/2',
      'J/3',
      'V/1',
      'V/2',
      'W/3',
    ]);
    expect(ben.totals.scheduleGbp).toBe('1004033.61');
    expect(ben.header.courts).toEqual(['Bradford Crown Court']);
    expect(() => buildValuationStatement(input({ subjectId: CASE_ID }))).toThrow(
      `No subject ${CASE_ID} on case ${CASE_ID}`,
    );
  });
});
