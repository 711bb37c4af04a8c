import { Aggregate } from '../command-handling/command-handler';
import { ConfiscationCommand } from './confiscation.commands';
import { confiscationDecider, ConfiscationState } from './confiscation.decider';
import { ConfiscationEvent, confiscationStream } from './confiscation.events';

export const confiscationAggregate: Aggregate<
  ConfiscationCommand,
  ConfiscationEvent,
  ConfiscationState
> = {
  name: 'confiscation',
  stream: confiscationStream,
  caseOf: (state) => state.order?.caseId,
  decider: confiscationDecider,
};
