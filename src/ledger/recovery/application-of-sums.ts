import { allocate, Money } from '../../common/money';

/*
 * The order in which sums received on a confiscation order are applied (POCA s.55), pure:
 *
 *   s.55(2) "The designated officer's receipt of the sums reduces the amount payable under the
 *           order, but he must apply the sums received as follows."
 *   s.55(3) first, insolvency practitioners' expenses (s.432) not already paid under s.54(2)(a);
 *   s.55(4) if received under s.54 (from an enforcement receiver), next the remuneration and
 *           expenses of (a) a management receiver (s.48), then (b) the enforcement receiver (s.50);
 *   s.55(5) next, the amount directed under s.13(6) to be paid out of sums recovered;
 *   s.55(6) what remains is treated as a fine (the receipt the incentive scheme shares out).
 *
 * The priority orders a s.13(6) direction covers (s.13(3A)) rank with each other: the Act gives
 * them no order among themselves, so a receipt too small for all of them is shared pro rata to
 * what is still owed on each (exact to the penny, leftover pennies by largest remainder, ties in
 * the order the court listed them). Nothing is paid first where there is no direction.
 */

/** The s.55(3)-(4) expenses to apply out of one receipt, in the statute's order. */
export interface SumsExpenses {
  insolvencyPractitioner?: Money;
  managementReceiver?: Money;
  enforcementReceiver?: Money;
}

export const EXPENSE_ORDER = [
  'insolvencyPractitioner',
  'managementReceiver',
  'enforcementReceiver',
] as const;

/** What is still owed on one s.13(6) direction when the receipt arrives. */
export interface PriorityOwed<K extends string = string> {
  kind: K;
  payee: string;
  owed: Money;
}

export interface PriorityPayment<K extends string = string> {
  kind: K;
  payee: string;
  amount: Money;
}

export interface AppliedSums<K extends string = string> {
  /** s.55(3)-(4), in order; never more than the receipt. */
  expensesPaid: Money;
  /** s.55(5), one per direction in the order given (zero where nothing was owed). */
  priorityPayments: PriorityPayment<K>[];
  priorityPaid: Money;
  /** s.55(6): treated as a fine. */
  remainder: Money;
}

/** Applies one receipt as s.55 requires; expensesPaid + priorityPaid + remainder = amount. */
export function applySums<K extends string>(
  amount: Money,
  expenses: SumsExpenses = {},
  priority: readonly PriorityOwed<K>[] = [],
): AppliedSums<K> {
  const zero = Money.zero(amount.currency);
  let left = amount;
  let expensesPaid = zero;
  for (const key of EXPENSE_ORDER) {
    const due = (expenses[key] ?? zero).max(zero);
    const paid = due.min(left);
    expensesPaid = expensesPaid.plus(paid);
    left = left.minus(paid);
  }
  const owed = priority.map((p) => p.owed.max(zero));
  const totalOwed = owed.reduce((s, m) => s.plus(m), zero);
  let parts: Money[];
  if (totalOwed.isZero()) parts = owed.map(() => zero);
  else if (left.gte(totalOwed)) parts = owed;
  else
    parts = allocate(
      left,
      owed.map((m) => m.amount),
    );
  const priorityPaid = parts.reduce((s, m) => s.plus(m), zero);
  return {
    expensesPaid,
    priorityPayments: priority.map((p, i) => ({ kind: p.kind, payee: p.payee, amount: parts[i] })),
    priorityPaid,
    remainder: left.minus(priorityPaid),
  };
}
