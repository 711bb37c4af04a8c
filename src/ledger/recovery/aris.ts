import { allocate, Dec, Money } from '../../common/money';
import { isIsoDate } from '../../common/time';
import { applySums, PriorityOwed, PriorityPayment, SumsExpenses } from './application-of-sums';

/*
 * The Asset Recovery Incentivisation Scheme (ARIS): how a receipt is shared out (docs/domain.md,
 * "Receipts and the Asset Recovery Incentivisation Scheme"). Pure: the caller passes the receipt,
 * its date and the compensation still owed; nothing here reads a clock, a store or configuration.
 *
 * Allocation, in the order of s.55 (application-of-sums.ts):
 *   0. the s.55(3)-(4) expenses recorded with the receipt (insolvency practitioner, receivers);
 *   1. the amounts directed under s.13(6) for priority orders (compensation and the others of
 *      s.13(3A)), still unpaid, up to what is left, ranking together;
 *   2. the remainder is split by the rule table in force on the receipt date: every share rounded
 *      down to the penny, the leftover pennies one each by largest remainder (ties: the order of
 *      the table), so compensation + shares always equal the receipt exactly.
 *
 * The percentages are the widely cited defaults *(verify)*: a dated table, so a change of policy is
 * one more row (or a table passed in), never a code change.
 */

export const RECEIPT_TYPES = [
  'confiscation',
  'cash_forfeiture',
  'account_forfeiture',
  'listed_asset_forfeiture',
  'crypto_forfeiture',
  'civil_recovery',
] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

/** Everyone who can receive a share, in the order reports list them. */
export const ARIS_RECIPIENTS = [
  'home_office',
  'investigating_agency',
  'prosecuting_agency',
  'hmcts',
  'enforcement_authority',
] as const;
export type ArisRecipient = (typeof ARIS_RECIPIENTS)[number];

/** One recipient's share of the remainder, in percent (a decimal string, e.g. "18.75"). */
export interface ArisShareRule {
  recipient: ArisRecipient;
  percent: string;
}

/** The splits in force from `effectiveFrom` (inclusive) until the next row's date. */
export interface ArisRulePeriod {
  effectiveFrom: string;
  splits: Readonly<Record<ReceiptType, readonly ArisShareRule[]>>;
}

/** Rows in ascending `effectiveFrom` order. */
export type ArisTable = readonly ArisRulePeriod[];

const FORFEITURE_SPLIT: readonly ArisShareRule[] = [
  { recipient: 'home_office', percent: '50' },
  { recipient: 'investigating_agency', percent: '50' },
];

/**
 * The defaults of docs/domain.md *(verify)*. ARIS has applied since the 2006-07 financial year; the
 * percentages are the widely cited current ones and are assumed to have applied from then, so
 * give a dated table of your own when older receipts need the historical splits.
 */
export const DEFAULT_ARIS_TABLE: ArisTable = [
  {
    effectiveFrom: '2006-04-01',
    splits: {
      confiscation: [
        { recipient: 'home_office', percent: '50' },
        { recipient: 'investigating_agency', percent: '18.75' },
        { recipient: 'prosecuting_agency', percent: '18.75' },
        { recipient: 'hmcts', percent: '12.5' },
      ],
      cash_forfeiture: FORFEITURE_SPLIT,
      account_forfeiture: FORFEITURE_SPLIT,
      listed_asset_forfeiture: FORFEITURE_SPLIT,
      crypto_forfeiture: FORFEITURE_SPLIT,
      civil_recovery: [
        { recipient: 'home_office', percent: '50' },
        { recipient: 'enforcement_authority', percent: '50' },
      ],
    },
  },
];

export interface ReceiptToAllocate {
  type: ReceiptType;
  /** The sum received (a whole number of minor units, not negative). */
  amount: Money;
  /** The date of the receipt, YYYY-MM-DD: picks the row of the table in force. */
  date: string;
  /** Compensation directed by the court and still unpaid (older callers: one direction). */
  compensation?: Money;
  /** What is still owed on each s.13(6) direction when this receipt arrives. */
  priority?: readonly PriorityOwed[];
  /** The s.55(3)-(4) expenses applied first out of this receipt. */
  expenses?: SumsExpenses;
}

export interface ArisShare {
  recipient: ArisRecipient;
  amount: Money;
}

export interface ReceiptAllocation {
  type: ReceiptType;
  date: string;
  amount: Money;
  /** s.55(3)-(4): expenses paid first out of this receipt. */
  expensesPaid: Money;
  /** s.55(5): each s.13(6) direction's payment out of this receipt. */
  priorityPayments: PriorityPayment[];
  /** Σ priorityPayments. */
  priorityPaid: Money;
  /** The part of priorityPaid paid under compensation orders (s.13(3A)(a)). */
  compensationPaid: Money;
  /** What counts as a recovery receipt for the scheme: amount − expensesPaid − priorityPaid. */
  remainder: Money;
  /** The `effectiveFrom` of the table row applied. */
  effectiveFrom: string;
  /** The remainder split by the table, in the table's order; they sum to `remainder` exactly. */
  shares: ArisShare[];
}

/** Throws a TypeError when the table is malformed (dates, order, unknown names, shares ≠ 100%). */
export function validateArisTable(table: ArisTable): void {
  if (table.length === 0) throw new TypeError('ARIS table: at least one row is required');
  table.forEach((row, i) => {
    if (!isIsoDate(row.effectiveFrom)) {
      throw new TypeError(`ARIS table: rows.${i}.effectiveFrom is not a date YYYY-MM-DD`);
    }
    if (i > 0 && row.effectiveFrom <= table[i - 1].effectiveFrom) {
      throw new TypeError('ARIS table: rows must be in ascending effectiveFrom order');
    }
    for (const type of RECEIPT_TYPES) {
      const shares = row.splits[type] as readonly ArisShareRule[] | undefined;
      if (!shares || shares.length === 0) {
        throw new TypeError(`ARIS table: rows.${i} has no split for ${type}`);
      }
      const seen = new Set<string>();
      let sum = new Dec(0);
      for (const share of shares) {
        if (!(ARIS_RECIPIENTS as readonly string[]).includes(share.recipient)) {
          throw new TypeError(`ARIS table: unknown recipient ${JSON.stringify(share.recipient)}`);
        }
        if (seen.has(share.recipient)) {
          throw new TypeError(`ARIS table: ${share.recipient} twice in rows.${i}.${type}`);
        }
        seen.add(share.recipient);
        if (!/^\d+(\.\d+)?$/.test(share.percent)) {
          throw new TypeError(`ARIS table: rows.${i}.${type} percent is not a decimal string`);
        }
        sum = sum.plus(share.percent);
      }
      if (!sum.eq(100)) {
        throw new TypeError(`ARIS table: rows.${i}.${type} shares sum to ${sum.toString()}%`);
      }
    }
  });
}

/** The row of the table in force on `date` (the last whose effectiveFrom is on or before it). */
export function arisRuleFor(date: string, table: ArisTable = DEFAULT_ARIS_TABLE): ArisRulePeriod {
  if (!isIsoDate(date)) throw new TypeError(`ARIS: not a date: ${JSON.stringify(date)}`);
  let found: ArisRulePeriod | undefined;
  for (const row of table) if (row.effectiveFrom <= date) found = row;
  if (!found) throw new RangeError(`ARIS: no rule in the table for ${date}`);
  return found;
}

/**
 * Expenses, then the s.13(6) directions, then the remainder split by the rule in force on the
 * receipt date. Exact: expensesPaid + priorityPaid + Σ shares = amount, to the penny.
 */
export function allocateReceipt(
  receipt: ReceiptToAllocate,
  table: ArisTable = DEFAULT_ARIS_TABLE,
): ReceiptAllocation {
  const { type, amount, date } = receipt;
  if (!(RECEIPT_TYPES as readonly string[]).includes(type)) {
    throw new TypeError(`ARIS: unknown receipt type ${JSON.stringify(type)}`);
  }
  if (!(amount instanceof Money)) throw new TypeError('ARIS: amount must be a Money value');
  if (amount.isNegative()) throw new RangeError('ARIS: a receipt cannot be negative');
  const rule = arisRuleFor(date, table);
  const zero = Money.zero(amount.currency);
  const priority: readonly PriorityOwed[] =
    receipt.priority ??
    (receipt.compensation
      ? [{ kind: 'compensation', payee: 'compensation', owed: receipt.compensation }]
      : []);
  const applied = applySums(amount, receipt.expenses, priority);
  const remainder = applied.remainder;
  const compensationPaid = applied.priorityPayments
    .filter((p) => p.kind === 'compensation')
    .reduce((s, p) => s.plus(p.amount), zero);
  const split = rule.splits[type];
  const parts = allocate(
    remainder,
    split.map((s) => s.percent),
  );
  return {
    type,
    date,
    amount,
    expensesPaid: applied.expensesPaid,
    priorityPayments: applied.priorityPayments,
    priorityPaid: applied.priorityPaid,
    compensationPaid,
    remainder,
    effectiveFrom: rule.effectiveFrom,
    shares: split.map((s, i) => ({ recipient: s.recipient, amount: parts[i] })),
  };
}
