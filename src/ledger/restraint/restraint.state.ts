import { refuse } from '../../common/domain-error';
import { londonDateOf } from '../../common/time';
import { RestraintEvent, RestraintException } from './restraint.events';

export interface RestraintState {
  exists: boolean;
  discharged: boolean;
  restraintOrderId?: string;
  caseId?: string;
  subjectId?: string;
  orderRef?: string;
  court?: string;
  /** The London date of the order's `occurredAt`. */
  madeOn?: string;
  /** The assets the order covers now (after variations). */
  assetIds: string[];
  coversAllRealisableProperty: boolean;
  exceptions: RestraintException[];
  receiver?: { receiver: string; appointedAt: string };
}

export const initialRestraintState: RestraintState = {
  exists: false,
  discharged: false,
  assetIds: [],
  coversAllRealisableProperty: false,
  exceptions: [],
};

/** A restraint order that is made and not discharged. */
export type ActiveRestraintOrder = RestraintState & {
  exists: true;
  caseId: string;
  madeOn: string;
};

/** The order the command is about: `not_found` before it is made, `order_discharged` after. */
export function activeOrder(state: RestraintState): ActiveRestraintOrder {
  if (!state.exists) refuse('not_found', 'No such restraint order');
  if (state.discharged) {
    refuse('order_discharged', `Restraint order ${state.orderRef} is discharged`);
  }
  return state as ActiveRestraintOrder;
}

export function evolve(state: RestraintState, event: RestraintEvent): RestraintState {
  switch (event.type) {
    case 'RestraintOrderMade':
      return {
        ...state,
        exists: true,
        restraintOrderId: event.data.restraintOrderId,
        caseId: event.data.caseId,
        subjectId: event.data.subjectId,
        orderRef: event.data.orderRef,
        court: event.data.court,
        madeOn: londonDateOf(event.data.occurredAt),
        assetIds: [...event.data.assetIds],
        coversAllRealisableProperty: event.data.coversAllRealisableProperty,
        exceptions: event.data.exceptions ?? [],
      };
    case 'RestraintOrderVaried':
      return {
        ...state,
        assetIds: [
          ...state.assetIds.filter((id) => !event.data.removedAssetIds.includes(id)),
          ...event.data.addedAssetIds,
        ],
        exceptions: event.data.exceptions ?? state.exceptions,
      };
    case 'ManagementReceiverAppointed':
      return {
        ...state,
        receiver: { receiver: event.data.receiver, appointedAt: event.data.appointedAt },
      };
    case 'RestraintOrderDischarged':
      return { ...state, discharged: true };
    default:
      return state;
  }
}
