import { refuse } from '../../common/domain-error';
import { londonDateOf } from '../../common/time';
import { requiredText } from '../command-fields';
import { accruedInterest } from '../recovery/interest';
import {
  ActivateDefaultTerm,
  AppointEnforcementReceiver,
  RecordDefaultTermServed,
} from './confiscation.commands';
import {
  DefaultTermActivated,
  DefaultTermServed,
  EnforcementReceiverAppointed,
} from './confiscation.events';
import { wholeMonths } from './confiscation.figures';
import { interestInputOf } from './confiscation.position';
import { ConfiscationState, existingOrder, pendingRequest } from './confiscation.state';

/** EnforcementReceiverAppointed (s.50): each receiver once. */
export function appointReceiver(
  command: AppointEnforcementReceiver,
  state: ConfiscationState,
  at: string,
): EnforcementReceiverAppointed[] {
  existingOrder(state);
  const receiver = requiredText(command.data.receiver, 'receiver');
  if (state.enforcementReceivers.includes(receiver)) {
    refuse('invalid_state', `${receiver} is already the enforcement receiver`, 'receiver');
  }
  return [{ type: 'EnforcementReceiverAppointed', data: { receiver, occurredAt: at } }];
}

/**
 * DefaultTermActivated: once, for at most the term the court fixed, while something is
 * outstanding and an instalment is overdue (one with an extension application pending is not).
 */
export function activateDefaultTerm(
  command: ActivateDefaultTerm,
  state: ConfiscationState,
  at: string,
): DefaultTermActivated[] {
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

/**
 * DefaultTermServed: once, after the term was activated, dated no earlier than the activation.
 * Nothing else changes: the order stays payable and interest keeps running (s.38(5)).
 */
export function recordDefaultTermServed(
  _command: RecordDefaultTermServed,
  state: ConfiscationState,
  at: string,
): DefaultTermServed[] {
  existingOrder(state);
  const on = londonDateOf(at);
  const activated = state.defaultTermActivated;
  if (!activated) refuse('invalid_state', 'The default term has not been activated');
  if (state.defaultTermServed) refuse('invalid_state', 'The default term is already served');
  if (on < activated.on) {
    refuse('invalid_date', `Before the term was activated on ${activated.on}`, 'occurredAt');
  }
  return [{ type: 'DefaultTermServed', data: { occurredAt: at } }];
}
