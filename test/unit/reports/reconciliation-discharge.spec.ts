import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { buildReconciliation } from '@src/reports/reconciliation/reconciliation.builder';
import { reconciliationRows } from '@src/reports/reconciliation/reconciliation.csv';
import { LedgerSnapshot } from '@src/reports/reconciliation/reconciliation.loader';
import { at, gbp, orderMade, paymentReceived } from '../ledger/confiscation/fixtures';

/** The worked order: £10,000 paid 20 Feb, £79,950.05 on 20 Apr, £50.00 written off on 25 Apr (s.25). */
const events: ConfiscationEvent[] = [
  orderMade,
  paymentReceived('R1', '10000', '2020-02-20'),
  paymentReceived('R2', '79950.05', '2020-04-20'),
  {
    type: 'ConfiscationOrderDischarged',
    data: {
      section: 's25',
      reason: 'small sum remaining',
      writtenOff: gbp('50.00'),
      threshold: gbp('50.00'),
      occurredAt: at('2020-04-25'),
    },
  },
];

const ledger: LedgerSnapshot = {
  cases: new Map([
    ['case-1', { caseId: 'case-1', reference: 'MPS/1', operation: null, agency: 'MPS' }],
  ]),
  access: new Map(),
  orders: [{ confiscationOrderId: 'co-1', events }],
  assets: [],
  position: null,
};

describe('reconciliation of a discharged order (s.25)', () => {
  it('rolls forward with the amount written off, to the penny, and balances', () => {
    const r = buildReconciliation(ledger, { from: '2020-04-01', to: '2020-04-30' });
    expect(r.rollForward.orders[0]).toMatchObject({
      opening: gbp('80000.00'),
      interest: gbp('0.05'), // 21..25 Apr on £49.95; nothing after the discharge
      receipts: gbp('79950.05'),
      writtenOff: gbp('50.00'),
      closing: gbp('0.00'),
      balances: true,
      status: 'discharged',
    });
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(
      reconciliationRows(r).find((x) => x.item === 'written_off' && x.id === 'co-1'),
    ).toMatchObject({ amount: '50.00' });
  });

  it('shows nothing written off before the discharge, nor in a later period', () => {
    const march = buildReconciliation(ledger, { from: '2020-03-01', to: '2020-03-31' });
    expect(march.rollForward.orders[0]).toMatchObject({
      writtenOff: gbp('0.00'),
      closing: gbp('80000.00'),
    });
    const may = buildReconciliation(ledger, { from: '2020-05-01', to: '2020-05-31' });
    expect(may.rollForward.orders[0]).toMatchObject({
      opening: gbp('0.00'),
      interest: gbp('0.00'),
      writtenOff: gbp('0.00'),
      closing: gbp('0.00'),
      balances: true,
    });
  });
});
