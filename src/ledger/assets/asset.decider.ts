import { refuse } from '../../common/domain-error';
import { CryptoQuantity, FxRate, Money, toGbp } from '../../common/money';
import { assertNotFuture, parseIsoDate } from '../../common/time';
import { Decider } from '../decider';
import { occurredAt } from '../occurred-at';
import {
  AssetCommand,
  LiftRestraint,
  PlaceUnderRestraint,
  RealiseAsset,
  ReleaseAsset,
  ValueAsset,
  WithdrawValuation,
} from './asset.commands';
import {
  AssetEvent,
  AssetPlacedUnderRestraint,
  AssetRealised,
  AssetReleased,
  AssetRestraintLifted,
  AssetValued,
  ValuationWithdrawn,
} from './asset.events';
import { existing, ExistingAsset, held, requireStatus } from './asset.guards';
import { withoutAbsent } from '../../common/objects';
import { isCryptoJson, nonNegative } from './declared-value.rules';
import { cryptoSterling, rateJson } from './exchange-rates.rules';
import { AssetState, evolve, initialAssetState } from './asset.state';
import { decideDetentionLimitExtension } from './detention-limits.rules';
import { decideDetention } from './detention.rules';
import { decideFreezingOrderPeriod } from './freezing-order.rules';
import { decideRestraintApplication } from './s47c-detention.rules';
import {
  decideInterestBearingAccount,
  decideInterestCredit,
  interestToAdd,
} from './seized-cash-interest.rules';
import {
  decideApplication,
  decideForfeiture,
  decideNotice,
  decideObjection,
  decideRefusal,
} from './forfeiture.rules';
import { decideLegalBasisChange, decideSeizure } from './seizure.rules';

export { currentValuation, evolve, initialAssetState } from './asset.state';
export type { AssetState } from './asset.state';

export function decide(command: AssetCommand, state: AssetState): AssetEvent[] {
  const at = occurredAt(command.data.occurredAt, command.now);
  switch (command.type) {
    case 'SeizeAsset':
      return decideSeizure(command, state, at);
    case 'ChangeLegalBasis':
      return decideLegalBasisChange(command, held(state), at);
    case 'TransferCustody': {
      const asset = held(state);
      if (command.data.to === asset.custodyLocation) {
        refuse('invalid_state', `The asset is already at ${asset.custodyLocation}`, 'to');
      }
      const { to, sealNumber, reason } = command.data;
      return [
        {
          type: 'CustodyTransferred',
          data: {
            from: asset.custodyLocation,
            to,
            ...withoutAbsent({ sealNumber }),
            reason,
            occurredAt: at,
          },
        },
      ];
    }
    case 'OrderDetention':
      return decideDetention(command, held(state), at);
    case 'ExtendDetentionLimit':
      return decideDetentionLimitExtension(command, held(state), at);
    case 'SetFreezingOrderPeriod':
      return decideFreezingOrderPeriod(command, held(state), at);
    case 'RecordInterestBearingAccount':
      return decideInterestBearingAccount(command, held(state), at);
    case 'CreditInterest':
      return decideInterestCredit(command, held(state), at);
    case 'ApplyForRestraint':
      return decideRestraintApplication(command, held(state), at);
    case 'ValueAsset':
      return value(command, held(state), at);
    case 'WithdrawValuation':
      return withdrawValuation(command, held(state), at);
    case 'GiveForfeitureNotice':
      return decideNotice(command, held(state), at);
    case 'ObjectToForfeiture':
      return decideObjection(command, held(state), at);
    case 'ApplyForForfeiture':
      return decideApplication(command, held(state), at);
    case 'ForfeitAsset':
      return decideForfeiture(command, held(state), at);
    case 'RefuseForfeiture':
      return decideRefusal(command, held(state), at);
    case 'PlaceUnderRestraint':
      return placeUnderRestraint(command, held(state), at);
    case 'LiftRestraint':
      return liftRestraint(command, state, at);
    case 'RealiseAsset':
      return realise(command, held(state), at);
    case 'ReleaseAsset':
      return release(command, held(state), at);
    case 'DestroyAsset': {
      const asset = held(state);
      const { reason, authority, courtAuthority } = command.data;
      const court = restrainedDealing(asset, 'destroyed', courtAuthority);
      return [
        {
          type: 'AssetDestroyed',
          data: { reason, authority, ...withoutAbsent({ courtAuthority: court }), occurredAt: at },
        },
      ];
    }
    case 'VoidRecord': {
      const asset = existing(state);
      if (asset.status === 'voided')
        refuse('asset_not_held', `Asset ${asset.exhibitRef} is voided`);
      return [{ type: 'RecordVoided', data: { reason: command.data.reason, occurredAt: at } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown asset command ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * AssetValued: a unique valuationId, a valued-as-at date not in the future, and gbpValue computed
 * here from the value and its rate (money in another currency, or a crypto quantity × its price).
 */
function value(command: ValueAsset, asset: ExistingAsset, at: string): AssetValued[] {
  const { fx, value: valueIn, costsOfSale: costsIn, ...d } = command.data;
  const { valuationId, basis, valuer, notes } = d;
  if (asset.valuations.some((v) => v.valuationId === d.valuationId)) {
    refuse('already_exists', `Valuation ${d.valuationId} already exists`, 'valuationId');
  }
  const valuedAsAt = parseIsoDate(d.valuedAsAt, 'valuedAsAt');
  assertNotFuture(valuedAsAt, command.now, 'valuedAsAt');
  const rate = fx === undefined ? undefined : FxRate.parse(fx.currency, fx, 'fx');
  let valueJson: AssetValued['data']['value'];
  let gbpValue: Money;
  let usedRate: FxRate | undefined;
  if (isCryptoJson(valueIn)) {
    if (asset.category !== 'cryptoasset') {
      refuse('invalid_money', 'a cryptoasset quantity values only a cryptoasset', 'value');
    }
    const quantity = CryptoQuantity.parse(valueIn, 'value');
    const declaredSymbol = isCryptoJson(asset.declared) ? asset.declared.symbol : undefined;
    if (declaredSymbol && declaredSymbol !== quantity.symbol) {
      refuse(
        'invalid_money',
        `the asset is ${declaredSymbol}, not ${quantity.symbol}`,
        'value.symbol',
      );
    }
    const rates = new Map(rate ? [[rate.currency, rate]] : []);
    gbpValue = cryptoSterling(quantity, rates, 'value', true) as Money;
    valueJson = quantity.toJSON();
    usedRate = rate;
  } else {
    const money = nonNegative(valueIn, 'value');
    gbpValue = toGbp(money, rate, 'value');
    valueJson = money.toJSON();
    if (money.currency !== 'GBP') usedRate = rate;
  }
  return [
    {
      type: 'AssetValued',
      data: {
        valuationId,
        basis,
        value: valueJson,
        gbpValue: gbpValue.toJSON(),
        ...(usedRate && { fx: rateJson(usedRate) }),
        valuedAsAt,
        valuer,
        ...(costsIn !== undefined && { costsOfSale: nonNegative(costsIn, 'costsOfSale').toJSON() }),
        ...withoutAbsent({ notes }),
        occurredAt: at,
      },
    },
  ];
}

function withdrawValuation(
  command: WithdrawValuation,
  asset: ExistingAsset,
  at: string,
): ValuationWithdrawn[] {
  const { valuationId } = command.data;
  const valuation = asset.valuations.find((v) => v.valuationId === valuationId);
  if (!valuation) refuse('not_found', `No valuation ${valuationId}`, 'valuationId');
  if (valuation.withdrawn) {
    refuse('invalid_state', `Valuation ${valuationId} is already withdrawn`, 'valuationId');
  }
  const { reason } = command.data;
  return [{ type: 'ValuationWithdrawn', data: { valuationId, reason, occurredAt: at } }];
}

/** Idempotent for the same order; another active order over it is lawful, and both bind it. */
function placeUnderRestraint(
  command: PlaceUnderRestraint,
  asset: ExistingAsset,
  at: string,
): AssetPlacedUnderRestraint[] {
  const { restraintOrderId } = command.data;
  if (asset.restrainedBy.includes(restraintOrderId)) return [];
  return [{ type: 'AssetPlacedUnderRestraint', data: { restraintOrderId, occurredAt: at } }];
}

/**
 * A no-op for an order the asset is not under. Allowed after the asset left custody (realised by a
 * receiver, forfeited), so discharging an order always succeeds; a voided record is `asset_not_held`.
 */
function liftRestraint(
  command: LiftRestraint,
  state: AssetState,
  at: string,
): AssetRestraintLifted[] {
  const asset = existing(state);
  const { restraintOrderId } = command.data;
  if (!asset.restrainedBy.includes(restraintOrderId)) return [];
  if (asset.status === 'voided') refuse('asset_not_held', `Asset ${asset.exhibitRef} is voided`);
  return [{ type: 'AssetRestraintLifted', data: { restraintOrderId, occurredAt: at } }];
}

/** Net proceeds = gross − costs, computed here; costs above gross are `invalid_money`. */
function realise(command: RealiseAsset, asset: ExistingAsset, at: string): AssetRealised[] {
  const { grossProceeds: grossIn, costs: costsIn, realisedBy, confiscationOrderId } = command.data;
  const courtAuthority = restrainedDealing(asset, 'realised', command.data.courtAuthority);
  const gross = nonNegative(grossIn, 'grossProceeds');
  const costs = nonNegative(costsIn, 'costs');
  if (costs.currency !== gross.currency) {
    refuse(
      'invalid_money',
      `costs must be in ${gross.currency}, like the proceeds`,
      'costs.currency',
    );
  }
  if (costs.gt(gross)) {
    refuse('invalid_money', 'the costs of sale are more than the gross proceeds', 'costs', {
      grossProceeds: gross.toJSON().amount,
    });
  }
  const net = gross.minus(costs);
  const receiverExpenses =
    command.data.receiverExpenses === undefined
      ? undefined
      : nonNegative(command.data.receiverExpenses, 'receiverExpenses');
  if (receiverExpenses && receiverExpenses.currency !== gross.currency) {
    refuse(
      'invalid_money',
      `receiverExpenses must be in ${gross.currency}`,
      'receiverExpenses.currency',
    );
  }
  if (receiverExpenses && receiverExpenses.gt(net)) {
    refuse(
      'expenses_exceed_receipt',
      "the receiver's expenses are more than the net proceeds",
      'receiverExpenses',
      {
        netProceeds: net.toJSON().amount,
      },
    );
  }
  if (receiverExpenses && !confiscationOrderId) {
    refuse(
      'invalid_state',
      's.55(4) applies to sums paid into a confiscation order: name the order',
      'confiscationOrderId',
    );
  }
  return [
    {
      type: 'AssetRealised',
      data: {
        grossProceeds: gross.toJSON(),
        costs: costs.toJSON(),
        netProceeds: net.toJSON(),
        ...(receiverExpenses && { receiverExpenses: receiverExpenses.toJSON() }),
        realisedBy,
        ...withoutAbsent({ confiscationOrderId, courtAuthority }),
        occurredAt: at,
      },
    },
  ];
}

/**
 * s.41(1): a restraint order prohibits "dealing with any realisable property". An asset under an
 * active order is realised or destroyed only with the court's authority (an enforcement
 * receiver's appointment, a direction to a management receiver, a variation), which the command
 * names and the event records; without it, `asset_restrained`. The authority of an asset under no
 * order is not recorded (there is nothing to authorise).
 */
function restrainedDealing(
  asset: ExistingAsset,
  what: 'realised' | 'destroyed',
  courtAuthority: string | undefined,
): string | undefined {
  if (asset.restrainedBy.length === 0) return undefined;
  if (courtAuthority === undefined || courtAuthority.trim() === '') {
    refuse(
      'asset_restrained',
      `The asset is under restraint order ${asset.restrainedBy.join(', ')}: it can be ${what} only with the court's authority (courtAuthority)`,
      'courtAuthority',
    );
  }
  return courtAuthority;
}

/** Not while under an active restraint order (`asset_restrained`), nor once forfeited. */
function release(command: ReleaseAsset, asset: ExistingAsset, at: string): AssetReleased[] {
  requireStatus(asset, ['held', 'detained', 'notice_given', 'forfeiture_applied'], 'release');
  if (asset.restrainedBy.length > 0) {
    refuse(
      'asset_restrained',
      `The asset is under restraint order ${asset.restrainedBy.join(', ')}: vary or discharge it first`,
    );
  }
  const { reason, releasedTo } = command.data;
  // s.296(1): the interest accruing on detained cash "is to be added to it on its ... release".
  const interest = interestToAdd(asset);
  return [
    {
      type: 'AssetReleased',
      data: {
        reason,
        releasedTo,
        ...(interest && { interestAdded: interest.toJSON() }),
        occurredAt: at,
      },
    },
  ];
}

export const assetDecider: Decider<AssetCommand, AssetEvent, AssetState> = {
  decide,
  evolve,
  initialState: initialAssetState,
};
