import { MoneyJson } from '../../common/money';
import { allocationPolicyText } from '../../ledger/recovery/allocation-policy';
import { Reconciliation, RollForwardFigures } from './reconciliation.model';

/**
 * One CSV for the whole reconciliation, "long" so every section shares the same columns: one row
 * per figure, the `section` column saying which table it belongs to (roll_forward, receipt, aris,
 * variance, exception) and `item` which figure. Amounts are plain decimals (no thousands
 * separators), dates ISO; a spreadsheet pivot on section/item rebuilds each table.
 */
export const RECONCILIATION_CSV_COLUMNS = [
  'section',
  'item',
  'id',
  'reference',
  'date',
  'receipt_type',
  'agency',
  'operation',
  'financial_year',
  'recipient',
  'amount',
  'currency',
  'percent',
  'flagged',
  'detail',
] as const;
export type CsvColumn = (typeof RECONCILIATION_CSV_COLUMNS)[number];
export type CsvRow = Partial<Record<CsvColumn, string>>;

const ROLL_FORWARD_ITEMS: [keyof RollForwardFigures, string][] = [
  ['opening', 'opening'],
  ['newOrders', 'new_orders'],
  ['variations', 'variations'],
  ['interest', 'interest'],
  ['receipts', 'receipts'],
  ['compensationPaid', 'compensation_paid'],
  ['refundsDue', 'refunds_due'],
  ['writtenOff', 'written_off'],
  ['closing', 'closing'],
];

function field(value: string | undefined): string {
  const v = value ?? '';
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const money = (m: MoneyJson | null | undefined): CsvRow =>
  m ? { amount: m.amount, currency: m.currency } : {};

/** The rows, before formatting (the same figures as the JSON). */
export function reconciliationRows(r: Reconciliation): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const line of r.rollForward.orders) {
    for (const [key, item] of ROLL_FORWARD_ITEMS) {
      rows.push({
        section: 'roll_forward',
        item,
        id: line.confiscationOrderId,
        reference: line.orderRef,
        date: item === 'opening' ? r.period.from : r.period.to,
        agency: line.agency ?? '',
        operation: line.operation ?? '',
        ...money(line[key]),
      });
    }
    rows.push({
      section: 'roll_forward',
      item: 'allocation_policy',
      id: line.confiscationOrderId,
      reference: line.orderRef,
      date: r.period.to,
      detail: `${allocationPolicyText(line.allocationPolicy)}: ${line.allocationPolicy.note}`,
    });
  }
  for (const [key, item] of ROLL_FORWARD_ITEMS) {
    rows.push({
      section: 'roll_forward',
      item,
      id: 'TOTAL',
      date: item === 'opening' ? r.period.from : r.period.to,
      ...money(r.rollForward.total[key]),
    });
  }
  for (const c of r.checks) {
    rows.push({
      section: 'roll_forward',
      item: 'check',
      reference: c.name,
      date: r.period.to,
      amount: c.actual,
      currency: 'GBP',
      flagged: c.ok ? 'false' : 'true',
      detail: `expected ${c.expected}`,
    });
  }
  for (const x of r.receipts.items) {
    const keys: CsvRow = {
      id: x.receiptId,
      reference: x.sourceId,
      date: x.date,
      receipt_type: x.type,
      agency: x.agency ?? '',
      operation: x.operation ?? '',
      financial_year: x.financialYear,
    };
    rows.push({ section: 'receipt', item: x.source, ...keys, ...money(x.amount) });
    if (x.refundDue.amount !== '0.00') {
      rows.push({
        section: 'receipt',
        item: 'refund_due',
        ...keys,
        ...money(x.refundDue),
        detail: 'received beyond what was owed: due back to the payer',
      });
    }
    if (x.expensesPaid.amount !== '0.00') {
      rows.push({
        section: 'aris',
        item: 'expenses',
        ...keys,
        recipient: 'expenses',
        ...money(x.expensesPaid),
        detail: 's.55(3)-(4)',
      });
    }
    for (const p of x.priorityPayments) {
      rows.push({
        section: 'aris',
        item: p.kind === 'compensation' ? 'compensation' : 'priority',
        ...keys,
        recipient: p.kind === 'compensation' ? 'compensation' : p.kind,
        ...money(p.amount),
        detail: `s.13(6) ${p.payee}`,
      });
    }
    for (const s of x.shares) {
      rows.push({
        section: 'aris',
        item: 'share',
        ...keys,
        recipient: s.recipient,
        ...money(s.amount),
      });
    }
  }
  for (const v of r.variance.items) {
    const keys: CsvRow = {
      id: v.assetId,
      reference: v.exhibitRef ?? '',
      date: v.realisedOn,
    };
    rows.push({
      section: 'variance',
      item: 'last_valuation',
      ...keys,
      ...money(v.lastValuation?.gbpValue),
      detail: v.lastValuation
        ? `${v.lastValuation.basis ?? ''} as at ${v.lastValuation.valuedAsAt ?? ''}`.trim()
        : 'no valuation',
    });
    rows.push({ section: 'variance', item: 'net_proceeds', ...keys, ...money(v.netProceeds) });
    rows.push({
      section: 'variance',
      item: 'variance',
      ...keys,
      ...money(v.variance),
      percent: v.variancePercent ?? '',
      flagged: v.flagged ? 'true' : 'false',
      detail: `threshold ${r.variance.thresholdPercent}%`,
    });
  }
  for (const e of r.exceptions) {
    rows.push({
      section: 'exception',
      item: e.code,
      id: e.assetId ?? e.confiscationOrderId ?? '',
      reference: e.receiptId ?? e.confiscationOrderId ?? '',
      date: e.date,
      ...money(e.amount),
      flagged: 'true',
      detail: e.message,
    });
  }
  return rows;
}

/** RFC 4180: CRLF line ends, one header row, fields quoted only when needed. */
export function reconciliationCsv(r: Reconciliation): string {
  const lines = [RECONCILIATION_CSV_COLUMNS.join(',')];
  for (const row of reconciliationRows(r)) {
    lines.push(RECONCILIATION_CSV_COLUMNS.map((c) => field(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
