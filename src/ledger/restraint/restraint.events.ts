import { MoneyJson } from '../../common/money';
import { DomainEvent } from '../decider';

/** An exception to a restraint order, e.g. living or legal expenses (s.41(3)). */
export interface RestraintException {
  purpose: string;
  amountPerWeek?: MoneyJson;
}

export type RestraintOrderMade = DomainEvent<
  'RestraintOrderMade',
  {
    restraintOrderId: string;
    caseId: string;
    subjectId: string;
    orderRef: string;
    court: string;
    assetIds: string[];
    coversAllRealisableProperty: boolean;
    exceptions?: RestraintException[];
    occurredAt: string;
  }
>;

/** `exceptions`, when present, replaces the order's exceptions as a whole. */
export type RestraintOrderVaried = DomainEvent<
  'RestraintOrderVaried',
  {
    addedAssetIds: string[];
    removedAssetIds: string[];
    exceptions?: RestraintException[];
    reason: string;
    occurredAt: string;
  }
>;

export type ManagementReceiverAppointed = DomainEvent<
  'ManagementReceiverAppointed',
  { receiver: string; appointedAt: string; occurredAt: string }
>;

export type RestraintOrderDischarged = DomainEvent<
  'RestraintOrderDischarged',
  { reason: string; occurredAt: string }
>;

export type RestraintEvent =
  | RestraintOrderMade
  | RestraintOrderVaried
  | ManagementReceiverAppointed
  | RestraintOrderDischarged;

export const restraintStream = (restraintOrderId: string) => `restraint-${restraintOrderId}`;
