import { AssetState, currentValuation, isHeld } from '../../ledger/assets/asset.state';

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
  const native = valued ? nativeOf(valued.value) : value ? nativeOf(state.declared) : undefined;
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
    detentionExpiresAt: state.detention?.expiresAt ?? null,
    restraintOrderIds: [...state.restrainedBy],
    realisedNet: state.realisation
      ? { amount: state.realisation.netProceeds.amount, currency: 'GBP' }
      : null,
    lastEvent: last.type,
    lastChangedAt: last.occurredAt,
    lastPosition: last.position.toString(),
  };
}

function nativeOf(value: unknown): { amount: string; currency: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.amount === 'string' && typeof v.currency === 'string')
    return { amount: v.amount, currency: v.currency };
  if (typeof v.quantity === 'string' && typeof v.symbol === 'string')
    return { amount: v.quantity, currency: v.symbol };
  if (typeof v.balance === 'object' && v.balance !== null) return nativeOf(v.balance);
  return undefined;
}
