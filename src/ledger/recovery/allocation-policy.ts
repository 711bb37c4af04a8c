import { isIsoDate } from '../../common/time';

/*
 * How a receipt on a confiscation order is split between the principal (the instalments) and the
 * s.12 interest accrued. No statute or guidance found settles it (POCA s.12 says only that the
 * defendant "must pay interest on the amount for the period for which it remains unpaid"), so it
 * is a dated configuration, picked by the ORDER date (one policy for the life of an order, so its
 * split never changes half way; a new policy applies to orders made from its date). Every row
 * whose choice is not confirmed is marked `verify`, and every document that shows the split (the
 * order's position, the valuation statement, the reconciliation) carries that label.
 */

export const ALLOCATION_ORDERS = ['principal_first', 'interest_first'] as const;
export type AllocationOrder = (typeof ALLOCATION_ORDERS)[number];

export interface AllocationPolicyRow {
  /** Orders made on or after this date. */
  from: string;
  order: AllocationOrder;
  /** `verify`: not confirmed against primary text or HMCTS practice. */
  status: 'verify' | 'confirmed';
  note: string;
}

export const PAYMENT_ALLOCATION_POLICIES: readonly AllocationPolicyRow[] = [
  {
    from: '2003-03-24',
    order: 'principal_first',
    status: 'verify',
    note:
      'Receipts settle the earliest-due instalment first and go to interest only once every ' +
      'instalment is paid; not settled by statute or guidance: verify with HMCTS enforcement practice',
  },
];

/** The label documents carry next to any principal/interest split. */
export interface AllocationPolicyLabel {
  order: AllocationOrder;
  verify: boolean;
  /** The date the policy applies from (orders made from then). */
  from: string;
  note: string;
}

/** The policy for an order made on `orderDate` (the earliest row for anything older). */
export function allocationPolicyFor(
  orderDate: string,
  table: readonly AllocationPolicyRow[] = PAYMENT_ALLOCATION_POLICIES,
): AllocationPolicyRow {
  if (!isIsoDate(orderDate))
    throw new TypeError(`allocationPolicyFor: not a date: ${String(orderDate)}`);
  if (table.length === 0) throw new TypeError('allocationPolicyFor: the policy table is empty');
  return table.filter((r) => r.from <= orderDate).at(-1) ?? table[0];
}

export function allocationPolicyLabel(row: AllocationPolicyRow): AllocationPolicyLabel {
  return { order: row.order, verify: row.status === 'verify', from: row.from, note: row.note };
}

/** One line of text for CSV and PDF documents, e.g. "principal_first (verify)". */
export function allocationPolicyText(label: AllocationPolicyLabel): string {
  return `${label.order}${label.verify ? ' (verify)' : ''}`;
}
