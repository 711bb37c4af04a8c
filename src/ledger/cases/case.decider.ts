import { refuse } from '../../common/domain-error';
import { Decider } from '../decider';
import { occurredAt } from '../occurred-at';
import { CaseCommand } from './case.commands';
import { CaseEvent, Jurisdiction, SubjectRole } from './case.events';

export interface CaseState {
  exists: boolean;
  closed: boolean;
  caseId?: string;
  reference?: string;
  operation?: string;
  leadAgency?: string;
  jurisdiction?: Jurisdiction;
  sharedWith: string[];
  subjects: Record<string, { name: string; role: SubjectRole }>;
}

export const initialCaseState: CaseState = {
  exists: false,
  closed: false,
  sharedWith: [],
  subjects: {},
};

function openCase(state: CaseState): CaseState & { exists: true } {
  if (!state.exists) refuse('not_found', 'No such case');
  if (state.closed) refuse('case_closed', `Case ${state.reference} is closed`);
  return state as CaseState & { exists: true };
}

export function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  const at = occurredAt(command.data.occurredAt, command.now);
  switch (command.type) {
    case 'OpenCase': {
      if (state.exists) refuse('already_exists', `Case ${command.data.caseId} already exists`);
      return [{ type: 'CaseOpened', data: { ...command.data, occurredAt: at } }];
    }
    case 'AddSubject': {
      const current = openCase(state);
      if (current.subjects[command.data.subjectId]) {
        refuse(
          'already_exists',
          `Subject ${command.data.subjectId} is already on the case`,
          'subjectId',
        );
      }
      return [{ type: 'SubjectAdded', data: { ...command.data, occurredAt: at } }];
    }
    case 'ShareCase': {
      const current = openCase(state);
      const { agency } = command.data;
      if (agency === current.leadAgency)
        refuse('invalid_state', `${agency} leads this case`, 'agency');
      if (current.sharedWith.includes(agency)) {
        refuse('invalid_state', `The case is already shared with ${agency}`, 'agency');
      }
      return [{ type: 'CaseShared', data: { ...command.data, occurredAt: at } }];
    }
    case 'RevokeCaseSharing': {
      const current = openCase(state);
      if (!current.sharedWith.includes(command.data.agency)) {
        refuse('invalid_state', `The case is not shared with ${command.data.agency}`, 'agency');
      }
      return [{ type: 'CaseSharingRevoked', data: { ...command.data, occurredAt: at } }];
    }
    case 'CloseCase': {
      openCase(state);
      return [{ type: 'CaseClosed', data: { ...command.data, occurredAt: at } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown case command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolve(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened':
      return {
        ...state,
        exists: true,
        caseId: event.data.caseId,
        reference: event.data.reference,
        operation: event.data.operation,
        leadAgency: event.data.leadAgency,
        jurisdiction: event.data.jurisdiction,
      };
    case 'SubjectAdded':
      return {
        ...state,
        subjects: {
          ...state.subjects,
          [event.data.subjectId]: { name: event.data.name, role: event.data.role },
        },
      };
    case 'CaseShared':
      return { ...state, sharedWith: [...state.sharedWith, event.data.agency] };
    case 'CaseSharingRevoked':
      return { ...state, sharedWith: state.sharedWith.filter((a) => a !== event.data.agency) };
    case 'CaseClosed':
      return { ...state, closed: true };
    default:
      return state;
  }
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide,
  evolve,
  initialState: initialCaseState,
};
