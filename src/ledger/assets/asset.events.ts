import { CryptoJson, FxRateJson, MoneyJson } from '../../common/money';
import { DomainEvent } from '../decider';

/** The legal powers an asset can be held under (docs/domain.md, "Legal powers an asset can be held under"). */
export const POWERS = [
  'PACE_S19',
  'PACE_S22',
  'POCA_S294_CASH',
  'POCA_S303J_LISTED',
  'POCA_S303Z1_AFO',
  'POCA_S303Z29_CRYPTO',
  'POCA_S47C',
  'RESTRAINT_S41',
] as const;
export type Power = (typeof POWERS)[number];

/**
 * Codes a power was once recorded under. Requests may still send them (deprecated: documented in
 * docs/api.md); old events carrying them are upcast to the current code when read.
 * `POCA_S303Z21_CRYPTO` cited the wrong section: cryptoassets are seized under s.303Z29.
 */
export const DEPRECATED_POWER_CODES: Readonly<Record<string, Power>> = {
  POCA_S303Z21_CRYPTO: 'POCA_S303Z29_CRYPTO',
};

/** The current code for `value` when it is a deprecated one; anything else unchanged. */
export function currentPowerCode(value: unknown): unknown {
  return typeof value === 'string' ? (DEPRECATED_POWER_CODES[value] ?? value) : value;
}

export const CATEGORIES = [
  'cash',
  'bank_account',
  'cryptoasset',
  'vehicle',
  'vessel',
  'real_property',
  'jewellery',
  'watch',
  'precious_metal',
  'precious_stone',
  'artwork',
  'face_value_voucher',
  'postage_stamp',
  'electronics',
  'document',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const FORFEITURE_ROUTES = [
  'cash_s298',
  'notice_s297A',
  'account_s303Z14',
  'notice_s303Z9',
  'listed_s303O',
  'crypto_s303Z41',
  'civil_recovery',
] as const;
export type ForfeitureRoute = (typeof FORFEITURE_ROUTES)[number];

export const VALUATION_BASES = [
  'market',
  'face_value',
  'exchange_rate',
  'sale_price',
  'forced_sale',
  'insurance',
] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

export const RELEASE_REASONS = [
  'detention_expired',
  'court_refused',
  'no_further_action',
  'owner_claim',
  'victim_claim',
  'other',
] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

export const DETENTION_KINDS = ['initial', 'extension'] as const;
export type DetentionKind = (typeof DETENTION_KINDS)[number];

/** Where a refused forfeiture leaves the asset. */
export const REFUSAL_OUTCOMES = ['detained', 'released'] as const;
export type RefusalOutcome = (typeof REFUSAL_OUTCOMES)[number];

/** An exchange rate as used on an event: sterling per one unit of `currency` (ISO 4217 or crypto symbol). */
export interface RateUsed extends FxRateJson {
  currency: string;
}

/** A bank, building society, e-money or payment account (the declared value of an AFO). */
export interface AccountJson {
  institution: string;
  accountRef: string;
  balance: MoneyJson;
}

/** What was declared at seizure: money (cash, a declared value), a crypto quantity, or an account. */
export type Declared = MoneyJson | CryptoJson | AccountJson;

export interface Intelligence {
  sourceType: string;
  reference: string;
  /** Never shown outside the recording agency, never printed on court documents. */
  confidential: boolean;
}

export type AssetSeized = DomainEvent<
  'AssetSeized',
  {
    assetId: string;
    caseId: string;
    exhibitRef: string;
    power: Power;
    category: Category;
    description: string;
    /** subjectId of the person it was taken from. */
    seizedFrom?: string;
    location: string;
    custodyLocation: string;
    declared?: Declared;
    /** Cash only: the amount seized in each currency (one entry per currency). */
    cashBreakdown?: MoneyJson[];
    /** The exchange rates used (one per currency or crypto symbol). */
    fx?: RateUsed[];
    /** Computed by the decider: the declared amount (or cash breakdown) in sterling, when known. */
    declaredGbp?: MoneyJson;
    /** Listed assets seized together: their aggregate declared value (s.303J minimum). */
    listedAggregate?: MoneyJson;
    /** Computed by the decider: the aggregate in sterling. */
    listedAggregateGbp?: MoneyJson;
    intelligence?: Intelligence;
    occurredAt: string;
  }
>;

export type LegalBasisChanged = DomainEvent<
  'LegalBasisChanged',
  {
    from: Power;
    to: Power;
    reason: string;
    /** Rates given with the change (to reach a sterling figure the seizure could not). */
    fx?: RateUsed[];
    /** Recomputed sterling equivalent of the declared amount, when the change needed one. */
    declaredGbp?: MoneyJson;
    listedAggregate?: MoneyJson;
    listedAggregateGbp?: MoneyJson;
    occurredAt: string;
  }
>;

export type CustodyTransferred = DomainEvent<
  'CustodyTransferred',
  { from: string; to: string; sealNumber?: string; reason: string; occurredAt: string }
>;

export type DetentionOrdered = DomainEvent<
  'DetentionOrdered',
  {
    kind: DetentionKind;
    orderRef?: string;
    court?: string;
    authorisedBy?: string;
    /** Listed assets: a senior officer authorised the 48-hour initial period (s.303K). */
    seniorOfficerAuthority?: boolean;
    startsAt: string;
    expiresAt: string;
    /**
     * Extension orders: the London date the court made the order (the date of `occurredAt`). Its
     * 6 months, and the first order's 2 years, are counted beginning with it. Older events have
     * none: their order date is the date of `occurredAt`.
     */
    orderDate?: string;
    lateReason?: string;
    occurredAt: string;
  }
>;

/** A s.303Z32(4) order: the 2 years of s.303Z32(2)(b) extended, up to 3 years beginning with the first order. */
export type DetentionLimitExtended = DomainEvent<
  'DetentionLimitExtended',
  {
    section: 's.303Z32(4)';
    court: string;
    orderRef?: string;
    /** The London date the court made the order. */
    orderDate: string;
    /** The date of the first order under s.303Z32(1), which the period begins with. */
    firstOrderDate: string;
    /** The last day (London) to whose end detention may now be authorised. */
    extendedTo: string;
    occurredAt: string;
  }
>;

/** The period of an account freezing order, as made (s.303Z3(3)) or varied (s.303Z4). */
export type FreezingOrderPeriodSet = DomainEvent<
  'FreezingOrderPeriodSet',
  {
    kind: 'made' | 'variation';
    court: string;
    orderRef?: string;
    /** The day the order was made: the 2 years of s.303Z3(4) start with it. */
    madeOn: string;
    /** The last day (London) the order has effect. */
    expiresOn: string;
    occurredAt: string;
  }
>;

/** s.47K: an application for a restraint order authorising detention (s.41A), within the 48 hours. */
export type RestraintApplied = DomainEvent<
  'RestraintApplied',
  { court: string; appliedAt: string; occurredAt: string }
>;

/** s.296: the cash paid into an interest-bearing account, or kept as evidence (s.296(3)). */
export type CashInterestBearingRecorded = DomainEvent<
  'CashInterestBearingRecorded',
  {
    status: 'paid_in' | 'evidence';
    account?: string;
    paidInAt?: string;
    reason?: string;
    occurredAt: string;
  }
>;

/** Interest the interest-bearing account earned on the cash (s.296(1)), in sterling. */
export type InterestCredited = DomainEvent<
  'InterestCredited',
  { amount: MoneyJson; creditedOn: string; occurredAt: string }
>;

export type AssetValued = DomainEvent<
  'AssetValued',
  {
    valuationId: string;
    basis: ValuationBasis;
    /** Money in any currency, or a crypto quantity (priced by `fx`, the price per coin). */
    value: MoneyJson | CryptoJson;
    /** Computed by the decider from value × rate, never taken from the client. */
    gbpValue: MoneyJson;
    fx?: RateUsed;
    valuedAsAt: string;
    valuer: string;
    costsOfSale?: MoneyJson;
    notes?: string;
    occurredAt: string;
  }
>;

export type ValuationWithdrawn = DomainEvent<
  'ValuationWithdrawn',
  { valuationId: string; reason: string; occurredAt: string }
>;

/** How a forfeiture notice was given (the notice regulations): to a person, or by publication. */
export const NOTICE_METHODS = ['post', 'electronic', 'publication'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

export type ForfeitureNoticeGiven = DomainEvent<
  'ForfeitureNoticeGiven',
  {
    noticeRef: string;
    /** The date the notice is treated as given: the period for objecting starts the day after. */
    givenAt: string;
    objectionDeadline: string;
    /** How it was given, and when it was sent, posted or published (absent on older events). */
    method?: NoticeMethod;
    sentAt?: string;
    occurredAt: string;
  }
>;

export type ForfeitureObjected = DomainEvent<
  'ForfeitureObjected',
  {
    objector: string;
    receivedAt: string;
    /** The instant the objection was made: s.297D and s.303Z11(2) count 48 hours from it. */
    madeAt?: string;
    occurredAt: string;
  }
>;

export type ForfeitureApplied = DomainEvent<
  'ForfeitureApplied',
  { court: string; appliedAt: string; occurredAt: string }
>;

export type AssetForfeited = DomainEvent<
  'AssetForfeited',
  {
    route: ForfeitureRoute;
    orderRef?: string;
    court?: string;
    amount: MoneyJson;
    /** Computed by the decider: the amount in sterling (equal to amount when GBP). */
    gbpAmount: MoneyJson;
    fx?: RateUsed;
    /** s.296(1): interest credited on the detained cash; included in the amount when it defaults. */
    interestAdded?: MoneyJson;
    occurredAt: string;
  }
>;

export type ForfeitureRefused = DomainEvent<
  'ForfeitureRefused',
  { court: string; reason: string; outcome: RefusalOutcome; occurredAt: string }
>;

export type AssetPlacedUnderRestraint = DomainEvent<
  'AssetPlacedUnderRestraint',
  { restraintOrderId: string; occurredAt: string }
>;

export type AssetRestraintLifted = DomainEvent<
  'AssetRestraintLifted',
  { restraintOrderId: string; occurredAt: string }
>;

export type AssetRealised = DomainEvent<
  'AssetRealised',
  {
    grossProceeds: MoneyJson;
    costs: MoneyJson;
    /** Computed by the decider: gross − costs. */
    netProceeds: MoneyJson;
    /**
     * s.55(4)(b): the enforcement receiver's remuneration and expenses. Not deducted from what is
     * paid into the order (s.55(2): the receipt reduces the amount payable); applied first out of
     * it, before any s.13(6) direction.
     */
    receiverExpenses?: MoneyJson;
    realisedBy: string;
    confiscationOrderId?: string;
    /** Recorded when the asset was under a restraint order: the court's authority to realise it. */
    courtAuthority?: string;
    occurredAt: string;
  }
>;

export type AssetReleased = DomainEvent<
  'AssetReleased',
  {
    reason: ReleaseReason;
    releasedTo: string;
    /** s.296(1): interest credited on the detained cash, released with it. */
    interestAdded?: MoneyJson;
    occurredAt: string;
  }
>;

export type AssetDestroyed = DomainEvent<
  'AssetDestroyed',
  { reason: string; authority: string; courtAuthority?: string; occurredAt: string }
>;

export type RecordVoided = DomainEvent<'RecordVoided', { reason: string; occurredAt: string }>;

export type AssetEvent =
  | AssetSeized
  | LegalBasisChanged
  | CustodyTransferred
  | DetentionOrdered
  | DetentionLimitExtended
  | FreezingOrderPeriodSet
  | CashInterestBearingRecorded
  | InterestCredited
  | RestraintApplied
  | AssetValued
  | ValuationWithdrawn
  | ForfeitureNoticeGiven
  | ForfeitureObjected
  | ForfeitureApplied
  | AssetForfeited
  | ForfeitureRefused
  | AssetPlacedUnderRestraint
  | AssetRestraintLifted
  | AssetRealised
  | AssetReleased
  | AssetDestroyed
  | RecordVoided;

export const ASSET_EVENT_TYPES: readonly AssetEvent['type'][] = [
  'AssetSeized',
  'LegalBasisChanged',
  'CustodyTransferred',
  'DetentionOrdered',
  'DetentionLimitExtended',
  'FreezingOrderPeriodSet',
  'CashInterestBearingRecorded',
  'InterestCredited',
  'RestraintApplied',
  'AssetValued',
  'ValuationWithdrawn',
  'ForfeitureNoticeGiven',
  'ForfeitureObjected',
  'ForfeitureApplied',
  'AssetForfeited',
  'ForfeitureRefused',
  'AssetPlacedUnderRestraint',
  'AssetRestraintLifted',
  'AssetRealised',
  'AssetReleased',
  'AssetDestroyed',
  'RecordVoided',
];

export const assetStream = (assetId: string) => `asset-${assetId}`;
