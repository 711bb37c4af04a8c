import { Aggregate } from '../decider';
import { CaseCommand } from './case.commands';
import { caseDecider, CaseState } from './case.decider';
import { CaseEvent, caseStream } from './case.events';

export const caseAggregate: Aggregate<CaseCommand, CaseEvent, CaseState> = {
  name: 'case',
  stream: caseStream,
  caseOf: (state) => state.caseId,
  decider: caseDecider,
};
