import { MoneyJson } from '../../common/money';
import { DomainEvent } from '../decider';

export const VARIATION_SECTIONS = ['s21', 's22', 's23', 'appeal'] as const;
export type VariationSection = (typeof VARIATION_SECTIONS)[number];

export const PAYMENT_METHODS = [
  'voluntary',
  'asset_realisation',
  'enforcement',
  'seized_funds',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One instalment of the schedule; the amounts of a schedule sum to the amount ordered. */
export interface InstalmentJson {
  amount: MoneyJson;
  dueDate: string;
}

/** Compensation directed under s.13(5)-(6): paid first out of sums recovered. */
export interface CompensationJson {
  amount: MoneyJson;
  payee: string;
}

/**
 * The priority orders of s.13(3A): (a) a compensation order, (b) a surcharge, (c) an unlawful
 * profit order (Prevention of Social Housing Fraud Act 2013 s.4), (d) a slavery and trafficking
 * reparation order (Modern Slavery Act 2015 s.8).
 */
export const PRIORITY_ORDER_KINDS = [
  'compensation',
  'surcharge',
  'unlawful_profit',
  'slavery_trafficking_reparation',
] as const;
export type PriorityOrderKind = (typeof PRIORITY_ORDER_KINDS)[number];

/**
 * A direction under s.13(6): so much of the amount payable under a priority order "as it
 * specifies is to be paid out of any sums recovered under the confiscation order". The older
 * `compensation` field is the same direction for a compensation order.
 */
export interface PriorityDirectionJson {
  kind: PriorityOrderKind;
  amount: MoneyJson;
  payee: string;
}

/** s.6(4): the benefit, from general criminal conduct (lifestyle) or particular criminal conduct. */
export interface BenefitSplitJson {
  generalCriminalConduct: MoneyJson;
  particularCriminalConduct: MoneyJson;
}

/** s.9(1): free property, less obligations having priority, plus tainted gifts. */
export interface AvailableAmountSplitJson {
  freeProperty: MoneyJson;
  priorityObligations: MoneyJson;
  taintedGifts: MoneyJson;
}

/**
 * A determination under s.10A of the extent of the defendant's interest in property: "the
 * proportion that the value of the defendant's interest in it bears to the value of the property
 * itself" (s.10A(5)), a decimal fraction in (0, 1]. Conclusive on the realisation of the property
 * (s.10A(3)).
 */
export interface InterestDeterminationJson {
  assetId: string;
  /** The defendant's proportion, e.g. "0.5". */
  share: string;
  /** When the extent was given as values, the values the share was taken from. */
  interestValue?: MoneyJson;
  propertyValue?: MoneyJson;
  /** Who holds the rest (recorded as due to them on a realisation). */
  otherInterestHolder: string;
  /** The date the determination was made: the date of the order (s.10A(1)). */
  decidedOn: string;
}

/**
 * Instalments are named by their position in the schedule, 0-based (`instalments[1]` is the
 * second), in every event and command. Dates of the order, payments and decisions are the London
 * calendar dates of the events' `occurredAt`.
 */
export type ConfiscationOrderMade = DomainEvent<
  'ConfiscationOrderMade',
  {
    confiscationOrderId: string;
    caseId: string;
    subjectId: string;
    orderRef: string;
    court: string;
    convictedAt?: string;
    benefitFigure: MoneyJson;
    availableAmount: MoneyJson;
    orderAmount: MoneyJson;
    instalments: InstalmentJson[];
    defaultTermMonths: number;
    lifestyle?: boolean;
    compensation?: CompensationJson;
    /** s.13(6) directions for other priority orders (and further compensation orders). */
    priorityDirections?: PriorityDirectionJson[];
    /** s.6(4) and s.7: the benefit split by conduct, when the court gave it. */
    benefit?: BenefitSplitJson;
    /** s.9: the available amount split, when the court gave it. */
    available?: AvailableAmountSplitJson;
    /** s.7: the recoverable amount (the amount ordered), when recorded. */
    recoverableAmount?: MoneyJson;
    /** s.6(6) / s.7(3): a victim has started or intends to start proceedings (the amount is just). */
    victimProceedings?: boolean;
    /** s.10A determinations of the defendant's interest in property. */
    interestDeterminations?: InterestDeterminationJson[];
    /** Advisory findings that did not block the order (e.g. a default term above its band). */
    warnings: string[];
    occurredAt: string;
  }
>;

/** An application (s.11(4)) to extend the time to pay the instalments listed. */
export type TimeToPayExtensionApplied = DomainEvent<
  'TimeToPayExtensionApplied',
  { instalments: number[]; appliedAt: string; occurredAt: string }
>;

/** The court extended the time to pay; decides the pending application for those instalments. */
export type TimeToPayExtended = DomainEvent<
  'TimeToPayExtended',
  { newDueDates: { index: number; dueDate: string }[]; occurredAt: string }
>;

/** The court refused the application for those instalments (interest runs again from the next day). */
export type TimeToPayExtensionRefused = DomainEvent<
  'TimeToPayExtensionRefused',
  { instalments: number[]; reason: string; occurredAt: string }
>;

/**
 * The order varied (s.21 benefit reconsidered, s.22 available amount increased, s.23 available
 * amount inadequate, or an order substituted on appeal). `instalments` is the whole schedule in
 * force from the variation (it sums to `newOrderAmount`); interest accrued before the variation
 * date stands.
 */
export type ConfiscationOrderVaried = DomainEvent<
  'ConfiscationOrderVaried',
  {
    section: VariationSection;
    newBenefitFigure?: MoneyJson;
    newAvailableAmount?: MoneyJson;
    newOrderAmount: MoneyJson;
    instalments: InstalmentJson[];
    defaultTermMonths?: number;
    compensation?: CompensationJson;
    /** Replaces the s.13(6) directions for priority orders other than `compensation`, when given. */
    priorityDirections?: PriorityDirectionJson[];
    /** The date the application was made (s.21's 6 years are counted to it), when given. */
    appliedAt?: string;
    reason: string;
    warnings: string[];
    occurredAt: string;
  }
>;

export type EnforcementReceiverAppointed = DomainEvent<
  'EnforcementReceiverAppointed',
  { receiver: string; occurredAt: string }
>;

export type PaymentReceived = DomainEvent<
  'PaymentReceived',
  {
    receiptId: string;
    amount: MoneyJson;
    method: PaymentMethod;
    assetId?: string;
    reference: string;
    /**
     * The part of `amount` beyond what was owed on its date (principal plus interest, to the
     * penny): recorded only with the overpayment acknowledged, a refund due to the payer. Only
     * `amount − refundDue` pays the order. Absent on older events and on receipts within the debt.
     */
    refundDue?: MoneyJson;
    /**
     * s.55(3)-(4): expenses applied first out of the sums (insolvency practitioner; the s.48 and
     * s.50 receivers' remuneration and expenses, only for sums from an enforcement receiver).
     * The receipt still reduces the amount payable in full (s.55(2)).
     */
    expenses?: ReceiptExpensesJson;
    /** A realisation under a s.10A determination: the proceeds of the whole property. */
    proceeds?: MoneyJson;
    /** The part of `proceeds` due to the other interest holder (s.10A), not paid into the order. */
    dueToOtherInterests?: { holder: string; amount: MoneyJson };
    /** s.54(3): realised proceeds beyond what the order needed, left for the interest holders. */
    surplus?: MoneyJson;
    occurredAt: string;
  }
>;

/** The expenses s.55(3)-(4) applies first out of a receipt. */
export interface ReceiptExpensesJson {
  insolvencyPractitioner?: MoneyJson;
  managementReceiver?: MoneyJson;
  enforcementReceiver?: MoneyJson;
}

/** The default term activated (s.35); serving it does not reduce the debt. */
export type DefaultTermActivated = DomainEvent<
  'DefaultTermActivated',
  { months: number; occurredAt: string }
>;

/**
 * The default term served (or its release date reached). s.38(5) in the commentary: serving it does
 * not expunge the debt; the order stays payable and s.12 interest keeps running.
 */
export type DefaultTermServed = DomainEvent<'DefaultTermServed', { occurredAt: string }>;

export const DISCHARGE_SECTIONS = ['s24', 's25'] as const;
export type DischargeSection = (typeof DISCHARGE_SECTIONS)[number];

/** s.24(4): why the available amount is inadequate (a currency fluctuation, or a reason specified by order). */
export const S24_CAUSES = ['currency_fluctuation', 'specified_reason'] as const;
export type S24Cause = (typeof S24_CAUSES)[number];

/**
 * The order discharged: s.24 (available amount inadequate, the amount remaining under the s.24
 * threshold, for a currency fluctuation or a specified reason) or s.25 (the amount remaining at
 * most the s.25 threshold). `writtenOff` is what was outstanding on the date (principal plus
 * interest, to the penny); nothing accrues after it and the order takes no further commands.
 */
export type ConfiscationOrderDischarged = DomainEvent<
  'ConfiscationOrderDischarged',
  {
    section: DischargeSection;
    /** s.24 only. */
    cause?: S24Cause;
    reason: string;
    writtenOff: MoneyJson;
    /** The threshold applied (s.24: less than; s.25: at most), as configured on the date. */
    threshold: MoneyJson;
    occurredAt: string;
  }
>;

export type ConfiscationEvent =
  | ConfiscationOrderMade
  | TimeToPayExtensionApplied
  | TimeToPayExtended
  | TimeToPayExtensionRefused
  | ConfiscationOrderVaried
  | EnforcementReceiverAppointed
  | PaymentReceived
  | DefaultTermActivated
  | DefaultTermServed
  | ConfiscationOrderDischarged;

export const confiscationStream = (confiscationOrderId: string) =>
  `confiscation-${confiscationOrderId}`;
