import { DomainCommand } from '../decider';
import { CaseOpened, CaseShared, SubjectAdded } from './case.events';

type WithOccurredAt<T> = Omit<T, 'occurredAt'> & { occurredAt?: string };

export type OpenCase = DomainCommand<'OpenCase', WithOccurredAt<CaseOpened['data']>>;
export type AddSubject = DomainCommand<'AddSubject', WithOccurredAt<SubjectAdded['data']>>;
export type ShareCase = DomainCommand<'ShareCase', WithOccurredAt<CaseShared['data']>>;
export type RevokeCaseSharing = DomainCommand<
  'RevokeCaseSharing',
  { agency: string; reason: string; occurredAt?: string }
>;
export type CloseCase = DomainCommand<'CloseCase', { reason: string; occurredAt?: string }>;

export type CaseCommand = OpenCase | AddSubject | ShareCase | RevokeCaseSharing | CloseCase;
