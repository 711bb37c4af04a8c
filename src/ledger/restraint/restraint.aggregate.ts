import { Aggregate } from '../command-handling/command-handler';
import { RestraintCommand } from './restraint.commands';
import { restraintDecider, RestraintState } from './restraint.decider';
import { RestraintEvent, restraintStream } from './restraint.events';

export const restraintAggregate: Aggregate<RestraintCommand, RestraintEvent, RestraintState> = {
  name: 'restraint',
  stream: restraintStream,
  caseOf: (state) => state.caseId,
  decider: restraintDecider,
};
