import { refuse } from '../../common/domain-error';
import { addMonths, assertNotFuture, londonDateOf, parseIsoDate } from '../../common/time';
import { requiredText } from '../command-fields';
import { accruedInterest } from '../recovery/interest';
import {
  ApplyForTimeToPayExtension,
  ExtendTimeToPay,
  RefuseTimeToPayExtension,
} from './confiscation.commands';
import {
  TimeToPayExtended,
  TimeToPayExtensionApplied,
  TimeToPayExtensionRefused,
} from './confiscation.events';
import { timeToPayRuleFor } from './confiscation.parameters';
import { interestInputOf } from './confiscation.position';
import {
  ConfiscationState,
  currentSchedule,
  existingOrder,
  pendingRequest,
} from './confiscation.state';
import { assertNotBeforeLastSchedule } from './schedule.rules';

/*
 * Time to pay (s.11): an instalment is extended only on an application made before it falls due
 * (s.11(4)), never beyond the longest period from the order date (6 months; 12 before June 2015).
 */

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

export function applyForExtension(
  command: ApplyForTimeToPayExtension,
  state: ConfiscationState,
  at: string,
): TimeToPayExtensionApplied[] {
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

export function extendTimeToPay(
  command: ExtendTimeToPay,
  state: ConfiscationState,
  at: string,
): TimeToPayExtended[] {
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

export function refuseExtension(
  command: RefuseTimeToPayExtension,
  state: ConfiscationState,
  at: string,
): TimeToPayExtensionRefused[] {
  existingOrder(state);
  const on = londonDateOf(at);
  const reason = requiredText(command.data.reason, 'reason');
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
