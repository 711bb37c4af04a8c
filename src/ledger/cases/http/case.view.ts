import { CaseState } from '../case.decider';

/** A case as its stream holds it (its reads add its assets and orders from the register). */
export interface CaseSummary {
  id: string;
  revision: string;
  reference: string;
  status: 'open' | 'closed';
  operation?: string;
  leadAgency: string;
  jurisdiction: string;
  sharedWith: string[];
  subjects: { subjectId: string; name: string; role: string }[];
}

export function toCaseSummary(id: string, state: CaseState, revision: bigint): CaseSummary {
  return {
    id,
    revision: revision.toString(),
    reference: state.reference ?? '',
    status: state.closed ? 'closed' : 'open',
    operation: state.operation,
    leadAgency: state.leadAgency ?? '',
    jurisdiction: state.jurisdiction ?? 'E&W',
    sharedWith: state.sharedWith,
    subjects: Object.entries(state.subjects).map(([subjectId, s]) => ({ subjectId, ...s })),
  };
}
