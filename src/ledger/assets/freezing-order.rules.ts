import { refuse } from '../../common/domain-error';
import { assertNotFuture, londonDateOf, parseIsoDate } from '../../common/time';
import { SetFreezingOrderPeriod } from './asset.commands';
import { FreezingOrderPeriodSet } from './asset.events';
import { ExistingAsset, requireStatus } from './asset.guards';
import { AssetState } from './asset.state';
import { AssetTimeLimits, lastDayOfPeriod, timeLimits } from './time-limits';

/** When the account freezing order was made: as recorded, else when the account came under s.303Z1. */
export function freezingOrderMadeOn(state: AssetState): string | undefined {
  if (state.freezingOrder) return state.freezingOrder.madeOn;
  const since = state.detention?.firstStartedAt ?? state.powerSince ?? state.seizedAt;
  return since === undefined ? undefined : londonDateOf(since);
}

/**
 * The last day an account freezing order has effect: the period the court specified (as made or
 * varied), else the statutory maximum, s.303Z3(4): "may not exceed the period of 2 years, starting
 * with the day on which the account freezing order is (or was) made".
 */
export function freezingOrderEnds(
  state: AssetState,
  limits: AssetTimeLimits = timeLimits,
): { lastDay: string; madeOn: string; specified: boolean } | undefined {
  const madeOn = freezingOrderMadeOn(state);
  if (!madeOn) return undefined;
  if (state.freezingOrder) {
    return { lastDay: state.freezingOrder.expiresOn, madeOn, specified: true };
  }
  return { lastDay: lastDayOfPeriod(madeOn, limits.afoMaxMonths), madeOn, specified: false };
}

/**
 * FreezingOrderPeriodSet: the period an account freezing order has effect, as the court specified
 * it when making the order (s.303Z3(3)) or on a variation (s.303Z4). Only for accounts under
 * s.303Z1 (`power_not_applicable`); `made` once, then variations (`invalid_state`); the period
 * ends on or after the day it was made (`invalid_date`) and not beyond 2 years starting with that
 * day (`detention_order_too_long`).
 */
export function decideFreezingOrderPeriod(
  command: SetFreezingOrderPeriod,
  asset: ExistingAsset,
  at: string,
): FreezingOrderPeriodSet[] {
  const d = command.data;
  if (asset.power !== 'POCA_S303Z1_AFO') {
    refuse(
      'power_not_applicable',
      `only an account frozen under s.303Z1 has a freezing order period; this asset is held under ${asset.power}`,
      undefined,
      { power: asset.power },
    );
  }
  requireStatus(asset, ['held', 'detained', 'notice_given'], 'record the freezing order period');
  if (d.kind !== 'made' && d.kind !== 'variation') {
    refuse('invalid_state', 'kind is `made` or `variation`', 'kind');
  }
  if (d.kind === 'made' && asset.freezingOrder) {
    refuse(
      'invalid_state',
      `the order's period is already recorded (made ${asset.freezingOrder.madeOn}): record a variation (s.303Z4)`,
      'kind',
    );
  }
  if (d.kind === 'variation' && d.madeOn !== undefined) {
    refuse('invalid_state', 'a variation keeps the date the order was made', 'madeOn');
  }
  const madeOn =
    d.madeOn === undefined
      ? (freezingOrderMadeOn(asset) as string)
      : parseIsoDate(d.madeOn, 'madeOn');
  assertNotFuture(madeOn, command.now, 'madeOn');
  const expiresOn = parseIsoDate(d.expiresOn, 'expiresOn');
  if (expiresOn < madeOn) {
    refuse(
      'invalid_date',
      `the order was made on ${madeOn}: its period cannot end before`,
      'expiresOn',
    );
  }
  const latest = lastDayOfPeriod(madeOn, timeLimits.afoMaxMonths);
  if (expiresOn > latest) {
    refuse(
      'detention_order_too_long',
      `s.303Z3(4): the period "may not exceed the period of 2 years, starting with the day on which the account freezing order is (or was) made", ${madeOn}: at most ${latest}`,
      'expiresOn',
      { latest, madeOn },
    );
  }
  return [
    {
      type: 'FreezingOrderPeriodSet',
      data: {
        kind: d.kind,
        court: d.court,
        ...(d.orderRef !== undefined && { orderRef: d.orderRef }),
        madeOn,
        expiresOn,
        occurredAt: at,
      },
    },
  ];
}
