import { refuse } from '../../common/domain-error';
import { FxRate } from '../../common/money';
import { Category, Power } from './asset.events';
import { AssetState, AssetStatus, isHeld } from './asset.state';

/** The state of an asset that exists: the fields every seizure sets. */
export type ExistingAsset = AssetState & {
  exists: true;
  status: AssetStatus;
  assetId: string;
  caseId: string;
  exhibitRef: string;
  power: Power;
  powerSince: string;
  category: Category;
  custodyLocation: string;
  seizedAt: string;
};

const STATUS_TEXT: Record<AssetStatus, string> = {
  held: 'held',
  detained: 'detained',
  notice_given: 'under a forfeiture notice',
  forfeiture_applied: 'the subject of a forfeiture application',
  forfeited: 'forfeited',
  released: 'released',
  realised: 'realised',
  destroyed: 'destroyed',
  voided: 'voided',
};

/** `not_found` unless the asset exists. */
export function existing(state: AssetState): ExistingAsset {
  if (!state.exists) refuse('not_found', 'No such asset');
  return state as ExistingAsset;
}

/** `asset_not_held` unless the asset is still held (see isHeld). */
export function held(state: AssetState): ExistingAsset {
  const asset = existing(state);
  if (!isHeld(asset)) {
    const paidOver = asset.status === 'forfeited' ? ' and paid over' : '';
    refuse(
      'asset_not_held',
      `Asset ${asset.exhibitRef} is ${STATUS_TEXT[asset.status]}${paidOver}`,
      undefined,
      {
        status: asset.status,
      },
    );
  }
  return asset;
}

/** `invalid_state` unless the asset's status is one of `allowed`. */
export function requireStatus(
  asset: ExistingAsset,
  allowed: readonly AssetStatus[],
  action: string,
  field?: string,
): void {
  if (!allowed.includes(asset.status)) {
    refuse(
      'invalid_state',
      `Cannot ${action} while the asset is ${STATUS_TEXT[asset.status]}`,
      field,
      {
        status: asset.status,
      },
    );
  }
}

/** The rates recorded on the stream, as FxRate values (they were validated when recorded). */
export function recordedRates(asset: AssetState): Map<string, FxRate> {
  return new Map(asset.fx.map(({ currency, ...json }) => [currency, FxRate.parse(currency, json)]));
}
