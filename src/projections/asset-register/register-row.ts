import { initialPeriodFromSeizure } from '../../ledger/assets/detention.rules';
import { earlierRulesFlags } from '../../ledger/assets/earlier-rules.flags';
import { AssetState, currentValuation, isHeld } from '../../ledger/assets/asset.state';
import { nativeAmount } from '../../ledger/assets/asset.values';

export interface RegisterRow {
  assetId: string;
  caseId: string;
  caseReference: string | null;
  operation: string | null;
  agency: string | null;
  exhibitRef: string;
  category: string;
  power: string;
  status: string;
  held: boolean;
  description: string;
  custodyLocation: string | null;
  seizedAt: string;
  currentValue: {
    source: string;
    native: { amount: string; currency: string } | null;
    gbp: { amount: string; currency: 'GBP' };
  } | null;
  detentionExpiresAt: string | null;
  restraintOrderIds: string[];
  /** Rule codes today's rules would refuse something recorded earlier with (docs/domain.md). */
  earlierRulesFlags: string[];
  realisedNet: { amount: string; currency: 'GBP' } | null;
  lastEvent: string;
  lastChangedAt: string;
  lastPosition: string;
}

export interface CaseFacts {
  reference: string;
  operation: string | null;
  leadAgency: string;
}

export interface LastChange {
  type: string;
  occurredAt: string;
  position: bigint;
}

/** What the register shows of one asset, from its folded state (live, or as at a date). */
export function registerRow(
  assetId: string,
  state: AssetState,
  theCase: CaseFacts | undefined,
  last: LastChange,
  asAt?: string,
): RegisterRow {
  const value = currentValuation(state, asAt);
  const valued =
    value?.source === 'valuation'
      ? state.valuations.find((v) => v.valuationId === value.valuationId)
      : undefined;
  const native = valued
    ? nativeAmount(valued.value)
    : value
      ? nativeAmount(state.declared)
      : undefined;
  return {
    assetId,
    caseId: state.caseId ?? '',
    caseReference: theCase?.reference ?? null,
    operation: theCase?.operation ?? null,
    agency: theCase?.leadAgency ?? null,
    exhibitRef: state.exhibitRef ?? '',
    category: state.category ?? '',
    power: state.power ?? '',
    status: state.status ?? 'held',
    held: isHeld(state),
    description: state.description ?? '',
    custodyLocation: state.custodyLocation ?? null,
    seizedAt: state.seizedAt ?? last.occurredAt,
    currentValue: value
      ? {
          source: value.source,
          native: native ?? null,
          gbp: { amount: value.gbpValue.amount, currency: 'GBP' },
        }
      : null,
    // From the seizure itself: the statutory initial period until a detention is recorded.
    detentionExpiresAt:
      state.detention?.expiresAt ?? initialPeriodFromSeizure(state)?.expiresAt ?? null,
    restraintOrderIds: [...state.restrainedBy],
    earlierRulesFlags: [...new Set(earlierRulesFlags(state).map((f) => f.code))],
    realisedNet: state.realisation
      ? { amount: state.realisation.netProceeds.amount, currency: 'GBP' }
      : null,
    lastEvent: last.type,
    lastChangedAt: last.occurredAt,
    lastPosition: last.position.toString(),
  };
}
