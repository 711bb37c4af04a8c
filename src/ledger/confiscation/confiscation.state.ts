import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { londonDateOf } from '../../common/time';
import {
  ConfiscationEvent,
  DischargeSection,
  InstalmentJson,
  InterestDeterminationJson,
  PaymentMethod,
  S24Cause,
  VariationSection,
} from './confiscation.events';
import { directionsOf, PriorityDirection } from './priority.rules';

export interface Instalment {
  amount: Money;
  dueDate: string;
}

/** A version of the schedule, in force for the days after `from` (the date it was decided). */
export interface ScheduleVersion {
  from: string;
  instalments: Instalment[];
}

/** One instalment's extension application (s.11(4)) and, once decided, its outcome. */
export interface ExtensionRequest {
  index: number;
  appliedAt: string;
  decidedOn?: string;
  outcome?: 'extended' | 'refused';
}

export interface PaymentRecord {
  receiptId: string;
  date: string;
  amount: Money;
  method: PaymentMethod;
  assetId?: string;
  reference: string;
  /** The surplus over what was owed, due back to the payer (an acknowledged overpayment). */
  refundDue?: Money;
  /** s.55(3)-(4) expenses applied first out of it (in the statute's order), when recorded. */
  expenses?: {
    insolvencyPractitioner?: Money;
    managementReceiver?: Money;
    enforcementReceiver?: Money;
  };
}

/** The part of a receipt that pays the order: the amount less any refund due. */
export function appliedAmount(p: Pick<PaymentRecord, 'amount' | 'refundDue'>): Money {
  return p.refundDue ? p.amount.minus(p.refundDue) : p.amount;
}

export interface ConfiscationOrderFacts {
  confiscationOrderId: string;
  caseId: string;
  subjectId: string;
  orderRef: string;
  court: string;
  /** The London date of the order's `occurredAt`: every time limit counts from it. */
  orderDate: string;
  convictedAt?: string;
  benefitFigure: Money;
  availableAmount: Money;
  /** The amount ordered, after variations. */
  orderAmount: Money;
  defaultTermMonths: number;
  lifestyle?: boolean;
  compensation?: { amount: Money; payee: string };
  /** s.13(6) directions for the other priority orders (s.13(3A)); see `priorityDirections`. */
  otherDirections: PriorityDirection[];
  /** s.10A determinations, by asset: they bind the realisation of the property (s.10A(3)). */
  interestDeterminations: InterestDeterminationJson[];
}

/** Every s.13(6) direction in force: the compensation first, then the others, as directed. */
export function priorityDirections(order: ConfiscationOrderFacts): PriorityDirection[] {
  return [
    ...(order.compensation ? [{ kind: 'compensation' as const, ...order.compensation }] : []),
    ...order.otherDirections,
  ];
}

export interface ConfiscationState {
  exists: boolean;
  order?: ConfiscationOrderFacts;
  /** Every version of the schedule, oldest first; the last is the one in force. */
  schedules: ScheduleVersion[];
  extensionRequests: ExtensionRequest[];
  variations: { section: VariationSection; on: string; newOrderAmount: Money; reason: string }[];
  enforcementReceivers: string[];
  payments: PaymentRecord[];
  defaultTermActivated?: { months: number; on: string };
  /** The default term served (the debt remains: s.38(5)). */
  defaultTermServed?: { on: string };
  /** Discharged (s.24 / s.25): nothing accrues after `on`; the order takes no further commands. */
  discharged?: { on: string; section: DischargeSection; cause?: S24Cause; reason: string };
  /** Advisory warnings recorded with the order and its variations. */
  warnings: string[];
}

export const initialConfiscationState: ConfiscationState = {
  exists: false,
  schedules: [],
  extensionRequests: [],
  variations: [],
  enforcementReceivers: [],
  payments: [],
  warnings: [],
};

/** The order the command is about; `not_found` before it is made. */
export function existingOrder(state: ConfiscationState): ConfiscationOrderFacts {
  if (!state.exists || !state.order) refuse('not_found', 'No such confiscation order');
  return state.order;
}

/** The schedule in force: the latest version. */
export function currentSchedule(state: ConfiscationState): Instalment[] {
  return state.schedules[state.schedules.length - 1].instalments;
}

/** The undecided extension application for instalment `index`, if there is one. */
export function pendingRequest(
  state: ConfiscationState,
  index: number,
): ExtensionRequest | undefined {
  return state.extensionRequests.find((r) => r.index === index && r.decidedOn === undefined);
}

const instalmentOf = (x: InstalmentJson): Instalment => ({
  amount: Money.parse(x.amount),
  dueDate: x.dueDate,
});

function decided(
  state: ConfiscationState,
  indexes: number[],
  on: string,
  outcome: ExtensionRequest['outcome'],
): ExtensionRequest[] {
  return state.extensionRequests.map((r) =>
    r.decidedOn === undefined && indexes.includes(r.index) ? { ...r, decidedOn: on, outcome } : r,
  );
}

export function evolve(state: ConfiscationState, event: ConfiscationEvent): ConfiscationState {
  switch (event.type) {
    case 'ConfiscationOrderMade': {
      const e = event.data;
      const orderDate = londonDateOf(e.occurredAt);
      return {
        ...state,
        exists: true,
        order: {
          confiscationOrderId: e.confiscationOrderId,
          caseId: e.caseId,
          subjectId: e.subjectId,
          orderRef: e.orderRef,
          court: e.court,
          orderDate,
          convictedAt: e.convictedAt,
          benefitFigure: Money.parse(e.benefitFigure),
          availableAmount: Money.parse(e.availableAmount),
          orderAmount: Money.parse(e.orderAmount),
          defaultTermMonths: e.defaultTermMonths,
          lifestyle: e.lifestyle,
          compensation: e.compensation && {
            amount: Money.parse(e.compensation.amount),
            payee: e.compensation.payee,
          },
          otherDirections: directionsOf({ priorityDirections: e.priorityDirections }),
          interestDeterminations: e.interestDeterminations ?? [],
        },
        schedules: [{ from: orderDate, instalments: e.instalments.map(instalmentOf) }],
        warnings: [...state.warnings, ...e.warnings],
      };
    }
    case 'TimeToPayExtensionApplied':
      return {
        ...state,
        extensionRequests: [
          ...state.extensionRequests,
          ...event.data.instalments.map((index) => ({ index, appliedAt: event.data.appliedAt })),
        ],
      };
    case 'TimeToPayExtended': {
      const on = londonDateOf(event.data.occurredAt);
      const instalments = currentSchedule(state).map((x, i) => {
        const extended = event.data.newDueDates.find((n) => n.index === i);
        return extended ? { ...x, dueDate: extended.dueDate } : x;
      });
      return {
        ...state,
        schedules: [...state.schedules, { from: on, instalments }],
        extensionRequests: decided(
          state,
          event.data.newDueDates.map((n) => n.index),
          on,
          'extended',
        ),
      };
    }
    case 'TimeToPayExtensionRefused':
      return {
        ...state,
        extensionRequests: decided(
          state,
          event.data.instalments,
          londonDateOf(event.data.occurredAt),
          'refused',
        ),
      };
    case 'ConfiscationOrderVaried': {
      const e = event.data;
      const on = londonDateOf(e.occurredAt);
      const order = state.order as ConfiscationOrderFacts;
      return {
        ...state,
        order: {
          ...order,
          benefitFigure: e.newBenefitFigure ? Money.parse(e.newBenefitFigure) : order.benefitFigure,
          availableAmount: e.newAvailableAmount
            ? Money.parse(e.newAvailableAmount)
            : order.availableAmount,
          orderAmount: Money.parse(e.newOrderAmount),
          defaultTermMonths: e.defaultTermMonths ?? order.defaultTermMonths,
          compensation: e.compensation
            ? { amount: Money.parse(e.compensation.amount), payee: e.compensation.payee }
            : order.compensation,
          otherDirections: e.priorityDirections
            ? directionsOf({ priorityDirections: e.priorityDirections })
            : order.otherDirections,
        },
        schedules: [...state.schedules, { from: on, instalments: e.instalments.map(instalmentOf) }],
        variations: [
          ...state.variations,
          {
            section: e.section,
            on,
            newOrderAmount: Money.parse(e.newOrderAmount),
            reason: e.reason,
          },
        ],
        warnings: [...state.warnings, ...e.warnings],
      };
    }
    case 'EnforcementReceiverAppointed':
      return {
        ...state,
        enforcementReceivers: [...state.enforcementReceivers, event.data.receiver],
      };
    case 'PaymentReceived': {
      const e = event.data;
      return {
        ...state,
        payments: [
          ...state.payments,
          {
            receiptId: e.receiptId,
            date: londonDateOf(e.occurredAt),
            amount: Money.parse(e.amount),
            method: e.method,
            ...(e.assetId !== undefined && { assetId: e.assetId }),
            reference: e.reference,
            ...(e.refundDue !== undefined && { refundDue: Money.parse(e.refundDue) }),
            ...(e.expenses && {
              expenses: {
                ...(e.expenses.insolvencyPractitioner && {
                  insolvencyPractitioner: Money.parse(e.expenses.insolvencyPractitioner),
                }),
                ...(e.expenses.managementReceiver && {
                  managementReceiver: Money.parse(e.expenses.managementReceiver),
                }),
                ...(e.expenses.enforcementReceiver && {
                  enforcementReceiver: Money.parse(e.expenses.enforcementReceiver),
                }),
              },
            }),
          },
        ],
      };
    }
    case 'DefaultTermActivated':
      return {
        ...state,
        defaultTermActivated: {
          months: event.data.months,
          on: londonDateOf(event.data.occurredAt),
        },
      };
    case 'ConfiscationOrderDischarged':
      return {
        ...state,
        discharged: {
          on: londonDateOf(event.data.occurredAt),
          section: event.data.section,
          ...(event.data.cause !== undefined && { cause: event.data.cause }),
          reason: event.data.reason,
        },
      };
    case 'DefaultTermServed':
      return { ...state, defaultTermServed: { on: londonDateOf(event.data.occurredAt) } };
    default:
      return state;
  }
}
