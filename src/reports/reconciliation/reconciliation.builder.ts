import { sterlingAtRecordedRate } from '../../ledger/assets/asset.values';
import Decimal from 'decimal.js';
import { Dec, Money, MoneyJson } from '../../common/money';
import { addDays, financialYearOf, londonDateOf } from '../../common/time';
import { currentValuation } from '../../ledger/assets/asset.state';
import { orderPosition } from '../../ledger/confiscation/confiscation.position';
import {
  ARIS_RECIPIENTS,
  ArisRecipient,
  DEFAULT_ARIS_TABLE,
  ReceiptType,
  RECEIPT_TYPES,
} from '../../ledger/recovery/aris';
import {
  foldOrderEvent,
  initialOrderTotalsState,
  OrderTotalsState,
} from '../../projections/recovery-totals/totals.contributions';
import { forfeitureReceipt, ReceiptRecord } from '../../ledger/recovery/forfeiture-receipts';
import { CaseInfo, LedgerSnapshot } from './reconciliation.loader';
import {
  Reconciliation,
  ReconciliationCheck,
  ReconciliationException,
  ReconciliationRequest,
  ReceiptLine,
  RollForwardFigures,
  RollForwardLine,
  VarianceLine,
} from './reconciliation.model';

/** Flag a realisation whose net proceeds differ from the last valuation by more than this (%). */
export const DEFAULT_VARIANCE_THRESHOLD_PERCENT = '10';

const zero = () => Money.zero('GBP');
const json = (m: Money): MoneyJson => m.toJSON();

interface Figures {
  opening: Money;
  newOrders: Money;
  variations: Money;
  interest: Money;
  receipts: Money;
  compensationPaid: Money;
  refundsDue: Money;
  writtenOff: Money;
  closing: Money;
}

const FIGURES: (keyof Figures)[] = [
  'opening',
  'newOrders',
  'variations',
  'interest',
  'receipts',
  'compensationPaid',
  'refundsDue',
  'writtenOff',
  'closing',
];

function figuresJson(f: Figures): RollForwardFigures {
  return {
    opening: json(f.opening),
    newOrders: json(f.newOrders),
    variations: json(f.variations),
    interest: json(f.interest),
    receipts: json(f.receipts),
    compensationPaid: json(f.compensationPaid),
    refundsDue: json(f.refundsDue),
    writtenOff: json(f.writtenOff),
    closing: json(f.closing),
  };
}

const expectedClosing = (f: Figures) =>
  f.opening
    .plus(f.newOrders)
    .plus(f.variations)
    .plus(f.interest)
    .minus(f.receipts)
    .minus(f.writtenOff);

function check(name: string, expected: Money, actual: Money): ReconciliationCheck {
  return {
    name,
    expected: expected.toJSON().amount,
    actual: actual.toJSON().amount,
    ok: expected.equals(actual),
  };
}

function inPeriod(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

function groupReceipts(items: ReceiptLine[], key: (r: ReceiptLine) => string | null) {
  const groups = new Map<string, { key: string | null; receipts: number; amount: Money }>();
  for (const item of items) {
    const k = key(item);
    const stored = k ?? '';
    const g = groups.get(stored) ?? { key: k, receipts: 0, amount: zero() };
    g.receipts += 1;
    g.amount = g.amount.plus(Money.parse(item.amount));
    groups.set(stored, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ key: g.key, receipts: g.receipts, amount: json(g.amount) }));
}

/**
 * The finance reconciliation for [from, to] (London dates, inclusive). Pure: a function of the
 * folded ledger. Every roll-forward figure is computed on its own (positions at both dates, the
 * period's events) and the checks say whether they balance to the penny.
 */
export function buildReconciliation(
  ledger: LedgerSnapshot,
  request: ReconciliationRequest,
): Reconciliation {
  const { from, to } = request;
  const table = request.arisTable ?? DEFAULT_ARIS_TABLE;
  const threshold = new Dec(request.varianceThreshold ?? DEFAULT_VARIANCE_THRESHOLD_PERCENT);
  const dayBefore = addDays(from, -1);
  const caseOf = (id: string | undefined): CaseInfo | undefined =>
    id === undefined ? undefined : ledger.cases.get(id);

  const checks: ReconciliationCheck[] = [];
  const lines: RollForwardLine[] = [];
  const receipts: ReceiptLine[] = [];
  const exceptions: ReconciliationException[] = [];
  const total: Figures = {
    opening: zero(),
    newOrders: zero(),
    variations: zero(),
    interest: zero(),
    receipts: zero(),
    compensationPaid: zero(),
    refundsDue: zero(),
    writtenOff: zero(),
    closing: zero(),
  };
  const assets = new Map(ledger.assets.map((a) => [a.assetId, a.state]));
  /** Asset ids paid in by a realisation, per order, on or before `to`. */
  const realisationPayments = new Map<string, Set<string>>();

  const receiptLine = (r: ReceiptRecord, c: CaseInfo | undefined): ReceiptLine => {
    const a = r.allocation;
    return {
      receiptId: r.receiptId,
      source: r.source,
      sourceId: r.sourceId,
      date: a.date,
      type: a.type,
      caseId: c?.caseId ?? null,
      agency: c?.agency ?? null,
      operation: c?.operation ?? null,
      financialYear: financialYearOf(a.date),
      amount: json(a.amount),
      refundDue: json(r.refundDue ?? zero()),
      compensationPaid: json(a.compensationPaid),
      expensesPaid: json(a.expensesPaid),
      priorityPaid: json(a.priorityPaid),
      priorityPayments: a.priorityPayments
        .filter((p) => !p.amount.isZero())
        .map((p) => ({ kind: p.kind, payee: p.payee, amount: json(p.amount) })),
      remainder: json(a.remainder),
      shares: a.shares.map((s) => ({ recipient: s.recipient, amount: json(s.amount) })),
    };
  };

  for (const loaded of ledger.orders) {
    let order: OrderTotalsState = initialOrderTotalsState;
    let originalAmount: Money | undefined;
    const periodReceipts: ReceiptRecord[] = [];
    const paidAssets = new Set<string>();
    const assetPayments: { receiptId: string; assetId: string; date: string; amount: Money }[] = [];
    /** Cash received on the order in the period, refunds due included (from the events). */
    let cashReceived = zero();
    for (const event of loaded.events) {
      const { next, receipt } = foldOrderEvent(order, event, table);
      order = next;
      if (event.type === 'ConfiscationOrderMade') {
        originalAmount = Money.parse(event.data.orderAmount);
      }
      if (event.type === 'PaymentReceived') {
        const date = londonDateOf(event.data.occurredAt);
        if (receipt && inPeriod(date, from, to)) periodReceipts.push(receipt);
        if (inPeriod(date, from, to))
          cashReceived = cashReceived.plus(Money.parse(event.data.amount));
        if (event.data.assetId !== undefined && date <= to) {
          if (event.data.method === 'asset_realisation') paidAssets.add(event.data.assetId);
          if (inPeriod(date, from, to) && event.data.method !== 'seized_funds') {
            assetPayments.push({
              receiptId: event.data.receiptId,
              assetId: event.data.assetId,
              date,
              amount: Money.parse(event.data.amount),
            });
          }
        }
      }
    }
    realisationPayments.set(loaded.confiscationOrderId, paidAssets);
    const state = order.state;
    if (!state.exists || !state.order || !originalAmount) continue;
    const orderDate = state.order.orderDate;
    if (orderDate > to) continue;
    const c = caseOf(state.order.caseId);

    for (const p of assetPayments) {
      const asset = assets.get(p.assetId);
      const realisedOn = asset?.realisation && londonDateOf(asset.realisation.at);
      if (!realisedOn || realisedOn > to) {
        exceptions.push({
          code: 'payment_asset_not_realised',
          date: p.date,
          assetId: p.assetId,
          confiscationOrderId: loaded.confiscationOrderId,
          receiptId: p.receiptId,
          amount: json(p.amount),
          message: asset
            ? `Payment ${p.receiptId} on order ${state.order.orderRef} names asset ${asset.exhibitRef ?? p.assetId}, not realised by ${to}`
            : `Payment ${p.receiptId} on order ${state.order.orderRef} names asset ${p.assetId}, not in the ledger`,
        });
      }
    }

    const before = orderDate <= dayBefore ? orderPosition(state, dayBefore) : undefined;
    const after = orderPosition(state, to);
    const isNew = orderDate >= from;
    const received = periodReceipts.reduce((s, r) => s.plus(r.allocation.amount), zero());
    const f: Figures = {
      opening: before?.outstanding ?? zero(),
      newOrders: isNew ? originalAmount : zero(),
      variations: after.ordered
        .minus(before?.ordered ?? zero())
        .minus(isNew ? originalAmount : zero()),
      interest: after.interestAccrued.rounded.minus(before?.interestAccrued.rounded ?? zero()),
      receipts: received,
      compensationPaid: periodReceipts.reduce(
        (s, r) => s.plus(r.allocation.compensationPaid),
        zero(),
      ),
      refundsDue: after.refundDue.minus(before?.refundDue ?? zero()),
      writtenOff: (after.discharge?.writtenOff ?? zero()).minus(
        before?.discharge?.writtenOff ?? zero(),
      ),
      closing: after.outstanding,
    };
    const ref = state.order.orderRef;
    const balance = check(`roll_forward_balances:${ref}`, expectedClosing(f), f.closing);
    checks.push(balance);
    checks.push(
      check(`receipts_match_paid:${ref}`, after.paid.minus(before?.paid ?? zero()), f.receipts),
    );
    // Cash received = what paid the order + what is due back: the refunds the positions show.
    checks.push(check(`refunds_due_match:${ref}`, cashReceived.minus(f.receipts), f.refundsDue));
    for (const k of FIGURES) total[k] = total[k].plus(f[k]);
    lines.push({
      confiscationOrderId: loaded.confiscationOrderId,
      orderRef: ref,
      caseId: state.order.caseId,
      agency: c?.agency ?? null,
      operation: c?.operation ?? null,
      orderDate,
      ...figuresJson(f),
      balances: balance.ok,
      status: after.status,
      allocationPolicy: after.allocationPolicy,
    });
    for (const r of periodReceipts) receipts.push(receiptLine(r, c));
  }
  checks.push(check('roll_forward_balances:total', expectedClosing(total), total.closing));

  const variance: VarianceLine[] = [];
  for (const { assetId, state } of ledger.assets) {
    if (!state.exists || state.status === 'voided') continue;
    const c = caseOf(state.caseId);
    const forfeited = state.forfeiture.forfeited;
    if (forfeited && inPeriod(londonDateOf(forfeited.at), from, to)) {
      const gbp = Money.parse(forfeited.gbpAmount);
      if (!gbp.isPositive()) {
        exceptions.push({
          code: 'forfeiture_without_value',
          date: londonDateOf(forfeited.at),
          assetId,
          confiscationOrderId: null,
          receiptId: `forfeiture-${assetId}`,
          amount: json(gbp),
          message: `Asset ${state.exhibitRef ?? assetId} forfeited (${forfeited.route}) with no sterling value`,
        });
      }
      const receipt = forfeitureReceipt(assetId, state, table);
      if (receipt) receipts.push(receiptLine(receipt, c));
    }
    const realisation = state.realisation;
    if (!realisation) continue;
    const realisedOn = londonDateOf(realisation.at);
    if (!inPeriod(realisedOn, from, to)) continue;
    const orderId = realisation.confiscationOrderId;
    if (orderId !== undefined && !realisationPayments.get(orderId)?.has(assetId)) {
      exceptions.push({
        code: 'realisation_without_payment',
        date: realisedOn,
        assetId,
        confiscationOrderId: orderId,
        receiptId: null,
        amount: realisation.netProceeds,
        message: `Asset ${state.exhibitRef ?? assetId} realised for order ${orderId} with no asset_realisation payment naming it by ${to}`,
      });
    }
    const net = sterlingAtRecordedRate(realisation.netProceeds, state);
    const valuation = currentValuation(state, addDays(realisedOn, -1));
    const value = valuation && Money.parse(valuation.gbpValue);
    const diff = net && value ? net.minus(value) : undefined;
    const percent: Decimal | undefined =
      diff && value && !value.isZero() ? diff.amount.times(100).dividedBy(value.amount) : undefined;
    variance.push({
      assetId,
      exhibitRef: state.exhibitRef ?? null,
      caseId: state.caseId ?? null,
      realisedOn,
      confiscationOrderId: orderId ?? null,
      lastValuation: valuation
        ? {
            gbpValue: valuation.gbpValue,
            valuedAsAt: valuation.valuedAsAt ?? null,
            basis: valuation.basis ?? null,
          }
        : null,
      netProceeds: net ? json(net) : realisation.netProceeds,
      variance: diff ? json(diff) : null,
      variancePercent: percent ? percent.toFixed(2, Decimal.ROUND_HALF_UP) : null,
      flagged: percent ? percent.abs().greaterThan(threshold) : false,
    });
  }

  receipts.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.receiptId < b.receiptId ? -1 : 1,
  );
  const receivedTotal = receipts.reduce((s, r) => s.plus(Money.parse(r.amount)), zero());
  const sum = (pick: (r: ReceiptLine) => MoneyJson) =>
    receipts.reduce((s, r) => s.plus(Money.parse(pick(r))), zero());
  const compensation = sum((r) => r.compensationPaid);
  const refundsDue = sum((r) => r.refundDue);
  const priority = sum((r) => r.priorityPaid);
  const expenses = sum((r) => r.expensesPaid);
  const aris = new Map<ArisRecipient, Money>();
  for (const r of receipts) {
    for (const s of r.shares) {
      aris.set(s.recipient, (aris.get(s.recipient) ?? zero()).plus(Money.parse(s.amount)));
    }
  }
  const arisTotal = [...aris.values()].reduce((s, m) => s.plus(m), zero());
  // s.55: every receipt is expenses, then the s.13(6) directions, then the ARIS shares.
  checks.push(check('aris_allocated', receivedTotal, arisTotal.plus(priority).plus(expenses)));
  exceptions.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.code < b.code ? -1 : 1,
  );

  return {
    period: { from, to },
    position: ledger.position?.toString() ?? null,
    rollForward: { orders: lines, total: figuresJson(total) },
    checks,
    receipts: {
      items: receipts,
      byType: groupReceipts(receipts, (r) => r.type).sort(
        (a, b) =>
          RECEIPT_TYPES.indexOf(a.key as ReceiptType) - RECEIPT_TYPES.indexOf(b.key as ReceiptType),
      ),
      byAgency: groupReceipts(receipts, (r) => r.agency),
      byOperation: groupReceipts(receipts, (r) => r.operation),
      byFinancialYear: groupReceipts(receipts, (r) => r.financialYear),
      total: json(receivedTotal),
      compensationPaid: json(compensation),
      refundsDue: json(refundsDue),
      expensesPaid: json(expenses),
      priorityPaid: json(priority),
      aris: ARIS_RECIPIENTS.filter((r) => aris.has(r)).map((recipient) => ({
        recipient,
        amount: json(aris.get(recipient) as Money),
      })),
    },
    variance: { thresholdPercent: threshold.toString(), items: variance },
    exceptions,
  };
}
