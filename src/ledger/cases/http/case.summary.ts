import { CaseContents } from '../../../projections/asset-register/case-contents.query';
import { CaseState } from '../case.decider';

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
  /** From the register: every asset seized on the case, and its restraint and confiscation orders. */
  assets?: CaseContents['assets'];
  orders?: CaseContents['orders'];
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
