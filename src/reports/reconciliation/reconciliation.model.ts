import { MoneyJson } from '../../common/money';
import { AllocationPolicyLabel } from '../../ledger/recovery/allocation-policy';
import { ArisRecipient, ArisTable, ReceiptType } from '../../ledger/recovery/aris';

/* The finance reconciliation of a period, as the builder makes it and the JSON and CSV show it. */

export interface ReconciliationRequest {
  /** YYYY-MM-DD, London date, inclusive. */
  from: string;
  /** YYYY-MM-DD, London date, inclusive. */
  to: string;
  /** Percent, a decimal string; default DEFAULT_VARIANCE_THRESHOLD_PERCENT. */
  varianceThreshold?: string;
  arisTable?: ArisTable;
}

export interface RollForwardFigures {
  /** Outstanding as at the day before `from`. */
  opening: MoneyJson;
  /** Amounts first ordered by orders made in the period. */
  newOrders: MoneyJson;
  /** Change in the amount ordered by variations in the period (negative: reduced). */
  variations: MoneyJson;
  /** Interest accrued in the period (rounded cumulative at `to` less at the day before `from`). */
  interest: MoneyJson;
  /** Payments received in the period (all of them reduce the debt, compensation part included). */
  receipts: MoneyJson;
  /** Memo: the part of `receipts` paid out to victims as compensation (not deducted again). */
  compensationPaid: MoneyJson;
  /**
   * Memo: cash received in the period beyond what was owed (acknowledged overpayments), due back
   * to the payer; not in `receipts` (it never paid the order) nor shared out under ARIS.
   */
  refundsDue: MoneyJson;
  /** What a discharge in the period (s.24 / s.25) wrote off: what remained on its date. */
  writtenOff: MoneyJson;
  /** Outstanding as at `to`. */
  closing: MoneyJson;
}

export interface RollForwardLine extends RollForwardFigures {
  confiscationOrderId: string;
  orderRef: string;
  caseId: string;
  agency: string | null;
  operation: string | null;
  orderDate: string;
  balances: boolean;
  /** The order's status as at `to` (`discharged`: s.24 / s.25, see `writtenOff`). */
  status: 'outstanding' | 'satisfied' | 'discharged';
  /** How the order's receipts are split between principal and interest (verify: not settled). */
  allocationPolicy: AllocationPolicyLabel;
}

export interface ReconciliationCheck {
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}

export interface ReceiptLine {
  receiptId: string;
  source: 'confiscation' | 'forfeiture';
  /** The order or asset it came from. */
  sourceId: string;
  date: string;
  type: ReceiptType;
  caseId: string | null;
  agency: string | null;
  operation: string | null;
  financialYear: string;
  /** What paid the order (or the forfeited amount): the amount compensation and ARIS share. */
  amount: MoneyJson;
  /** Cash received beyond what was owed, due back to the payer (zero but for overpayments). */
  refundDue: MoneyJson;
  compensationPaid: MoneyJson;
  /** s.55(3)-(4): expenses applied first. */
  expensesPaid: MoneyJson;
  /** s.55(5): paid under the s.13(6) directions (compensation included), ranking together. */
  priorityPaid: MoneyJson;
  priorityPayments: { kind: string; payee: string; amount: MoneyJson }[];
  remainder: MoneyJson;
  shares: { recipient: ArisRecipient; amount: MoneyJson }[];
}

export interface ReceiptGroup {
  key: string | null;
  receipts: number;
  amount: MoneyJson;
}

export interface VarianceLine {
  assetId: string;
  exhibitRef: string | null;
  caseId: string | null;
  realisedOn: string;
  confiscationOrderId: string | null;
  /** The valuation in force the day before the sale (null: none). */
  lastValuation: { gbpValue: MoneyJson; valuedAsAt: string | null; basis: string | null } | null;
  netProceeds: MoneyJson;
  /** netProceeds − lastValuation (null without a valuation). */
  variance: MoneyJson | null;
  /** variance / lastValuation × 100, 2 dp half-up (null without a non-zero valuation). */
  variancePercent: string | null;
  flagged: boolean;
}

export type ExceptionCode =
  'realisation_without_payment' | 'payment_asset_not_realised' | 'forfeiture_without_value';

export interface ReconciliationException {
  code: ExceptionCode;
  date: string;
  assetId: string | null;
  confiscationOrderId: string | null;
  receiptId: string | null;
  amount: MoneyJson | null;
  message: string;
}

export interface Reconciliation {
  period: { from: string; to: string };
  /** The ledger position the report reflects (null: empty ledger). */
  position: string | null;
  rollForward: { orders: RollForwardLine[]; total: RollForwardFigures };
  checks: ReconciliationCheck[];
  receipts: {
    items: ReceiptLine[];
    byType: ReceiptGroup[];
    byAgency: ReceiptGroup[];
    byOperation: ReceiptGroup[];
    byFinancialYear: ReceiptGroup[];
    total: MoneyJson;
    compensationPaid: MoneyJson;
    /** Refunds due on the period's receipts (cash received = total + refundsDue). */
    refundsDue: MoneyJson;
    expensesPaid: MoneyJson;
    priorityPaid: MoneyJson;
    aris: { recipient: ArisRecipient; amount: MoneyJson }[];
  };
  variance: { thresholdPercent: string; items: VarianceLine[] };
  exceptions: ReconciliationException[];
}
