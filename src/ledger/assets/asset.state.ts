import { CryptoJson, Money, MoneyJson } from '../../common/money';
import { compareInstants, londonDateOf } from '../../common/time';
import {
  AssetEvent,
  Category,
  Declared,
  DetentionKind,
  ForfeitureRoute,
  Intelligence,
  NoticeMethod,
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

/** The value of an asset as at a date (docs/domain.md, "Valuation"). */
export interface CurrentValue {
  gbpValue: MoneyJson;
  source: 'valuation' | 'declared';
  valuationId?: string;
  basis?: ValuationBasis;
  valuedAsAt?: string;
}

export interface DetentionState {
  /** Start of the first detention (initial or order). */
  firstStartedAt: string;
  /**
   * The date of the first extension order (s.295(2)(b), s.303L(2)(b), s.303Z32(2)(b)): no further
   * order may authorise detention beyond 2 years beginning with it. Absent until an order is made.
   */
  firstOrderDate?: string;
  /** The date of the current extension order, when the current detention is one. */
  orderDate?: string;
  startsAt: string;
  expiresAt: string;
  kind: DetentionKind;
  orderRef?: string;
  orders: number;
  /** A s.303Z32(4) order (cryptoassets): the 2-year limit extended to the end of `extendedTo`. */
  limitExtension?: { extendedTo: string; orderDate: string; orderRef?: string; court: string };
  /** Every extension order as recorded, for checking old orders against today's rules. */
  extensionOrders?: { orderDate: string; expiresAt: string; orderRef?: string }[];
}

export interface ForfeitureNoticeState {
  noticeRef: string;
  givenAt: string;
  objectionDeadline: string;
  method?: NoticeMethod;
  sentAt?: string;
  /** Cash: no s.295(2) order was in force when it was given (recorded under earlier rules). */
  givenWithoutOrder?: boolean;
  /** An objection lapses the notice. */
  lapsed: boolean;
  objection?: { objector: string; receivedAt: string; madeAt?: string };
  /** When the notice lapsed, the detention order's expiry had passed (s.297D). */
  lapsedAfterOrderExpired?: boolean;
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
  /** An account freezing order's period as the court specified it (s.303Z3(3), s.303Z4). */
  freezingOrder?: {
    madeOn: string;
    expiresOn: string;
    court: string;
    orderRef?: string;
    variations: number;
  };
  forfeiture: ForfeitureState;
  /** s.296: where seized cash is held to earn interest, or why it is kept as evidence. */
  interestBearing?: {
    status: 'paid_in' | 'evidence';
    account?: string;
    paidInAt?: string;
    reason?: string;
  };
  /** s.296: interest credited so far (GBP); it goes with the cash on forfeiture or release. */
  interestEarned?: MoneyJson;
  /** s.47K: an application for a restraint order authorising detention, made within the 48 hours. */
  restraintApplication?: { court: string; appliedAt: string };
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

/** A valuation as the value in force. */
function valuationValue(v: ValuationRecord): CurrentValue {
  return {
    gbpValue: v.gbpValue,
    source: 'valuation',
    valuationId: v.valuationId,
    basis: v.basis,
    valuedAsAt: v.valuedAsAt,
  };
}

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
  if (best) return valuationValue(best);
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

/**
 * A copy of `state` one event later, which `evolve` fills in before anyone else sees it (`state`
 * itself is never changed). Copied with a spread and then set key by key: the same object, keys in
 * the same order, as `{ ...state, key: value }`, but in this V8 (Node 20) such a literal takes a
 * slow path for each key the spread object did not have (~2 µs a key: ~28 µs for a seizure) and
 * `Object.assign` turns a state of this size into a slow dictionary-mode object; a spread copy set
 * with plain stores stays a fast object (~1-2 µs an event).
 */
function nextOf(state: AssetState): AssetState {
  const next = { ...state };
  next.version = state.version + 1;
  return next;
}

/**
 * `currentValuation(after)` when `added` (not withdrawn) is the last of `after`'s valuations and
 * `before` is the state without it, without looking at every valuation again: `added` is in force
 * unless the one in force was valued as at a later date (on the same date, the later recorded
 * wins). With none in force before, it is, unless the state is out of step (a valuation not
 * withdrawn yet none in force): then it is worked out from them all.
 */
function valueAfterValuation(
  before: AssetState,
  after: AssetState,
  added: ValuationRecord,
): CurrentValue | undefined {
  const inForce = before.currentValue;
  if (inForce?.source === 'valuation' && inForce.valuedAsAt !== undefined)
    return added.valuedAsAt >= inForce.valuedAsAt ? valuationValue(added) : inForce;
  if (before.valuations.some((v) => !v.withdrawn)) return currentValuation(after);
  return valuationValue(added);
}

function afterNotice(state: AssetState): AssetStatus {
  return state.detention ? 'detained' : 'held';
}

/**
 * The state after one more event. Pure: `state` is never changed (each event makes a new object,
 * sharing what did not change), so states can be cached, shared between projections and frozen.
 */
export function evolve(state: AssetState, event: AssetEvent): AssetState {
  const next = nextOf(state);
  switch (event.type) {
    case 'AssetSeized': {
      const d = event.data;
      next.exists = true;
      next.status = 'held';
      next.assetId = d.assetId;
      next.caseId = d.caseId;
      next.exhibitRef = d.exhibitRef;
      next.power = d.power;
      next.powerSince = d.occurredAt;
      next.category = d.category;
      next.description = d.description;
      next.seizedFrom = d.seizedFrom;
      next.seizedAt = d.occurredAt;
      next.location = d.location;
      next.custodyLocation = d.custodyLocation;
      next.declared = d.declared;
      next.cashBreakdown = d.cashBreakdown;
      next.declaredGbp = d.declaredGbp;
      next.listedAggregateGbp = d.listedAggregateGbp;
      next.fx = d.fx ?? [];
      next.intelligence = d.intelligence;
      next.currentValue = currentValuation(next);
      return next;
    }
    case 'LegalBasisChanged': {
      const d = event.data;
      next.power = d.to;
      next.powerSince = d.occurredAt;
      next.fx = mergeRates(state.fx, d.fx);
      next.declaredGbp = d.declaredGbp ?? state.declaredGbp;
      next.listedAggregateGbp = d.listedAggregateGbp ?? state.listedAggregateGbp;
      next.currentValue = currentValuation(next);
      return next;
    }
    case 'CustodyTransferred':
      next.custodyLocation = event.data.to;
      return next;
    case 'DetentionOrdered': {
      const d = event.data;
      next.status = state.status === 'held' ? 'detained' : state.status;
      const orderDate =
        d.kind === 'extension' ? (d.orderDate ?? londonDateOf(d.occurredAt)) : undefined;
      next.detention = {
        firstStartedAt: state.detention?.firstStartedAt ?? d.startsAt,
        firstOrderDate: state.detention?.firstOrderDate ?? orderDate,
        orderDate,
        startsAt: d.startsAt,
        expiresAt: d.expiresAt,
        kind: d.kind,
        orderRef: d.orderRef,
        orders: (state.detention?.orders ?? 0) + 1,
        limitExtension: state.detention?.limitExtension,
        extensionOrders:
          orderDate === undefined
            ? (state.detention?.extensionOrders ?? [])
            : [
                ...(state.detention?.extensionOrders ?? []),
                { orderDate, expiresAt: d.expiresAt, orderRef: d.orderRef },
              ],
      };
      return next;
    }
    case 'RestraintApplied': {
      next.restraintApplication = { court: event.data.court, appliedAt: event.data.appliedAt };
      return next;
    }
    case 'CashInterestBearingRecorded': {
      const { status, account, paidInAt, reason } = event.data;
      next.interestBearing = { status, account, paidInAt, reason };
      return next;
    }
    case 'InterestCredited': {
      const before = state.interestEarned ? Money.parse(state.interestEarned) : Money.zero('GBP');
      next.interestEarned = before.plus(Money.parse(event.data.amount)).toJSON();
      return next;
    }
    case 'FreezingOrderPeriodSet': {
      const d = event.data;
      next.freezingOrder = {
        madeOn: d.madeOn,
        expiresOn: d.expiresOn,
        court: d.court,
        orderRef: d.orderRef ?? state.freezingOrder?.orderRef,
        variations: (state.freezingOrder?.variations ?? 0) + (d.kind === 'variation' ? 1 : 0),
      };
      return next;
    }
    case 'DetentionLimitExtended': {
      const d = event.data;
      if (state.detention) {
        next.detention = {
          ...state.detention,
          limitExtension: {
            extendedTo: d.extendedTo,
            orderDate: d.orderDate,
            orderRef: d.orderRef,
            court: d.court,
          },
        };
      }
      return next;
    }
    case 'AssetValued': {
      // `added` is the rest of the event's data: a new object, so it may be filled in here.
      const { occurredAt, ...d } = event.data;
      const added = d as ValuationRecord;
      added.recordedAt = occurredAt;
      added.withdrawn = false;
      next.valuations = [...state.valuations, added];
      next.currentValue = valueAfterValuation(state, next, added);
      return next;
    }
    case 'ValuationWithdrawn': {
      const { valuationId, reason } = event.data;
      next.valuations = state.valuations.map((v) =>
        v.valuationId === valuationId ? { ...v, withdrawn: true, withdrawnReason: reason } : v,
      );
      next.currentValue = currentValuation(next);
      return next;
    }
    case 'ForfeitureNoticeGiven': {
      const { noticeRef, givenAt, objectionDeadline, method, sentAt, occurredAt } = event.data;
      next.status = 'notice_given';
      const cash = state.category === 'cash' && state.power === 'POCA_S294_CASH';
      const underOrder =
        state.detention?.kind === 'extension' &&
        compareInstants(occurredAt, state.detention.expiresAt) <= 0;
      next.forfeiture = {
        ...state.forfeiture,
        notice: {
          noticeRef,
          givenAt,
          objectionDeadline,
          ...(method !== undefined && { method }),
          ...(sentAt !== undefined && { sentAt }),
          ...(cash && !underOrder && { givenWithoutOrder: true }),
          lapsed: false,
        },
      };
      return next;
    }
    case 'ForfeitureObjected': {
      const notice = state.forfeiture.notice as ForfeitureNoticeState;
      const { objector, receivedAt, occurredAt } = event.data;
      const madeAt = event.data.madeAt ?? occurredAt;
      next.status = afterNotice(state);
      const expired =
        state.detention !== undefined && compareInstants(madeAt, state.detention.expiresAt) > 0;
      next.forfeiture = {
        ...state.forfeiture,
        notice: {
          ...notice,
          lapsed: true,
          objection: { objector, receivedAt, madeAt },
          ...(expired && { lapsedAfterOrderExpired: true }),
        },
      };
      return next;
    }
    case 'ForfeitureApplied':
      next.status = 'forfeiture_applied';
      next.forfeiture = {
        ...state.forfeiture,
        application: { court: event.data.court, appliedAt: event.data.appliedAt },
      };
      return next;
    case 'AssetForfeited': {
      const { route, amount, gbpAmount, orderRef, court, occurredAt } = event.data;
      const paidOver = state.category === 'cash' || state.category === 'bank_account';
      next.status = 'forfeited';
      next.forfeiture = {
        ...state.forfeiture,
        forfeited: { route, amount, gbpAmount, orderRef, court, at: occurredAt, paidOver },
      };
      return next;
    }
    case 'ForfeitureRefused': {
      const { court, reason, outcome, occurredAt } = event.data;
      const application = state.forfeiture.application ?? {
        court,
        appliedAt: londonDateOf(occurredAt),
      };
      const released = outcome === 'released';
      next.status = released ? 'released' : afterNotice(state);
      next.release = released ? { reason: 'court_refused', at: occurredAt } : state.release;
      next.forfeiture = {
        ...state.forfeiture,
        application: { ...application, refused: { court, reason, outcome, at: occurredAt } },
      };
      return next;
    }
    case 'AssetPlacedUnderRestraint':
      next.restrainedBy = [...state.restrainedBy, event.data.restraintOrderId];
      return next;
    case 'AssetRestraintLifted':
      next.restrainedBy = state.restrainedBy.filter((id) => id !== event.data.restraintOrderId);
      return next;
    case 'AssetRealised': {
      const { occurredAt, ...d } = event.data;
      next.status = 'realised';
      next.realisation = { ...d, at: occurredAt };
      return next;
    }
    case 'AssetReleased': {
      const { reason, releasedTo, occurredAt } = event.data;
      next.status = 'released';
      next.release = { reason, releasedTo, at: occurredAt };
      return next;
    }
    case 'AssetDestroyed': {
      const { reason, authority, occurredAt } = event.data;
      next.status = 'destroyed';
      next.destruction = { reason, authority, at: occurredAt };
      return next;
    }
    case 'RecordVoided':
      next.status = 'voided';
      next.voided = { reason: event.data.reason, at: event.data.occurredAt };
      return next;
    default:
      return next;
  }
}
