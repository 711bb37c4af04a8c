import { DomainEvent } from '../decider';

export const JURISDICTIONS = ['E&W', 'NI'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const SUBJECT_ROLES = ['suspect', 'defendant', 'respondent', 'third_party'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export type CaseOpened = DomainEvent<
  'CaseOpened',
  {
    caseId: string;
    reference: string;
    title: string;
    operation?: string;
    leadAgency: string;
    prosecutingAgency?: string;
    jurisdiction: Jurisdiction;
    offenceType?: string;
    occurredAt: string;
  }
>;

export type SubjectAdded = DomainEvent<
  'SubjectAdded',
  { subjectId: string; name: string; role: SubjectRole; dateOfBirth?: string; occurredAt: string }
>;

export type CaseShared = DomainEvent<
  'CaseShared',
  { agency: string; reason: string; occurredAt: string }
>;

export type CaseSharingRevoked = DomainEvent<
  'CaseSharingRevoked',
  { agency: string; reason: string; occurredAt: string }
>;

export type CaseClosed = DomainEvent<'CaseClosed', { reason: string; occurredAt: string }>;

export type CaseEvent = CaseOpened | SubjectAdded | CaseShared | CaseSharingRevoked | CaseClosed;

export const caseStream = (caseId: string) => `case-${caseId}`;
