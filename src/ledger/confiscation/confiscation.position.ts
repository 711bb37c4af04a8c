import Decimal from 'decimal.js';
import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { addMonths, isIsoDate } from '../../common/time';
import {
  accruedInterest,
  InterestInput,
  JUDGMENTS_ACT_RATES,
  RateTable,
} from '../recovery/interest';
import {
  AllocationPolicyLabel,
  allocationPolicyFor,
  allocationPolicyLabel,
} from '../recovery/allocation-policy';
import { applySums } from '../recovery/application-of-sums';
import { timeToPayRuleFor } from './confiscation.parameters';
import { DefaultTermReduction, defaultTermReduction } from './default-term.reduction';
import type { DischargeSection, PriorityOrderKind, S24Cause } from './confiscation.events';
import {
  appliedAmount,
  type ConfiscationState,
  existingOrder,
  priorityDirections,
} from './confiscation.state';
import { addPriorityPaid, directionKey, priorityOwed } from './priority.rules';

/**
 * The s.12 interest input of an order as the state records it. The suspension of each extension
 * application runs from the day it was made to the day it was decided (or, while pending, on),
 * but never past the end of the longest time to pay (6 months from the order; 12 before June 2015).
 */
export function interestInputOf(
  state: ConfiscationState,
  asAt: string,
  rates: RateTable = JUDGMENTS_ACT_RATES,
): InterestInput {
  const order = state.order;
  if (!order) throw new Error('interestInputOf: no confiscation order');
  const limit = addMonths(order.orderDate, timeToPayRuleFor(order.orderDate).maxMonths);
  return {
    instalments: state.schedules[0].instalments,
    revisions: state.schedules.slice(1),
    payments: state.payments.map((p) => ({ date: p.date, amount: appliedAmount(p) })),
    suspensions: state.extensionRequests
      .filter((r) => r.appliedAt <= limit)
      .map((r) => ({
        from: r.appliedAt,
        to: r.decidedOn !== undefined && r.decidedOn < limit ? r.decidedOn : limit,
        instalments: [r.index],
      })),
    asAt,
    rates,
    allocation: allocationPolicyFor(order.orderDate).order,
  };
}

export interface PositionInstalment {
  /** Position in the schedule, 0-based. */
  index: number;
  dueDate: string;
  /** The due date first ordered (differs after an extension). */
  originalDueDate: string;
  amount: Money;
  paid: Money;
  unpaid: Money;
  /** Unpaid after its due date, with no extension application pending for it. */
  overdue: boolean;
  extensionPending: boolean;
  interest: { exact: Decimal; rounded: Money };
}

export interface OrderPosition {
  confiscationOrderId: string;
  orderRef: string;
  asAt: string;
  /** The amount ordered as at the date (after variations made by then). */
  ordered: Money;
  /** Everything received up to and including the date that pays the order (refunds due excluded). */
  paid: Money;
  /** Receipts beyond what was owed (acknowledged overpayments) up to the date: due back. */
  refundDue: Money;
  interestAccrued: { exact: Decimal; rounded: Money };
  /** The part of `paid` applied to interest (as `allocationPolicy` says). */
  interestPaid: Money;
  /** How receipts are split between principal and interest; `verify` until confirmed. */
  allocationPolicy: AllocationPolicyLabel;
  /** ordered − paid + interest (rounded); paying exactly this settles the order (nil once discharged). */
  outstanding: Money;
  outstandingExact: Decimal;
  status: 'outstanding' | 'satisfied' | 'discharged';
  /**
   * Discharged (s.24 / s.25) on or before the date: what was outstanding on the discharge date is
   * written off, the interest stops there (`interestAccrued` is as at `on`).
   */
  discharge?: {
    on: string;
    section: DischargeSection;
    cause?: S24Cause;
    reason: string;
    writtenOff: Money;
  };
  instalments: PositionInstalment[];
  /** The earliest-due instalment with principal unpaid (it may be overdue). */
  nextDue: { index: number; dueDate: string; unpaid: Money; overdue: boolean } | null;
  /** Compensation is paid first out of sums recovered (s.13(6), s.55(5)). */
  compensation?: { payee: string; amount: Money; paid: Money; outstanding: Money };
  /** Every s.13(6) direction (compensation and the other priority orders of s.13(3A)). */
  priority: {
    kind: PriorityOrderKind;
    payee: string;
    amount: Money;
    paid: Money;
    outstanding: Money;
  }[];
  /** s.55(3)-(4) expenses paid out of the receipts up to the date. */
  expensesPaid: Money;
  defaultTerm: OrderDefaultTerm;
}

/**
 * The default term (s.35) as at the date: as fixed, activated and served, and as reduced by what
 * has been paid (MCA 1980 s.79(2); `defaultTermReduction`). Serving it leaves the debt (s.38(5)).
 */
export interface OrderDefaultTerm extends DefaultTermReduction {
  /** Months fixed by the court. */
  fixedMonths: number;
  activated?: { months: number; on: string };
  served?: { on: string };
}

/**
 * The order "as at" a date: what was ordered, paid, the interest accrued (exact and rounded), what
 * is outstanding, each instalment and the next one due. Pure; `GET /confiscation-orders/{id}` and
 * the debt book read it. Events recorded with a later `occurredAt` than `asAt` do not count.
 */
export function orderPosition(
  state: ConfiscationState,
  asAt: string,
  rates: RateTable = JUDGMENTS_ACT_RATES,
): OrderPosition {
  const order = state.order;
  if (!state.exists || !order) refuse('not_found', 'No such confiscation order');
  if (!isIsoDate(asAt)) refuse('invalid_date', 'must be a date YYYY-MM-DD', 'asAt');
  if (asAt < order.orderDate) {
    refuse('invalid_date', `The order was made on ${order.orderDate}, after ${asAt}`, 'asAt');
  }
  // Discharged (s.24 / s.25) by `asAt`: the figures stop on the discharge date, and what was
  // outstanding then is written off.
  const discharged = state.discharged && state.discharged.on <= asAt ? state.discharged : undefined;
  const result = accruedInterest(interestInputOf(state, discharged?.on ?? asAt, rates));
  const limit = addMonths(order.orderDate, timeToPayRuleFor(order.orderDate).maxMonths);
  const pending = (index: number) =>
    asAt <= limit &&
    state.extensionRequests.some(
      (r) =>
        r.index === index &&
        r.appliedAt <= asAt &&
        (r.decidedOn === undefined || r.decidedOn > asAt),
    );
  const originalDueDate = (index: number, dueDate: string) =>
    state.schedules.find((s) => s.instalments[index] !== undefined)?.instalments[index].dueDate ??
    dueDate;

  const instalments: PositionInstalment[] = result.perInstalment.map((x) => {
    const extensionPending = pending(x.index);
    return {
      index: x.index,
      dueDate: x.dueDate,
      originalDueDate: originalDueDate(x.index, x.dueDate),
      amount: x.amount,
      paid: x.paid,
      unpaid: x.unpaid,
      overdue: !discharged && x.unpaid.isPositive() && x.dueDate < asAt && !extensionPending,
      extensionPending,
      interest: x.interest,
    };
  });
  const next = instalments
    .filter((x) => !discharged && x.unpaid.isPositive())
    .sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.index - b.index,
    )[0];
  const applied = appliedToDate(state, asAt);
  const priority = priorityDirections(order).map((d) => {
    const paid = (applied.paidByKey[directionKey(d)] ?? Money.zero('GBP')).min(d.amount);
    return {
      kind: d.kind,
      payee: d.payee,
      amount: d.amount,
      paid,
      outstanding: d.amount.minus(paid),
    };
  });
  const first = priority.find((p) => p.kind === 'compensation');
  const compensation = order.compensation &&
    first && {
      payee: first.payee,
      amount: first.amount,
      paid: first.paid,
      outstanding: first.outstanding,
    };

  return {
    confiscationOrderId: order.confiscationOrderId,
    orderRef: order.orderRef,
    asAt,
    ordered: result.principal,
    paid: result.paid,
    refundDue: state.payments
      .filter((p) => p.date <= asAt && p.refundDue)
      .reduce((sum, p) => sum.plus(p.refundDue as Money), Money.zero('GBP')),
    interestAccrued: { exact: result.exact, rounded: result.rounded },
    interestPaid: result.interestPaid,
    allocationPolicy: allocationPolicyLabel(allocationPolicyFor(order.orderDate)),
    outstanding: discharged ? Money.zero('GBP') : result.outstanding.rounded,
    outstandingExact: discharged ? new Decimal(0) : result.outstanding.exact,
    status: discharged
      ? 'discharged'
      : result.outstanding.rounded.isPositive()
        ? 'outstanding'
        : 'satisfied',
    ...(discharged && {
      discharge: { ...discharged, writtenOff: result.outstanding.rounded },
    }),
    instalments,
    nextDue: next
      ? { index: next.index, dueDate: next.dueDate, unpaid: next.unpaid, overdue: next.overdue }
      : null,
    ...(compensation && { compensation }),
    priority,
    expensesPaid: applied.expensesPaid,
    defaultTerm: defaultTermAsAt(state, asAt, result.principal, result.paid),
  };
}

/** The default term as at `asAt`: activation and service recorded by then, and the reduction. */
function defaultTermAsAt(
  state: ConfiscationState,
  asAt: string,
  ordered: Money,
  paid: Money,
): OrderDefaultTerm {
  const order = state.order as NonNullable<ConfiscationState['order']>;
  const activated =
    state.defaultTermActivated && state.defaultTermActivated.on <= asAt
      ? state.defaultTermActivated
      : undefined;
  const served =
    state.defaultTermServed && state.defaultTermServed.on <= asAt
      ? state.defaultTermServed
      : undefined;
  return {
    fixedMonths: order.defaultTermMonths,
    ...defaultTermReduction({
      months: activated?.months ?? order.defaultTermMonths,
      startsOn: activated?.on ?? asAt,
      ordered,
      paid,
    }),
    ...(activated && { activated }),
    ...(served && { served }),
  };
}

/**
 * The receipts up to `asAt` applied in date order as s.55 requires, against the directions in
 * force now (a variation that changed a direction counts for the receipts before it too: the
 * totals, which fold the events in order, apply each receipt to the directions of its day).
 */
function appliedToDate(
  state: ConfiscationState,
  asAt: string,
): { paidByKey: Record<string, Money>; expensesPaid: Money } {
  const order = existingOrder(state);
  const directions = priorityDirections(order);
  let paidByKey: Record<string, Money> = {};
  let expensesPaid = Money.zero('GBP');
  const payments = state.payments
    .filter((p) => p.date <= asAt)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const p of payments) {
    const applied = applySums(p.amount, p.expenses, priorityOwed(directions, paidByKey));
    paidByKey = addPriorityPaid(paidByKey, applied.priorityPayments);
    expensesPaid = expensesPaid.plus(applied.expensesPaid);
  }
  return { paidByKey, expensesPaid };
}
