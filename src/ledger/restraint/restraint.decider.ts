import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { assertNotFuture, londonDateOf, parseIsoDate } from '../../common/time';
import { Decider } from '../decider';
import { occurredAt } from '../occurred-at';
import { RestraintAssetContext, RestraintCommand } from './restraint.commands';
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

function activeOrder(
  state: RestraintState,
): RestraintState & { exists: true; caseId: string; madeOn: string } {
  if (!state.exists) refuse('not_found', 'No such restraint order');
  if (state.discharged) {
    refuse('order_discharged', `Restraint order ${state.orderRef} is discharged`);
  }
  return state as RestraintState & { exists: true; caseId: string; madeOn: string };
}

function nonEmpty(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    refuse('invalid_state', 'is required', field);
  }
  return value;
}

function idList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse('invalid_state', 'must be a list of ids', field);
  value.forEach((id: unknown, i) => {
    nonEmpty(id, `${field}.${i}`);
    if (value.indexOf(id) !== i) {
      refuse('invalid_state', `${String(id)} is listed twice`, `${field}.${i}`);
    }
  });
  return value as string[];
}

/**
 * The assets an order may newly cover: each exists, belongs to the order's case, is still held and
 * is under no other active restraint order.
 */
function checkRestrainable(
  assetIds: string[],
  assets: RestraintAssetContext,
  caseId: string,
  restraintOrderId: string,
  field: string,
): void {
  assetIds.forEach((assetId, i) => {
    const asset = assets[assetId];
    if (!asset?.exists) refuse('not_found', `No such asset ${assetId}`, `${field}.${i}`);
    if (asset.caseId !== caseId) {
      refuse(
        'invalid_state',
        `Asset ${assetId} belongs to case ${asset.caseId}, not ${caseId}`,
        `${field}.${i}`,
      );
    }
    if (!asset.held) {
      refuse('asset_not_held', `Asset ${assetId} is no longer held`, `${field}.${i}`);
    }
    const others = asset.restrainedBy.filter((id) => id !== restraintOrderId);
    if (others.length > 0) {
      refuse(
        'already_restrained',
        `Asset ${assetId} is under restraint order ${others.join(', ')}`,
        `${field}.${i}`,
        {
          restrainedBy: others.join(','),
        },
      );
    }
  });
}

function exceptionsOf(
  value: RestraintException[] | undefined,
  field: string,
): RestraintException[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) refuse('invalid_state', 'must be a list of exceptions', field);
  return value.map((x, i) => {
    const purpose = nonEmpty(x?.purpose, `${field}.${i}.purpose`);
    if (x.amountPerWeek === undefined) return { purpose };
    return {
      purpose,
      amountPerWeek: Money.positive(x.amountPerWeek, `${field}.${i}.amountPerWeek`).toJSON(),
    };
  });
}

export function decide(command: RestraintCommand, state: RestraintState): RestraintEvent[] {
  const at = occurredAt(command.data.occurredAt, command.now);
  switch (command.type) {
    case 'MakeRestraintOrder': {
      const { data, context } = command;
      if (state.exists) {
        refuse(
          'already_exists',
          `Restraint order ${data.restraintOrderId} already exists`,
          'restraintOrderId',
        );
      }
      if (!context.case.exists) refuse('not_found', `No such case ${data.caseId}`, 'caseId');
      if (context.case.closed) refuse('case_closed', `Case ${data.caseId} is closed`, 'caseId');
      if (!context.subjectExists) {
        refuse('not_found', `No subject ${data.subjectId} on the case`, 'subjectId');
      }
      const assetIds = idList(data.assetIds, 'assetIds');
      if (assetIds.length === 0 && !data.coversAllRealisableProperty) {
        refuse(
          'invalid_state',
          'Name the assets restrained, or cover all realisable property',
          'assetIds',
        );
      }
      checkRestrainable(assetIds, context.assets, data.caseId, data.restraintOrderId, 'assetIds');
      const exceptions = exceptionsOf(data.exceptions, 'exceptions');
      return [
        {
          type: 'RestraintOrderMade',
          data: {
            restraintOrderId: data.restraintOrderId,
            caseId: data.caseId,
            subjectId: data.subjectId,
            orderRef: data.orderRef,
            court: data.court,
            assetIds,
            coversAllRealisableProperty: data.coversAllRealisableProperty,
            ...(exceptions && { exceptions }),
            occurredAt: at,
          },
        },
      ];
    }
    case 'VaryRestraintOrder': {
      const current = activeOrder(state);
      const { data, context } = command;
      const reason = nonEmpty(data.reason, 'reason');
      const added = idList(data.addedAssetIds, 'addedAssetIds');
      const removed = idList(data.removedAssetIds, 'removedAssetIds');
      const exceptions = exceptionsOf(data.exceptions, 'exceptions');
      if (added.length === 0 && removed.length === 0 && exceptions === undefined) {
        refuse(
          'invalid_state',
          'A variation adds or removes assets or changes the exceptions',
          'addedAssetIds',
        );
      }
      added.forEach((assetId, i) => {
        if (current.assetIds.includes(assetId)) {
          refuse('invalid_state', `Asset ${assetId} is already on the order`, `addedAssetIds.${i}`);
        }
      });
      removed.forEach((assetId, i) => {
        if (!current.assetIds.includes(assetId)) {
          refuse('invalid_state', `Asset ${assetId} is not on the order`, `removedAssetIds.${i}`);
        }
      });
      checkRestrainable(
        added,
        context.assets,
        current.caseId,
        current.restraintOrderId as string,
        'addedAssetIds',
      );
      return [
        {
          type: 'RestraintOrderVaried',
          data: {
            addedAssetIds: added,
            removedAssetIds: removed,
            ...(exceptions && { exceptions }),
            reason,
            occurredAt: at,
          },
        },
      ];
    }
    case 'AppointManagementReceiver': {
      const current = activeOrder(state);
      const receiver = nonEmpty(command.data.receiver, 'receiver');
      const appointedAt =
        command.data.appointedAt === undefined
          ? londonDateOf(at)
          : parseIsoDate(command.data.appointedAt, 'appointedAt');
      assertNotFuture(appointedAt, command.now, 'appointedAt');
      if (appointedAt < current.madeOn) {
        refuse('invalid_date', `Before the order was made (${current.madeOn})`, 'appointedAt');
      }
      if (current.receiver?.receiver === receiver) {
        refuse('invalid_state', `${receiver} is already the management receiver`, 'receiver');
      }
      return [
        { type: 'ManagementReceiverAppointed', data: { receiver, appointedAt, occurredAt: at } },
      ];
    }
    case 'DischargeRestraintOrder': {
      activeOrder(state);
      const reason = nonEmpty(command.data.reason, 'reason');
      return [{ type: 'RestraintOrderDischarged', data: { reason, occurredAt: at } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown restraint command ${JSON.stringify(unknown)}`);
    }
  }
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

export const restraintDecider: Decider<RestraintCommand, RestraintEvent, RestraintState> = {
  decide,
  evolve,
  initialState: initialRestraintState,
};
