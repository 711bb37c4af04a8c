import { sterlingAtRecordedRate } from '../../ledger/assets/asset.values';
import { Money, MoneyJson } from '../../common/money';
import { financialYearOf, londonDateOf } from '../../common/time';
import { AssetState, currentValuation, isHeld } from '../../ledger/assets/asset.state';
import {
  appliedAmount,
  ConfiscationState,
  evolve as evolveOrder,
  initialConfiscationState,
  priorityDirections,
} from '../../ledger/confiscation/confiscation.state';
import {
  addPriorityPaid,
  directionKey,
  priorityOwed,
} from '../../ledger/confiscation/priority.rules';
import { ConfiscationEvent } from '../../ledger/confiscation/confiscation.events';
import { allocateReceipt, ArisTable, DEFAULT_ARIS_TABLE } from '../../ledger/recovery/aris';
import { forfeitureReceipt, ReceiptRecord } from '../../ledger/recovery/forfeiture-receipts';
import { arisMeasure, decimalString, GroupKeys, MeasureStrings, Part } from './totals.measures';

/*
 * What each asset, receipt and confiscation order contributes to the totals: pure functions of
 * the domain's own folded state (asset.state's evolve, the confiscation decider's evolve), used
 * both by the live projection (which stores the difference each event makes) and by the exact
 * "as at" computation (which folds the streams up to a date and adds the contributions up).
 */

/** What a case gives the figures of its assets, orders and receipts (fixed when it is opened). */
export interface CaseKeys {
  caseId: string;
  operation: string | null;
  /** The lead agency. */
  agency: string | null;
}

const londonDates = new Map<string, string>();

/** londonDateOf, remembered for the instants seen lately (an asset's seizure, event after event). */
function londonDate(instant: string): string {
  let date = londonDates.get(instant);
  if (date === undefined) {
    date = londonDateOf(instant);
    if (londonDates.size >= 10_000) londonDates.clear();
    londonDates.set(instant, date);
  }
  return date;
}

function measures(entries: [string, Money | number | undefined][]): MeasureStrings {
  const out: MeasureStrings = {};
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    if (typeof value === 'number') {
      if (value !== 0) out[name] = String(value);
    } else if (!value.isZero()) {
      out[name] = decimalString(value.amount);
    }
  }
  return out;
}

/** The measures and keys of a receipt (dated by its own date: its financial year). */
export function receiptPart(receipt: ReceiptRecord, keys: GroupKeys): Part {
  const a = receipt.allocation;
  return {
    keys: { ...keys, financialYear: financialYearOf(a.date), receiptType: a.type },
    measures: measures([
      ['receipts', 1],
      ['received', a.amount],
      ['compensationPaid', a.compensationPaid],
      ['priorityPaid', a.priorityPaid],
      ['expensesPaid', a.expensesPaid],
      ...a.shares.map((s): [string, Money] => [arisMeasure(s.recipient), s.amount]),
    ]),
  };
}

/**
 * An asset's contribution: its own figures (grouped by its case, lead agency, current power,
 * category and the financial year of its seizure) and, once forfeited, its forfeiture receipt.
 * A voided asset contributes nothing ("it leaves every total"). `asAt` picks the valuation in
 * force on that date (the state should then be folded from the events up to that date too).
 */
export function assetParts(
  assetId: string,
  state: AssetState,
  c: CaseKeys,
  table: ArisTable = DEFAULT_ARIS_TABLE,
  asAt?: string,
): Part[] {
  if (!state.exists || state.status === 'voided' || !state.seizedAt) return [];
  const keys: GroupKeys = {
    case: c.caseId,
    operation: c.operation,
    agency: c.agency,
    power: state.power ?? null,
    category: state.category ?? null,
    financialYear: financialYearOf(londonDate(state.seizedAt)),
    receiptType: null,
  };
  const current = currentValuation(state, asAt);
  const value = current ? Money.parse(current.gbpValue) : undefined;
  const held = isHeld(state);
  const forfeited = state.forfeiture.forfeited;
  const realised = state.realisation;
  const parts: Part[] = [
    {
      keys,
      measures: measures([
        ['assetsSeized', 1],
        ['valueSeized', value],
        ['valueHeld', held ? value : undefined],
        ['valueRestrained', held && state.restrainedBy.length > 0 ? value : undefined],
        ['valueForfeited', forfeited ? Money.parse(forfeited.gbpAmount) : undefined],
        ['valueReleased', state.status === 'released' ? value : undefined],
        ['realisedGross', realised && sterlingAtRecordedRate(realised.grossProceeds, state)],
        ['realisedCosts', realised && sterlingAtRecordedRate(realised.costs, state)],
        ['realisedNet', realised && sterlingAtRecordedRate(realised.netProceeds, state)],
      ]),
    },
  ];
  const receipt = forfeitureReceipt(assetId, state, table, londonDate);
  if (receipt) parts.push(receiptPart(receipt, keys));
  return parts;
}

/** An order as the totals keep it: the domain's state, and the priority payments so far. */
export interface OrderTotalsState {
  state: ConfiscationState;
  /** Compensation (s.13(5)-(6)) already paid out of earlier receipts. */
  compensationPaid: Money;
  /**
   * What earlier receipts paid on each s.13(6) direction, by `directionKey`. Absent in states
   * stored before the priority orders were kept: then `compensationPaid` is the compensation's.
   */
  priorityPaidByKey?: Record<string, Money>;
}

export const initialOrderTotalsState: OrderTotalsState = {
  state: initialConfiscationState,
  compensationPaid: Money.zero('GBP'),
  priorityPaidByKey: {},
};

function paidByKeyOf(current: OrderTotalsState): Record<string, Money> {
  if (current.priorityPaidByKey) return current.priorityPaidByKey;
  const compensation = current.state.order?.compensation;
  return compensation
    ? {
        [directionKey({ kind: 'compensation', payee: compensation.payee })]:
          current.compensationPaid,
      }
    : {};
}

/**
 * One event on an order's stream: the domain's evolve, and for a payment, its receipt applied as
 * s.55 requires (its recorded expenses; then what each s.13(6) direction still owes, ranking
 * together; a variation changing a direction counts from then on), the rest shared out by ARIS.
 */
export function foldOrderEvent(
  current: OrderTotalsState,
  event: ConfiscationEvent,
  table: ArisTable = DEFAULT_ARIS_TABLE,
): { next: OrderTotalsState; receipt?: ReceiptRecord } {
  const state = evolveOrder(current.state, event);
  if (event.type !== 'PaymentReceived' || !state.order) {
    return { next: { ...current, state } };
  }
  const paidByKey = paidByKeyOf(current);
  const payment = state.payments[state.payments.length - 1];
  // Only the part that paid the order is shared out; a refund due is not a recovery.
  const refundDue = event.data.refundDue && Money.parse(event.data.refundDue);
  const received = Money.parse(event.data.amount);
  const allocation = allocateReceipt(
    {
      type: 'confiscation',
      amount: refundDue ? received.minus(refundDue) : received,
      date: londonDateOf(event.data.occurredAt),
      priority: priorityOwed(priorityDirections(state.order), paidByKey),
      expenses: payment?.expenses,
    },
    table,
  );
  return {
    next: {
      state,
      compensationPaid: current.compensationPaid.plus(allocation.compensationPaid),
      priorityPaidByKey: addPriorityPaid(paidByKey, allocation.priorityPayments),
    },
    receipt: {
      receiptId: event.data.receiptId,
      source: 'confiscation',
      sourceId: state.order.confiscationOrderId,
      allocation,
      ...(refundDue && { refundDue }),
    },
  };
}

/** The keys of an order and of its receipts (no power or category; receipt type confiscation). */
export function orderKeys(state: ConfiscationState, c: CaseKeys): GroupKeys | undefined {
  if (!state.exists || !state.order) return undefined;
  return {
    case: c.caseId,
    operation: c.operation,
    agency: c.agency,
    power: null,
    category: null,
    financialYear: financialYearOf(state.order.orderDate),
    receiptType: 'confiscation',
  };
}

/**
 * An order's own figures (grouped by the financial year of the order): the amount ordered after
 * variations and what has been received on it. Interest and outstanding depend on the date asked
 * about, so they are computed when asked (`orderPosition`), never stored.
 */
export function orderPart(state: ConfiscationState, c: CaseKeys): Part | undefined {
  const keys = orderKeys(state, c);
  if (!keys || !state.order) return undefined;
  const received = state.payments.reduce((sum, p) => sum.plus(appliedAmount(p)), Money.zero('GBP'));
  return {
    keys,
    measures: measures([
      ['confiscationOrders', 1],
      ['confiscationOrdered', state.order.orderAmount],
      ['confiscationReceived', received],
    ]),
  };
}

/** Stored form of an order: JSON, money as `{ amount, currency }`. */
export function serialiseOrder(order: OrderTotalsState): string {
  return JSON.stringify(order);
}

/** Reads back `serialiseOrder`: every `{ amount, currency }` object becomes a Money again. */
export function parseOrder(json: string): OrderTotalsState {
  return JSON.parse(json, (_key, value: unknown) =>
    isMoneyJson(value) ? Money.parse(value) : value,
  ) as OrderTotalsState;
}

function isMoneyJson(value: unknown): value is MoneyJson {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const v = value as Record<string, unknown>;
  return keys.length === 2 && typeof v.amount === 'string' && typeof v.currency === 'string';
}
