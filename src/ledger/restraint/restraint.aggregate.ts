import { Aggregate } from '../decider';
import { RestraintCommand } from './restraint.commands';
import { restraintDecider } from './restraint.decider';
import { RestraintState } from './restraint.state';
import { RestraintEvent, restraintStream } from './restraint.events';

export const restraintAggregate: Aggregate<RestraintCommand, RestraintEvent, RestraintState> = {
  name: 'restraint',
  stream: restraintStream,
  caseOf: (state) => state.caseId,
  decider: restraintDecider,
};
