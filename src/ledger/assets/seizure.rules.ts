import { refuse } from '../../common/domain-error';
import { Money } from '../../common/money';
import { londonDateOf } from '../../common/time';
import { ChangeLegalBasis, SeizeAsset } from './asset.commands';
import { AssetSeized, LegalBasisChanged } from './asset.events';
import { ExistingAsset, recordedRates, requireStatus } from './asset.guards';
import { withoutAbsent } from '../../common/objects';
import {
  assertBreakdownMatches,
  declaredJson,
  declaredSterling,
  parseCashBreakdown,
  parseDeclared,
} from './declared-value.rules';
import { parseRates, ratesJson, sterlingEquivalent } from './exchange-rates.rules';
import { assertPowerApplies, LISTED_CATEGORIES } from './power.rules';
import { assertMinimum, hasMinimum, minimumAmount } from './minimum-amount.rules';
import { AssetState, currentValuation } from './asset.state';

/** AssetSeized: the case must exist and be open, the power fit the category, minimums be met. */
export function decideSeizure(command: SeizeAsset, state: AssetState, at: string): AssetSeized[] {
  const { data: d, context } = command;
  const { fx, power, category } = d;
  const { declared: declaredIn, cashBreakdown: breakdownIn, listedAggregate: aggregateIn } = d;
  if (state.exists) refuse('already_exists', `Asset ${d.assetId} already exists`, 'assetId');
  if (!context?.case?.exists) refuse('not_found', `No case ${d.caseId}`, 'caseId');
  if (context.case.closed) refuse('case_closed', `Case ${d.caseId} is closed`, 'caseId');
  if (d.seizedFrom !== undefined && !context.case.subjectIds.includes(d.seizedFrom)) {
    refuse('not_found', `No subject ${d.seizedFrom} on case ${d.caseId}`, 'seizedFrom');
  }
  assertPowerApplies(power, category);

  const rates = parseRates(fx);
  const declared = parseDeclared(declaredIn, category);
  const breakdown = parseCashBreakdown(breakdownIn, category);
  const listed = power === 'POCA_S303J_LISTED';
  const sterlingNeeded =
    power === 'POCA_S294_CASH' || power === 'POCA_S303Z1_AFO' || (listed && !aggregateIn);
  const declaredGbp = declaredSterling(declared, breakdown, rates, sterlingNeeded);
  assertBreakdownMatches(declared, breakdown, declaredGbp);

  let aggregate: Money | undefined;
  let aggregateGbp: Money | undefined;
  if (aggregateIn !== undefined) {
    if (!LISTED_CATEGORIES.includes(category)) {
      refuse('invalid_money', 'a listed aggregate is only for listed assets', 'listedAggregate');
    }
    aggregate = Money.positive(aggregateIn, 'listedAggregate');
    aggregateGbp = sterlingEquivalent(aggregate, rates, 'listedAggregate', listed);
  }

  const minimum = minimumAmount();
  if (listed) {
    assertMinimum(
      power,
      aggregateGbp ?? declaredGbp,
      minimum,
      aggregate ? 'listedAggregate' : 'declared',
    );
  } else {
    const field =
      declared?.kind === 'account' ? 'declared.balance' : breakdown ? 'cashBreakdown' : 'declared';
    assertMinimum(power, declaredGbp, minimum, field);
  }

  return [
    {
      type: 'AssetSeized',
      data: {
        assetId: d.assetId,
        caseId: d.caseId,
        exhibitRef: d.exhibitRef,
        power,
        category,
        description: d.description,
        ...withoutAbsent({ seizedFrom: d.seizedFrom }),
        location: d.location,
        custodyLocation: d.custodyLocation,
        ...(declared && { declared: declaredJson(declared) }),
        ...(breakdown && { cashBreakdown: breakdown.map((m) => m.toJSON()) }),
        ...(rates.size > 0 && { fx: ratesJson(rates) }),
        ...(declaredGbp && { declaredGbp: declaredGbp.toJSON() }),
        ...(aggregate && { listedAggregate: aggregate.toJSON() }),
        ...(aggregateGbp && { listedAggregateGbp: aggregateGbp.toJSON() }),
        ...withoutAbsent({ intelligence: d.intelligence }),
        occurredAt: at,
      },
    },
  ];
}

/**
 * LegalBasisChanged: the new power must fit the category and, for s.294, s.303J and AFOs, the
 * asset must be worth the minimum: its current value, else its declared amount in sterling (with
 * the rates given now or recorded before), or for s.303J a listed aggregate given with the change.
 */
export function decideLegalBasisChange(
  command: ChangeLegalBasis,
  asset: ExistingAsset,
  at: string,
): LegalBasisChanged[] {
  const { to, reason, fx, listedAggregate: aggregateIn } = command.data;
  requireStatus(asset, ['held', 'detained'], 'change the legal basis', 'to');
  if (to === asset.power) refuse('invalid_state', `The asset is already held under ${to}`, 'to');
  assertPowerApplies(to, asset.category, 'to');
  const given = parseRates(fx);
  const rates = new Map([...recordedRates(asset), ...given]);

  let declaredGbp: Money | undefined;
  let aggregate: Money | undefined;
  let aggregateGbp: Money | undefined;
  if (aggregateIn !== undefined) {
    if (to !== 'POCA_S303J_LISTED') {
      refuse('invalid_money', 'a listed aggregate is only for s.303J', 'listedAggregate');
    }
    aggregate = Money.positive(aggregateIn, 'listedAggregate');
    aggregateGbp = sterlingEquivalent(aggregate, rates, 'listedAggregate', true);
  }
  if (hasMinimum(to)) {
    let value = aggregateGbp;
    if (!value && to === 'POCA_S303J_LISTED' && asset.listedAggregateGbp) {
      value = Money.parse(asset.listedAggregateGbp);
    }
    if (!value) {
      const current = currentValuation(asset, londonDateOf(at));
      if (current) value = Money.parse(current.gbpValue);
    }
    if (!value) {
      const declared = parseDeclared(asset.declared, asset.category);
      const breakdown = asset.cashBreakdown?.map((m) => Money.parse(m));
      declaredGbp = declaredSterling(declared, breakdown, rates, false);
      if (!declaredGbp && (declared || breakdown)) {
        refuse(
          'fx_rate_required',
          `${to} needs the declared amount in sterling: give its rate`,
          'fx',
        );
      }
      value = declaredGbp;
    }
    assertMinimum(to, value, minimumAmount(), aggregate ? 'listedAggregate' : 'to');
  }

  return [
    {
      type: 'LegalBasisChanged',
      data: {
        from: asset.power,
        to,
        reason,
        ...(given.size > 0 && { fx: ratesJson(given) }),
        ...(declaredGbp && { declaredGbp: declaredGbp.toJSON() }),
        ...(aggregate && { listedAggregate: aggregate.toJSON() }),
        ...(aggregateGbp && { listedAggregateGbp: aggregateGbp.toJSON() }),
        occurredAt: at,
      },
    },
  ];
}
