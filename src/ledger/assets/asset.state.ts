import { CryptoJson, MoneyJson } from '../../common/money';
import { londonDateOf } from '../../common/time';
import {
  AssetEvent,
  Category,
  Declared,
  DetentionKind,
  ForfeitureRoute,
  Intelligence,
  Power,
  RateUsed,
  RefusalOutcome,
  ReleaseReason,
  ValuationBasis,
} from './asset.events';

export const ASSET_STATUSES = [
  'held',
  'detained',
  'notice_given',
  'forfeiture_applied',
  'forfeited',
  'released',
  'realised',
  'destroyed',
  'voided',
] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export interface ValuationRecord {
  valuationId: string;
  basis: ValuationBasis;
  value: MoneyJson | CryptoJson;
  gbpValue: MoneyJson;
  fx?: RateUsed;
  valuedAsAt: string;
  valuer: string;
  costsOfSale?: MoneyJson;
  notes?: string;
  recordedAt: string;
  withdrawn: boolean;
  withdrawnReason?: string;
}

/** The value of an asset as at a date (domain.md, "Valuation"). */
export interface CurrentValue {
  gbpValue: MoneyJson;
  source: 'valuation' | 'declared';
  valuationId?: string;
  basis?: ValuationBasis;
  valuedAsAt?: string;
}

export interface DetentionState {
  /** Start of the first detention (initial or order): the 2-year (3-year crypto) clock. */
  firstStartedAt: string;
  startsAt: string;
  expiresAt: string;
  kind: DetentionKind;
  orderRef?: string;
  orders: number;
}

export interface ForfeitureNoticeState {
  noticeRef: string;
  givenAt: string;
  objectionDeadline: string;
  /** An objection lapses the notice. */
  lapsed: boolean;
  objection?: { objector: string; receivedAt: string };
}

export interface ForfeitureState {
  notice?: ForfeitureNoticeState;
  application?: {
    court: string;
    appliedAt: string;
    refused?: { court: string; reason: string; outcome: RefusalOutcome; at: string };
  };
  forfeited?: {
    route: ForfeitureRoute;
    amount: MoneyJson;
    gbpAmount: MoneyJson;
    orderRef?: string;
    court?: string;
    at: string;
    /** Cash and account balances are paid over on forfeiture: nothing is held any more. */
    paidOver: boolean;
  };
}

export interface AssetState {
  exists: boolean;
  status?: AssetStatus;
  assetId?: string;
  caseId?: string;
  exhibitRef?: string;
  /** The legal basis it is held under now. */
  power?: Power;
  /** When it came under that power (seizure, or the last change of legal basis). */
  powerSince?: string;
  category?: Category;
  description?: string;
  seizedFrom?: string;
  seizedAt?: string;
  location?: string;
  custodyLocation?: string;
  declared?: Declared;
  cashBreakdown?: MoneyJson[];
  declaredGbp?: MoneyJson;
  listedAggregateGbp?: MoneyJson;
  /** Every rate recorded on the stream (seizure and later changes), one per currency. */
  fx: RateUsed[];
  intelligence?: Intelligence;
  valuations: ValuationRecord[];
  /** currentValuation(state) kept up to date (latest valuation, else the declared fallback). */
  currentValue?: CurrentValue;
  detention?: DetentionState;
  forfeiture: ForfeitureState;
  /** Active restraint orders. */
  restrainedBy: string[];
  realisation?: {
    grossProceeds: MoneyJson;
    costs: MoneyJson;
    netProceeds: MoneyJson;
    realisedBy: string;
    confiscationOrderId?: string;
    at: string;
  };
  release?: { reason: ReleaseReason; releasedTo?: string; at: string };
  destruction?: { reason: string; authority: string; at: string };
  voided?: { reason: string; at: string };
  /** Number of events on the stream (the history length). */
  version: number;
}

export const initialAssetState: AssetState = {
  exists: false,
  fx: [],
  valuations: [],
  forfeiture: {},
  restrainedBy: [],
  version: 0,
};

/** Categories whose declared amount stands as their value until a valuation exists. */
const DECLARED_VALUE_CATEGORIES: readonly Category[] = ['cash', 'bank_account', 'cryptoasset'];

/**
 * The value as at `asAt` (YYYY-MM-DD; default: everything recorded): the latest non-withdrawn
 * valuation valued as at or before that date (ties: the later recorded); with none, the declared
 * amount for cash, accounts and crypto converted at the seizure's recorded rate.
 */
export function currentValuation(state: AssetState, asAt?: string): CurrentValue | undefined {
  let best: ValuationRecord | undefined;
  for (const v of state.valuations) {
    if (v.withdrawn || (asAt !== undefined && v.valuedAsAt > asAt)) continue;
    if (!best || v.valuedAsAt >= best.valuedAsAt) best = v;
  }
  if (best) {
    return {
      gbpValue: best.gbpValue,
      source: 'valuation',
      valuationId: best.valuationId,
      basis: best.basis,
      valuedAsAt: best.valuedAsAt,
    };
  }
  if (!state.category || !DECLARED_VALUE_CATEGORIES.includes(state.category)) return undefined;
  if (!state.declaredGbp) return undefined;
  if (asAt !== undefined && state.seizedAt && asAt < londonDateOf(state.seizedAt)) return undefined;
  return { gbpValue: state.declaredGbp, source: 'declared' };
}

/**
 * Still held: not released, realised, destroyed, voided, nor forfeited and paid over (forfeited
 * cash and accounts; a forfeited listed asset or cryptoasset is held until it is realised).
 */
export function isHeld(state: AssetState): boolean {
  switch (state.status) {
    case undefined:
    case 'released':
    case 'realised':
    case 'destroyed':
    case 'voided':
      return false;
    case 'forfeited':
      return !state.forfeiture.forfeited?.paidOver;
    default:
      return true;
  }
}

function mergeRates(existing: RateUsed[], added: RateUsed[] | undefined): RateUsed[] {
  if (!added?.length) return existing;
  const currencies = new Set(added.map((r) => r.currency));
  return [...existing.filter((r) => !currencies.has(r.currency)), ...added];
}

function withValuations(state: AssetState, valuations: ValuationRecord[]): AssetState {
  const next = { ...state, valuations };
  return { ...next, currentValue: currentValuation(next) };
}

function afterNotice(state: AssetState): AssetStatus {
  return state.detention ? 'detained' : 'held';
}

export function evolve(current: AssetState, event: AssetEvent): AssetState {
  const state = { ...current, version: current.version + 1 };
  switch (event.type) {
    case 'AssetSeized': {
      const d = event.data;
      const seized: AssetState = {
        ...state,
        exists: true,
        status: 'held',
        assetId: d.assetId,
        caseId: d.caseId,
        exhibitRef: d.exhibitRef,
        power: d.power,
        powerSince: d.occurredAt,
        category: d.category,
        description: d.description,
        seizedFrom: d.seizedFrom,
        seizedAt: d.occurredAt,
        location: d.location,
        custodyLocation: d.custodyLocation,
        declared: d.declared,
        cashBreakdown: d.cashBreakdown,
        declaredGbp: d.declaredGbp,
        listedAggregateGbp: d.listedAggregateGbp,
        fx: d.fx ?? [],
        intelligence: d.intelligence,
      };
      return { ...seized, currentValue: currentValuation(seized) };
    }
    case 'LegalBasisChanged': {
      const d = event.data;
      const changed: AssetState = {
        ...state,
        power: d.to,
        powerSince: d.occurredAt,
        fx: mergeRates(state.fx, d.fx),
        declaredGbp: d.declaredGbp ?? state.declaredGbp,
        listedAggregateGbp: d.listedAggregateGbp ?? state.listedAggregateGbp,
      };
      return { ...changed, currentValue: currentValuation(changed) };
    }
    case 'CustodyTransferred':
      return { ...state, custodyLocation: event.data.to };
    case 'DetentionOrdered': {
      const d = event.data;
      return {
        ...state,
        status: state.status === 'held' ? 'detained' : state.status,
        detention: {
          firstStartedAt: state.detention?.firstStartedAt ?? d.startsAt,
          startsAt: d.startsAt,
          expiresAt: d.expiresAt,
          kind: d.kind,
          orderRef: d.orderRef,
          orders: (state.detention?.orders ?? 0) + 1,
        },
      };
    }
    case 'AssetValued': {
      const { occurredAt, ...d } = event.data;
      return withValuations(state, [
        ...state.valuations,
        { ...d, recordedAt: occurredAt, withdrawn: false },
      ]);
    }
    case 'ValuationWithdrawn': {
      const { valuationId, reason } = event.data;
      return withValuations(
        state,
        state.valuations.map((v) =>
          v.valuationId === valuationId ? { ...v, withdrawn: true, withdrawnReason: reason } : v,
        ),
      );
    }
    case 'ForfeitureNoticeGiven': {
      const { noticeRef, givenAt, objectionDeadline } = event.data;
      return {
        ...state,
        status: 'notice_given',
        forfeiture: {
          ...state.forfeiture,
          notice: { noticeRef, givenAt, objectionDeadline, lapsed: false },
        },
      };
    }
    case 'ForfeitureObjected': {
      const notice = state.forfeiture.notice as ForfeitureNoticeState;
      const { objector, receivedAt } = event.data;
      return {
        ...state,
        status: afterNotice(state),
        forfeiture: {
          ...state.forfeiture,
          notice: { ...notice, lapsed: true, objection: { objector, receivedAt } },
        },
      };
    }
    case 'ForfeitureApplied':
      return {
        ...state,
        status: 'forfeiture_applied',
        forfeiture: {
          ...state.forfeiture,
          application: { court: event.data.court, appliedAt: event.data.appliedAt },
        },
      };
    case 'AssetForfeited': {
      const { route, amount, gbpAmount, orderRef, court, occurredAt } = event.data;
      const paidOver = state.category === 'cash' || state.category === 'bank_account';
      return {
        ...state,
        status: 'forfeited',
        forfeiture: {
          ...state.forfeiture,
          forfeited: { route, amount, gbpAmount, orderRef, court, at: occurredAt, paidOver },
        },
      };
    }
    case 'ForfeitureRefused': {
      const { court, reason, outcome, occurredAt } = event.data;
      const application = state.forfeiture.application ?? {
        court,
        appliedAt: londonDateOf(occurredAt),
      };
      const released = outcome === 'released';
      return {
        ...state,
        status: released ? 'released' : afterNotice(state),
        release: released ? { reason: 'court_refused', at: occurredAt } : state.release,
        forfeiture: {
          ...state.forfeiture,
          application: { ...application, refused: { court, reason, outcome, at: occurredAt } },
        },
      };
    }
    case 'AssetPlacedUnderRestraint':
      return { ...state, restrainedBy: [...state.restrainedBy, event.data.restraintOrderId] };
    case 'AssetRestraintLifted':
      return {
        ...state,
        restrainedBy: state.restrainedBy.filter((id) => id !== event.data.restraintOrderId),
      };
    case 'AssetRealised': {
      const { occurredAt, ...d } = event.data;
      return { ...state, status: 'realised', realisation: { ...d, at: occurredAt } };
    }
    case 'AssetReleased': {
      const { reason, releasedTo, occurredAt } = event.data;
      return { ...state, status: 'released', release: { reason, releasedTo, at: occurredAt } };
    }
    case 'AssetDestroyed': {
      const { reason, authority, occurredAt } = event.data;
      return { ...state, status: 'destroyed', destruction: { reason, authority, at: occurredAt } };
    }
    case 'RecordVoided':
      return {
        ...state,
        status: 'voided',
        voided: { reason: event.data.reason, at: event.data.occurredAt },
      };
    default:
      return state;
  }
}
