import { Decider } from '../decider';
import { occurredAt } from '../occurred-at';
import { ConfiscationCommand } from './confiscation.commands';
import { ConfiscationEvent } from './confiscation.events';
import { ConfiscationState, evolve, initialConfiscationState } from './confiscation.state';
import { assertNotDischarged, dischargeOrder } from './discharge.rules';
import { activateDefaultTerm, appointReceiver, recordDefaultTermServed } from './enforcement.rules';
import { makeOrder } from './order.rules';
import { receivePayment } from './payment.rules';
import { applyForExtension, extendTimeToPay, refuseExtension } from './time-to-pay.rules';
import { varyOrder } from './variation.rules';

export { evolve } from './confiscation.state';

export function decide(
  command: ConfiscationCommand,
  state: ConfiscationState,
): ConfiscationEvent[] {
  const at = occurredAt(command.data.occurredAt, command.now);
  if (command.type !== 'MakeConfiscationOrder') assertNotDischarged(state);
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
    case 'RecordDefaultTermServed':
      return recordDefaultTermServed(command, state, at);
    case 'DischargeConfiscationOrder':
      return dischargeOrder(command, state, at);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown confiscation command ${JSON.stringify(unknown)}`);
    }
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
