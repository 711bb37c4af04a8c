import { Decider } from '../decider';
import { occurredAt } from '../occurred-at';
import { RestraintCommand } from './restraint.commands';
import { RestraintEvent } from './restraint.events';
import {
  appointManagementReceiver,
  dischargeRestraintOrder,
  makeRestraintOrder,
  varyRestraintOrder,
} from './restraint.rules';
import { evolve, initialRestraintState, RestraintState } from './restraint.state';

export { evolve } from './restraint.state';

export function decide(command: RestraintCommand, state: RestraintState): RestraintEvent[] {
  const at = occurredAt(command.data.occurredAt, command.now);
  switch (command.type) {
    case 'MakeRestraintOrder':
      return makeRestraintOrder(command, state, at);
    case 'VaryRestraintOrder':
      return varyRestraintOrder(command, state, at);
    case 'AppointManagementReceiver':
      return appointManagementReceiver(command, state, at);
    case 'DischargeRestraintOrder':
      return dischargeRestraintOrder(command, state, at);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown restraint command ${JSON.stringify(unknown)}`);
    }
  }
}

export const restraintDecider: Decider<RestraintCommand, RestraintEvent, RestraintState> = {
  decide,
  evolve,
  initialState: initialRestraintState,
};
