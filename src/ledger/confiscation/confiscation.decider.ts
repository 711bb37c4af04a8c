import { refuse } from '../../common/domain-error';
import { Money, MoneyJson, sumMoney } from '../../common/money';
import { addMonths, assertNotFuture, londonDateOf, parseIsoDate } from '../../common/time';
import { Decider } from '../decider';
import { occurredAt } from '../occurred-at';
import { accruedInterest } from '../recovery/interest';
import {
  ActivateDefaultTerm,
  AppointEnforcementReceiver,
  ApplyForTimeToPayExtension,
  ConfiscationCommand,
  ExtendTimeToPay,
  MakeConfiscationOrder,
  ReceivePayment,
  RefuseTimeToPayExtension,
  VaryConfiscationOrder,
} from './confiscation.commands';
import {
  CompensationJson,
  ConfiscationEvent,
  InstalmentJson,
  PAYMENT_METHODS,
  PaymentMethod,
  VARIATION_SECTIONS,
  VariationSection,
} from './confiscation.events';
import { defaultTermWarnings, timeToPayRuleFor } from './confiscation.parameters';
import { interestInputOf } from './confiscation.position';

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

function existingOrder(state: ConfiscationState): ConfiscationOrderFacts {
  if (!state.exists || !state.order) refuse('not_found', 'No such confiscation order');
  return state.order;
}

function currentSchedule(state: ConfiscationState): Instalment[] {
  return state.schedules[state.schedules.length - 1].instalments;
}

/**
 * Schedule versions apply from their dates in the order recorded (interest depends on it): a
 * change dated before the latest one would put them out of order, so it is refused.
 */
function assertNotBeforeLastSchedule(state: ConfiscationState, on: string): void {
  const latest = state.schedules[state.schedules.length - 1].from;
  if (on < latest) {
    refuse('invalid_date', `Before the last change to the schedule (${latest})`, 'occurredAt');
  }
}

function pendingRequest(state: ConfiscationState, index: number): ExtensionRequest | undefined {
  return state.extensionRequests.find((r) => r.index === index && r.decidedOn === undefined);
}

/** A sterling figure: valid money, GBP, positive (or, with `allowZero`, not negative). */
function sterling(json: MoneyJson, field: string, allowZero = false): Money {
  const money = allowZero ? Money.parse(json, field) : Money.positive(json, field);
  if (money.isNegative()) refuse('invalid_money', 'amount must not be negative', `${field}.amount`);
  if (money.currency !== 'GBP') {
    refuse('invalid_money', 'confiscation figures are in sterling (GBP)', `${field}.currency`);
  }
  return money;
}

function wholeMonths(months: unknown, field: string): number {
  if (typeof months !== 'number' || !Number.isSafeInteger(months) || months < 1) {
    refuse('invalid_state', 'must be a whole number of months, at least 1', field);
  }
  return months;
}

function nonEmpty(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    refuse('invalid_state', 'is required', field);
  }
  return value;
}

/** Parses a schedule and checks that it sums exactly to `total`; `check` adds the date rules. */
function parseSchedule(
  items: InstalmentJson[] | undefined,
  total: Money,
  check: (instalment: Instalment, i: number) => void,
): Instalment[] {
  if (!Array.isArray(items) || items.length === 0) {
    refuse('instalments_do_not_sum', 'at least one instalment is required', 'instalments');
  }
  const parsed = items.map((x, i) => ({
    amount: sterling(x?.amount, `instalments.${i}.amount`),
    dueDate: parseIsoDate(x?.dueDate, `instalments.${i}.dueDate`),
  }));
  parsed.forEach(check);
  const sum = sumMoney(
    parsed.map((x) => x.amount),
    'GBP',
  );
  if (!sum.equals(total)) {
    refuse(
      'instalments_do_not_sum',
      `The instalments sum to ${sum.toString()}, the amount ordered is ${total.toString()}`,
      'instalments',
      { sum: sum.toJSON().amount, orderAmount: total.toJSON().amount },
    );
  }
  return parsed;
}

function compensationOf(json: CompensationJson, ordered: Money, amountField: string) {
  const amount = sterling(json?.amount, 'compensation.amount');
  const payee = nonEmpty(json.payee, 'compensation.payee');
  if (amount.gt(ordered)) {
    refuse(
      'compensation_exceeds_order',
      `Compensation of ${amount.toString()} is more than the ${ordered.toString()} ordered`,
      amountField,
    );
  }
  return { amount, payee };
}

const instalmentJson = (x: Instalment): InstalmentJson => ({
  amount: x.amount.toJSON(),
  dueDate: x.dueDate,
});

function makeOrder(
  command: MakeConfiscationOrder,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  const { data, context } = command;
  if (state.exists) {
    refuse(
      'already_exists',
      `Confiscation order ${data.confiscationOrderId} already exists`,
      'confiscationOrderId',
    );
  }
  if (!context.case.exists) refuse('not_found', `No such case ${data.caseId}`, 'caseId');
  if (context.case.closed) refuse('case_closed', `Case ${data.caseId} is closed`, 'caseId');
  if (!context.subjectExists) {
    refuse('not_found', `No subject ${data.subjectId} on the case`, 'subjectId');
  }
  const orderDate = londonDateOf(at);

  const benefitFigure = sterling(data.benefitFigure, 'benefitFigure');
  const availableAmount = sterling(data.availableAmount, 'availableAmount', true);
  const orderAmount = sterling(data.orderAmount, 'orderAmount');
  if (orderAmount.gt(benefitFigure)) {
    refuse(
      'order_exceeds_benefit',
      `The amount ordered (${orderAmount.toString()}) is more than the benefit figure (${benefitFigure.toString()})`,
      'orderAmount',
    );
  }
  if (data.convictedAt !== undefined) {
    parseIsoDate(data.convictedAt, 'convictedAt');
    if (data.convictedAt > orderDate) {
      refuse('invalid_date', 'The conviction is after the order', 'convictedAt');
    }
  }

  // s.11: due on the day, or within the initial period (3 months from 1 June 2015; 6 before).
  const rule = timeToPayRuleFor(orderDate);
  const latest = addMonths(orderDate, rule.initialMonths);
  const instalments = parseSchedule(data.instalments, orderAmount, (x, i) => {
    if (x.dueDate < orderDate) {
      refuse('invalid_date', `Due before the order date ${orderDate}`, `instalments.${i}.dueDate`);
    }
    if (x.dueDate > latest) {
      refuse(
        'time_to_pay_too_long',
        `Due more than ${rule.initialMonths} months after the order (latest ${latest})`,
        `instalments.${i}.dueDate`,
        { latest },
      );
    }
  });
  const defaultTermMonths = wholeMonths(data.defaultTermMonths, 'defaultTermMonths');
  const compensation =
    data.compensation === undefined
      ? undefined
      : compensationOf(data.compensation, orderAmount, 'compensation.amount');

  return [
    {
      type: 'ConfiscationOrderMade',
      data: {
        confiscationOrderId: data.confiscationOrderId,
        caseId: data.caseId,
        subjectId: data.subjectId,
        orderRef: data.orderRef,
        court: data.court,
        ...(data.convictedAt !== undefined && { convictedAt: data.convictedAt }),
        benefitFigure: benefitFigure.toJSON(),
        availableAmount: availableAmount.toJSON(),
        orderAmount: orderAmount.toJSON(),
        instalments: instalments.map(instalmentJson),
        defaultTermMonths,
        ...(data.lifestyle !== undefined && { lifestyle: data.lifestyle }),
        ...(compensation && {
          compensation: { amount: compensation.amount.toJSON(), payee: compensation.payee },
        }),
        warnings: defaultTermWarnings(orderAmount.amount, defaultTermMonths, orderDate),
        occurredAt: at,
      },
    },
  ];
}

/** Distinct positions of instalments in the current schedule. */
function instalmentIndexes(indexes: unknown, state: ConfiscationState, field: string): number[] {
  if (!Array.isArray(indexes) || indexes.length === 0) {
    refuse('invalid_state', 'name at least one instalment (0-based position)', field);
  }
  const count = currentSchedule(state).length;
  indexes.forEach((i: unknown, k) => {
    if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0 || i >= count) {
      refuse(
        'invalid_state',
        `The order has no instalment ${String(i)} (0 to ${count - 1})`,
        `${field}.${k}`,
      );
    }
    if (indexes.indexOf(i) !== k) {
      refuse('invalid_state', `Instalment ${i} is named twice`, `${field}.${k}`);
    }
  });
  return indexes as number[];
}

function applyForExtension(
  command: ApplyForTimeToPayExtension,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  const order = existingOrder(state);
  const on = londonDateOf(at);
  const appliedAt =
    command.data.appliedAt === undefined ? on : parseIsoDate(command.data.appliedAt, 'appliedAt');
  assertNotFuture(appliedAt, command.now, 'appliedAt');
  if (appliedAt < order.orderDate) {
    refuse('invalid_date', `Before the order date ${order.orderDate}`, 'appliedAt');
  }
  const indexes = instalmentIndexes(command.data.instalments, state, 'instalments');
  const rule = timeToPayRuleFor(order.orderDate);
  const limit = addMonths(order.orderDate, rule.maxMonths);
  // Whether each instalment is still unpaid, as the schedule now stands (the latest of the dates).
  const asAt = [appliedAt, on, state.schedules[state.schedules.length - 1].from]
    .sort()
    .at(-1) as string;
  const position = accruedInterest(interestInputOf(state, asAt));
  const schedule = currentSchedule(state);
  indexes.forEach((index, k) => {
    if (pendingRequest(state, index)) {
      refuse(
        'invalid_state',
        `An application for instalment ${index} is already pending`,
        `instalments.${k}`,
      );
    }
    if (!position.perInstalment.find((x) => x.index === index)?.unpaid.isPositive()) {
      refuse('invalid_state', `Instalment ${index} is paid`, `instalments.${k}`);
    }
    const { dueDate } = schedule[index];
    if (appliedAt > dueDate) {
      refuse(
        'time_to_pay_too_long',
        `Instalment ${index} fell due on ${dueDate}: an extension must be applied for before then`,
        'appliedAt',
        { dueDate },
      );
    }
    if (dueDate >= limit) {
      refuse(
        'time_to_pay_too_long',
        `Instalment ${index} is already due on the latest date allowed (${limit}, ${rule.maxMonths} months after the order)`,
        `instalments.${k}`,
        { latest: limit },
      );
    }
  });
  return [
    {
      type: 'TimeToPayExtensionApplied',
      data: { instalments: indexes, appliedAt, occurredAt: at },
    },
  ];
}

function extendTimeToPay(
  command: ExtendTimeToPay,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  const order = existingOrder(state);
  const on = londonDateOf(at);
  assertNotBeforeLastSchedule(state, on);
  const items = command.data.newDueDates;
  if (!Array.isArray(items) || items.length === 0) {
    refuse('invalid_state', 'name at least one instalment and its new due date', 'newDueDates');
  }
  const rule = timeToPayRuleFor(order.orderDate);
  const limit = addMonths(order.orderDate, rule.maxMonths);
  const schedule = currentSchedule(state);
  const newDueDates = items.map((item, k) => {
    const request = pendingRequest(state, item?.index);
    if (!request) {
      refuse(
        'invalid_state',
        `No extension application is pending for instalment ${String(item?.index)} (s.11(4): extension only on application)`,
        `newDueDates.${k}.index`,
      );
    }
    if (items.findIndex((other) => other.index === item.index) !== k) {
      refuse('invalid_state', `Instalment ${item.index} is named twice`, `newDueDates.${k}.index`);
    }
    const dueDate = parseIsoDate(item.dueDate, `newDueDates.${k}.dueDate`);
    if (dueDate <= schedule[item.index].dueDate) {
      refuse(
        'invalid_state',
        `An extension must be later than the current due date ${schedule[item.index].dueDate}`,
        `newDueDates.${k}.dueDate`,
      );
    }
    if (dueDate > limit) {
      refuse(
        'time_to_pay_too_long',
        `Beyond ${rule.maxMonths} months from the order date (latest ${limit})`,
        `newDueDates.${k}.dueDate`,
        { latest: limit },
      );
    }
    if (on < request.appliedAt) {
      refuse(
        'invalid_date',
        `Decided before the application of ${request.appliedAt}`,
        'occurredAt',
      );
    }
    return { index: item.index, dueDate };
  });
  return [{ type: 'TimeToPayExtended', data: { newDueDates, occurredAt: at } }];
}

function refuseExtension(
  command: RefuseTimeToPayExtension,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  existingOrder(state);
  const on = londonDateOf(at);
  const reason = nonEmpty(command.data.reason, 'reason');
  const pending = state.extensionRequests.filter((r) => r.decidedOn === undefined);
  const indexes =
    command.data.instalments === undefined
      ? pending.map((r) => r.index)
      : instalmentIndexes(command.data.instalments, state, 'instalments');
  if (indexes.length === 0) {
    refuse('invalid_state', 'No extension application is pending', 'instalments');
  }
  indexes.forEach((index, k) => {
    const request = pendingRequest(state, index);
    if (!request) {
      refuse(
        'invalid_state',
        `No extension application is pending for instalment ${index}`,
        `instalments.${k}`,
      );
    }
    if (on < request.appliedAt) {
      refuse(
        'invalid_date',
        `Decided before the application of ${request.appliedAt}`,
        'occurredAt',
      );
    }
  });
  return [
    { type: 'TimeToPayExtensionRefused', data: { instalments: indexes, reason, occurredAt: at } },
  ];
}

/**
 * The schedule after a variation when the court gave none: an increase is one more instalment due
 * on the variation date; a reduction comes off the latest-due instalments first (payments settle
 * the earliest first, so the unpaid principal is at the end), dropping trailing instalments it
 * empties.
 */
function derivedSchedule(current: Instalment[], newOrderAmount: Money, on: string): Instalment[] {
  const total = sumMoney(
    current.map((x) => x.amount),
    'GBP',
  );
  if (newOrderAmount.gt(total)) {
    return [...current, { amount: newOrderAmount.minus(total), dueDate: on }];
  }
  let cut = total.minus(newOrderAmount);
  const amounts = current.map((x) => x.amount);
  const latestFirst = current
    .map((x, index) => ({ index, dueDate: x.dueDate }))
    .sort((a, b) => (a.dueDate < b.dueDate ? 1 : a.dueDate > b.dueDate ? -1 : b.index - a.index));
  for (const { index } of latestFirst) {
    const take = cut.min(amounts[index]);
    amounts[index] = amounts[index].minus(take);
    cut = cut.minus(take);
  }
  const schedule = current.map((x, i) => ({ amount: amounts[i], dueDate: x.dueDate }));
  while (schedule.length > 1 && schedule[schedule.length - 1].amount.isZero()) schedule.pop();
  return schedule;
}

function varyOrder(
  command: VaryConfiscationOrder,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  const order = existingOrder(state);
  const on = londonDateOf(at);
  const data = command.data;
  if (!(VARIATION_SECTIONS as readonly string[]).includes(data.section)) {
    refuse('invalid_state', `section must be one of ${VARIATION_SECTIONS.join(', ')}`, 'section');
  }
  const reason = nonEmpty(data.reason, 'reason');
  if (on < order.orderDate) {
    refuse('invalid_date', `Before the order date ${order.orderDate}`, 'occurredAt');
  }
  assertNotBeforeLastSchedule(state, on);
  const appliedAt =
    data.appliedAt === undefined ? undefined : parseIsoDate(data.appliedAt, 'appliedAt');
  if (appliedAt !== undefined) assertNotFuture(appliedAt, command.now, 'appliedAt');
  const newBenefit =
    data.newBenefitFigure === undefined
      ? undefined
      : sterling(data.newBenefitFigure, 'newBenefitFigure');
  const newAvailable =
    data.newAvailableAmount === undefined
      ? undefined
      : sterling(data.newAvailableAmount, 'newAvailableAmount', true);
  const newOrderAmount = sterling(data.newOrderAmount, 'newOrderAmount');

  switch (data.section) {
    case 's21': {
      if (!newBenefit) {
        refuse('invalid_state', 's.21 reconsiders the benefit: give it', 'newBenefitFigure');
      }
      if (order.convictedAt === undefined) {
        refuse(
          'invalid_state',
          'The order records no conviction date: s.21 is limited to 6 years from it',
          'convictedAt',
        );
      }
      // The 6 years starting with the date of conviction end the day before the 6th anniversary.
      const deadline = addMonths(order.convictedAt, 72);
      if ((appliedAt ?? on) >= deadline) {
        refuse(
          'invalid_state',
          `s.21 applications must be made within 6 years of the conviction on ${order.convictedAt}`,
          appliedAt === undefined ? 'section' : 'appliedAt',
        );
      }
      break;
    }
    case 's22': {
      if (!newAvailable) {
        refuse(
          'invalid_state',
          's.22 reconsiders the available amount: give it',
          'newAvailableAmount',
        );
      }
      if (newBenefit) {
        refuse('invalid_state', 's.22 does not change the benefit figure', 'newBenefitFigure');
      }
      if (newAvailable.gt(order.benefitFigure)) {
        refuse(
          'order_exceeds_benefit',
          `A s.22 available amount (${newAvailable.toString()}) may not exceed the benefit figure (${order.benefitFigure.toString()})`,
          'newAvailableAmount',
        );
      }
      if (newOrderAmount.lt(order.orderAmount)) {
        refuse(
          'invalid_state',
          's.22 can only increase the order (s.23 reduces it)',
          'newOrderAmount',
        );
      }
      break;
    }
    case 's23': {
      if (newBenefit) {
        refuse('invalid_state', 's.23 does not change the benefit figure', 'newBenefitFigure');
      }
      if (!newOrderAmount.lt(order.orderAmount)) {
        refuse(
          'invalid_state',
          `s.23 reduces the order: below ${order.orderAmount.toString()}`,
          'newOrderAmount',
        );
      }
      break;
    }
    case 'appeal':
      break;
    default: {
      const unknown: never = data.section;
      throw new Error(`Unknown section ${JSON.stringify(unknown)}`);
    }
  }

  const benefit = newBenefit ?? order.benefitFigure;
  if (newOrderAmount.gt(benefit)) {
    refuse(
      'order_exceeds_benefit',
      `The amount ordered (${newOrderAmount.toString()}) is more than the benefit figure (${benefit.toString()})`,
      'newOrderAmount',
    );
  }
  const paid = accruedInterest(interestInputOf(state, on)).principalPaid;
  if (newOrderAmount.lt(paid)) {
    refuse(
      'invalid_state',
      `${paid.toString()} is already paid: the order cannot be varied below it here (a refund is outside the ledger)`,
      'newOrderAmount',
    );
  }

  const current = currentSchedule(state);
  const rule = timeToPayRuleFor(order.orderDate);
  const latest = addMonths(on, rule.initialMonths);
  const instalments =
    data.instalments === undefined
      ? derivedSchedule(current, newOrderAmount, on)
      : parseSchedule(data.instalments, newOrderAmount, (x, i) => {
          if (current[i]?.dueDate === x.dueDate) return; // an instalment kept as it was
          if (x.dueDate < on) {
            refuse('invalid_date', `Due before the variation (${on})`, `instalments.${i}.dueDate`);
          }
          if (x.dueDate > latest) {
            refuse(
              'time_to_pay_too_long',
              `Due more than ${rule.initialMonths} months after the variation (latest ${latest})`,
              `instalments.${i}.dueDate`,
              { latest },
            );
          }
        });
  const defaultTermMonths =
    data.defaultTermMonths === undefined
      ? undefined
      : wholeMonths(data.defaultTermMonths, 'defaultTermMonths');
  const compensation =
    data.compensation === undefined
      ? undefined
      : compensationOf(data.compensation, newOrderAmount, 'compensation.amount');
  if (!compensation && order.compensation && order.compensation.amount.gt(newOrderAmount)) {
    refuse(
      'compensation_exceeds_order',
      `The compensation directed (${order.compensation.amount.toString()}) would exceed the order: give the new compensation`,
      'newOrderAmount',
    );
  }

  return [
    {
      type: 'ConfiscationOrderVaried',
      data: {
        section: data.section,
        ...(newBenefit && { newBenefitFigure: newBenefit.toJSON() }),
        ...(newAvailable && { newAvailableAmount: newAvailable.toJSON() }),
        newOrderAmount: newOrderAmount.toJSON(),
        instalments: instalments.map(instalmentJson),
        ...(defaultTermMonths !== undefined && { defaultTermMonths }),
        ...(compensation && {
          compensation: { amount: compensation.amount.toJSON(), payee: compensation.payee },
        }),
        ...(appliedAt !== undefined && { appliedAt }),
        reason,
        warnings: defaultTermWarnings(
          newOrderAmount.amount,
          defaultTermMonths ?? order.defaultTermMonths,
          order.orderDate,
        ),
        occurredAt: at,
      },
    },
  ];
}

function appointReceiver(
  command: AppointEnforcementReceiver,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  existingOrder(state);
  const receiver = nonEmpty(command.data.receiver, 'receiver');
  if (state.enforcementReceivers.includes(receiver)) {
    refuse('invalid_state', `${receiver} is already the enforcement receiver`, 'receiver');
  }
  return [{ type: 'EnforcementReceiverAppointed', data: { receiver, occurredAt: at } }];
}

function receivePayment(
  command: ReceivePayment,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  const order = existingOrder(state);
  const data = command.data;
  const on = londonDateOf(at);
  const receiptId = nonEmpty(data.receiptId, 'receiptId');
  if (state.payments.some((p) => p.receiptId === receiptId)) {
    refuse('already_exists', `Receipt ${receiptId} is already recorded on this order`, 'receiptId');
  }
  const amount = sterling(data.amount, 'amount');
  if (!(PAYMENT_METHODS as readonly string[]).includes(data.method)) {
    refuse('invalid_state', `method must be one of ${PAYMENT_METHODS.join(', ')}`, 'method');
  }
  if (data.method === 'asset_realisation' && !data.assetId) {
    refuse('invalid_state', 'A receipt from an asset realisation names the asset', 'assetId');
  }
  const reference = nonEmpty(data.reference, 'reference');
  if (on < order.orderDate) {
    refuse('invalid_date', `Before the order date ${order.orderDate}`, 'occurredAt');
  }

  // Outstanding = principal unpaid + interest accrued as at the receipt date (rounded to the
  // penny, as posted) − interest already paid. Paying exactly that is accepted; a penny more is not.
  const outstanding = accruedInterest(interestInputOf(state, on)).outstanding.rounded;
  if (amount.gt(outstanding)) {
    refuse(
      'overpayment',
      `${amount.toString()} is more than the ${outstanding.toString()} outstanding on ${on}`,
      'amount',
      { outstanding: outstanding.toJSON().amount, asAt: on },
    );
  }
  const event: ConfiscationEvent = {
    type: 'PaymentReceived',
    data: {
      receiptId,
      amount: amount.toJSON(),
      method: data.method,
      ...(data.assetId !== undefined && { assetId: data.assetId }),
      reference,
      occurredAt: at,
    },
  };
  // A receipt dated before others already recorded (or before a variation) must not make the
  // order overpaid as at those later dates.
  const latest = [
    ...state.payments.map((p) => p.date),
    ...state.schedules.map((v) => v.from),
  ].reduce((max, date) => (date > max ? date : max), on);
  if (latest > on) {
    const after = accruedInterest(interestInputOf(evolve(state, event), latest)).outstanding
      .rounded;
    if (after.isNegative()) {
      refuse(
        'overpayment',
        `With the receipts recorded after ${on}, this overpays the order`,
        'amount',
        {
          overpaidBy: after.negated().toJSON().amount,
          asAt: latest,
        },
      );
    }
  }
  return [event];
}

function activateDefaultTerm(
  command: ActivateDefaultTerm,
  state: ConfiscationState,
  at: string,
): ConfiscationEvent[] {
  const order = existingOrder(state);
  const on = londonDateOf(at);
  if (state.defaultTermActivated) refuse('invalid_state', 'The default term is already activated');
  const months =
    command.data.months === undefined
      ? order.defaultTermMonths
      : wholeMonths(command.data.months, 'months');
  if (months > order.defaultTermMonths) {
    refuse(
      'invalid_state',
      `The court fixed a default term of ${order.defaultTermMonths} months`,
      'months',
    );
  }
  const position = accruedInterest(interestInputOf(state, on));
  if (!position.outstanding.rounded.isPositive()) {
    refuse('invalid_state', 'Nothing is outstanding on the order');
  }
  const overdue = position.perInstalment.some(
    (x) => x.unpaid.isPositive() && x.dueDate < on && !pendingRequest(state, x.index),
  );
  if (!overdue) refuse('invalid_state', `No instalment is overdue on ${on}`);
  return [{ type: 'DefaultTermActivated', data: { months, occurredAt: at } }];
}

export function decide(
  command: ConfiscationCommand,
  state: ConfiscationState,
): ConfiscationEvent[] {
  const at = occurredAt(command.data.occurredAt, command.now);
  switch (command.type) {
    case 'MakeConfiscationOrder':
      return makeOrder(command, state, at);
    case 'ApplyForTimeToPayExtension':
      return applyForExtension(command, state, at);
    case 'ExtendTimeToPay':
      return extendTimeToPay(command, state, at);
    case 'RefuseTimeToPayExtension':
      return refuseExtension(command, state, at);
    case 'VaryConfiscationOrder':
      return varyOrder(command, state, at);
    case 'AppointEnforcementReceiver':
      return appointReceiver(command, state, at);
    case 'ReceivePayment':
      return receivePayment(command, state, at);
    case 'ActivateDefaultTerm':
      return activateDefaultTerm(command, state, at);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown confiscation command ${JSON.stringify(unknown)}`);
    }
  }
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
    default:
      return state;
  }
}

export const confiscationDecider: Decider<
  ConfiscationCommand,
  ConfiscationEvent,
  ConfiscationState
> = {
  decide,
  evolve,
  initialState: initialConfiscationState,
};
