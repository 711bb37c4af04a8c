import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { assertNotFuture, londonDateOf, parseIsoDate } from '../../common/time';
import { requiredText } from '../command-fields';
import {
  AppointManagementReceiver,
  DischargeRestraintOrder,
  MakeRestraintOrder,
  RestraintAssetContext,
  VaryRestraintOrder,
} from './restraint.commands';
import {
  ManagementReceiverAppointed,
  RestraintException,
  RestraintOrderDischarged,
  RestraintOrderMade,
  RestraintOrderVaried,
} from './restraint.events';
import { activeOrder, RestraintState } from './restraint.state';

function idList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse('invalid_state', 'must be a list of ids', field);
  value.forEach((id: unknown, i) => {
    requiredText(id, `${field}.${i}`);
    if (value.indexOf(id) !== i) {
      refuse('invalid_state', `${String(id)} is listed twice`, `${field}.${i}`);
    }
  });
  return value as string[];
}

/**
 * The assets an order may newly cover: each exists, belongs to the order's case and is still held.
 * Another active order over the same asset is lawful (co-defendants, jointly held property): it is
 * recorded, and `concurrentRestraints` says so in the answer.
 */
function checkRestrainable(
  assetIds: string[],
  assets: RestraintAssetContext,
  caseId: string,
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
  });
}

/** A warning in a command's answer: recorded, but worth a second look. */
export interface RuleWarning {
  code: 'already_restrained';
  path: string;
  detail: string;
  restrainedBy: string[];
}

/**
 * The assets of `assetIds` already under another active restraint order: lawful (two orders may
 * bind one asset, e.g. co-defendants or jointly held property), so the order is recorded and each
 * such asset is a warning, not a refusal.
 */
export function concurrentRestraints(
  assetIds: string[],
  assets: RestraintAssetContext,
  restraintOrderId: string,
  field: string,
): RuleWarning[] {
  return assetIds.flatMap((assetId, i) => {
    const others = (assets[assetId]?.restrainedBy ?? []).filter((id) => id !== restraintOrderId);
    if (others.length === 0) return [];
    return [
      {
        code: 'already_restrained' as const,
        path: `${field}.${i}`,
        detail: `Asset ${assetId} is also under restraint order ${others.join(', ')}: both bind it until each is varied or discharged`,
        restrainedBy: others,
      },
    ];
  });
}

function exceptionsOf(
  value: RestraintException[] | undefined,
  field: string,
): RestraintException[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) refuse('invalid_state', 'must be a list of exceptions', field);
  return value.map((x, i) => {
    const purpose = requiredText(x?.purpose, `${field}.${i}.purpose`);
    if (x.amountPerWeek === undefined) return { purpose };
    return {
      purpose,
      amountPerWeek: Money.positive(x.amountPerWeek, `${field}.${i}.amountPerWeek`).toJSON(),
    };
  });
}

/**
 * RestraintOrderMade: the case exists and is open, the subject is on it, and the order names
 * restrainable assets or covers all realisable property.
 */
export function makeRestraintOrder(
  command: MakeRestraintOrder,
  state: RestraintState,
  at: string,
): RestraintOrderMade[] {
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
  checkRestrainable(assetIds, context.assets, data.caseId, 'assetIds');
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

/** RestraintOrderVaried: adds assets not on it, removes assets on it, or replaces the exceptions. */
export function varyRestraintOrder(
  command: VaryRestraintOrder,
  state: RestraintState,
  at: string,
): RestraintOrderVaried[] {
  const current = activeOrder(state);
  const { data, context } = command;
  const reason = requiredText(data.reason, 'reason');
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
  checkRestrainable(added, context.assets, current.caseId, 'addedAssetIds');
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

/** ManagementReceiverAppointed: appointed (not in the future) on or after the order was made. */
export function appointManagementReceiver(
  command: AppointManagementReceiver,
  state: RestraintState,
  at: string,
): ManagementReceiverAppointed[] {
  const current = activeOrder(state);
  const receiver = requiredText(command.data.receiver, 'receiver');
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
  return [{ type: 'ManagementReceiverAppointed', data: { receiver, appointedAt, occurredAt: at } }];
}

export function dischargeRestraintOrder(
  command: DischargeRestraintOrder,
  state: RestraintState,
  at: string,
): RestraintOrderDischarged[] {
  activeOrder(state);
  const reason = requiredText(command.data.reason, 'reason');
  return [{ type: 'RestraintOrderDischarged', data: { reason, occurredAt: at } }];
}
