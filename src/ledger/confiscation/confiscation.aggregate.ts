import { Aggregate } from '../decider';
import { ConfiscationCommand } from './confiscation.commands';
import { confiscationDecider } from './confiscation.decider';
import { ConfiscationState } from './confiscation.state';
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
