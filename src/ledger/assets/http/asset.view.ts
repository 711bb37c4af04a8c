import { withoutAbsent } from '../../../common/objects';
import { detentionLimit } from '../detention-limits.rules';
import { initialPeriodFromSeizure } from '../detention.rules';
import { earlierRulesFlags } from '../earlier-rules.flags';
import { freezingOrderEnds } from '../freezing-order.rules';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CryptoJson, MoneyJson } from '../../../common/money';
import { HistoryEntry } from '../../history/stream-history';
import {
  CATEGORIES,
  Category,
  Declared,
  Intelligence,
  Power,
  POWERS,
  RateUsed,
  VALUATION_BASES,
  ValuationBasis,
} from '../asset.events';
import { isAccountJson, isCryptoJson } from '../declared-value.rules';
import {
  ASSET_STATUSES,
  AssetState,
  AssetStatus,
  currentValuation,
  DetentionState,
  ForfeitureState,
  isHeld,
  ValuationRecord,
} from '../asset.state';

/** What a confidential intelligence reference reads as wherever it may not be shown. */
export const PROTECTED = '[protected]';

/**
 * A seizure's intelligence as it may be shown: a confidential source's reference reads
 * `[protected]` unless the reader may see confidential sources (the lead agency's investigators
 * and supervisors: see maySeeConfidentialSources).
 */
export function protectIntelligence(
  intelligence: Intelligence,
  showConfidential = false,
): Intelligence {
  return {
    sourceType: intelligence.sourceType,
    reference: intelligence.confidential && !showConfidential ? PROTECTED : intelligence.reference,
    confidential: intelligence.confidential,
  };
}

/** A history entry with a confidential intelligence reference replaced by `[protected]`. */
export function protectHistoryEntry(entry: HistoryEntry): HistoryEntry {
  const intelligence = entry.data.intelligence;
  if (typeof intelligence !== 'object' || intelligence === null || Array.isArray(intelligence)) {
    return entry;
  }
  const i = intelligence as unknown as Intelligence;
  if (i.confidential === false) return entry;
  const protectedIntelligence = { ...i, confidential: true, reference: PROTECTED };
  return {
    ...entry,
    data: { ...entry.data, intelligence: protectedIntelligence },
  };
}

export class LegalBasisView {
  @ApiProperty({ enum: POWERS, example: 'POCA_S294_CASH' })
  power!: Power;

  @ApiProperty({
    example: '2026-11-27T10:00:00.000Z',
    description: 'When it came under this power (seizure or the last change)',
  })
  since!: string;
}

export class IntelligenceView {
  @ApiProperty({ example: 'retail partner' })
  sourceType!: string;

  @ApiProperty({
    example: '[protected]',
    description: 'A confidential reference reads [protected]',
  })
  reference!: string;

  @ApiProperty()
  confidential!: boolean;
}

export class CurrentValuationView {
  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'The date asked for (?asAt=); absent: everything recorded',
  })
  asAt?: string;

  @ApiProperty({ enum: ['valuation', 'declared'] })
  source!: 'valuation' | 'declared';

  @ApiPropertyOptional({ description: 'The value in its own currency or units' })
  value?: MoneyJson | CryptoJson;

  @ApiProperty({ example: { amount: '10708.75', currency: 'GBP' } })
  gbpValue!: MoneyJson;

  @ApiPropertyOptional({ description: 'The rate used for the sterling value' })
  fx?: RateUsed;

  @ApiPropertyOptional({ format: 'uuid' })
  valuationId?: string;

  @ApiPropertyOptional({ enum: VALUATION_BASES, example: 'market' })
  basis?: ValuationBasis;

  @ApiPropertyOptional()
  valuer?: string;

  @ApiPropertyOptional({ example: '2026-11-28' })
  valuedAsAt?: string;
}

export class ValuationView {
  @ApiProperty({ format: 'uuid' })
  valuationId!: string;

  @ApiProperty({ enum: VALUATION_BASES, example: 'market' })
  basis!: ValuationBasis;

  @ApiProperty({ description: 'Money, or a cryptoasset quantity' })
  value!: MoneyJson | CryptoJson;

  @ApiProperty()
  gbpValue!: MoneyJson;

  @ApiPropertyOptional()
  fx?: RateUsed;

  @ApiProperty({ example: '2026-11-28' })
  valuedAsAt!: string;

  @ApiProperty()
  valuer!: string;

  @ApiPropertyOptional()
  costsOfSale?: MoneyJson;

  @ApiPropertyOptional()
  notes?: string;

  @ApiProperty({ description: 'When the valuation was made (its occurredAt)' })
  occurredAt!: string;

  @ApiProperty()
  withdrawn!: boolean;

  @ApiPropertyOptional()
  withdrawnReason?: string;
}

export class InitialPeriodView {
  @ApiProperty({ description: 'When the asset came under the power' })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z', description: 'The end of the counted hours' })
  expiresAt!: string;

  @ApiProperty({ example: 48 })
  countedHours!: number;
}

export class DetentionLimitExtensionView {
  @ApiProperty({ example: 's.303Z32(4)' })
  section!: string;

  @ApiProperty({ example: '2028-11-20' })
  orderDate!: string;

  @ApiPropertyOptional()
  orderRef?: string;
}

export class DetentionLimitView {
  @ApiProperty({
    example: '2028-11-29',
    description: 'Detention may be authorised to the end of this London day, not beyond',
  })
  lastDay!: string;

  @ApiProperty({ example: '2026-11-30' })
  firstOrderDate!: string;

  @ApiPropertyOptional({
    type: DetentionLimitExtensionView,
    description: 'A s.303Z32(4) order extended the 2 years (cryptoassets, up to 3 years)',
  })
  extendedBy?: DetentionLimitExtensionView;
}

export class DetentionView {
  @ApiProperty({ description: 'Start of the first detention (initial or order)' })
  firstStartedAt!: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description:
      'The date of the first extension order: no further order may authorise detention beyond the end of 2 years beginning with it (s.295(2)(b))',
  })
  firstOrderDate?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description:
      'The date of the current extension order: it may not authorise detention beyond the end of 6 months beginning with it (s.295(2)(a))',
  })
  orderDate?: string;

  @ApiProperty()
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ enum: ['initial', 'extension'] })
  kind!: string;

  @ApiPropertyOptional()
  orderRef?: string;

  @ApiProperty({ description: 'Detentions recorded (the initial one and extension orders)' })
  orders!: number;

  @ApiPropertyOptional({
    type: DetentionLimitView,
    description:
      'Once a first extension order exists: the last day any further order may reach (s.295(2)(b), s.303L(2)(b), s.303Z32(2)(b) and (4))',
  })
  limit?: DetentionLimitView;
}

export class FreezingOrderView {
  @ApiProperty({ example: '2026-11-27', description: 'The day the order was made' })
  madeOn!: string;

  @ApiProperty({
    example: '2027-05-26',
    description:
      'The last day it has effect: as the court specified (made or varied), else the statutory maximum of 2 years starting with the day it was made (s.303Z3(4))',
  })
  lastDay!: string;

  @ApiProperty({ description: 'The court specified the period (else: none recorded yet)' })
  specified!: boolean;

  @ApiPropertyOptional()
  court?: string;

  @ApiPropertyOptional()
  orderRef?: string;

  @ApiProperty({ description: 'Variations under s.303Z4' })
  variations!: number;
}

/** Something recorded under earlier rules that today's rules would refuse: check it with the court. */
export class EarlierRulesFlagView {
  @ApiProperty({ example: 'detention_limit_exceeded', description: 'The rule code' })
  code!: string;

  @ApiProperty()
  detail!: string;

  @ApiPropertyOptional({ description: 'The order or notice concerned' })
  ref?: string;
}

/** `GET /assets/{assetId}`: the asset as it stands. */
export class AssetSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '4', description: "The stream's revision; also the ETag" })
  revision!: string;

  @ApiProperty({ description: 'The number of events on the asset' })
  historyLength!: number;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'JDS/1' })
  exhibitRef!: string;

  @ApiProperty({ enum: CATEGORIES, example: 'cash' })
  category!: Category;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: ASSET_STATUSES })
  status!: AssetStatus;

  @ApiProperty({
    description: 'Still held (false once released, realised, destroyed, voided or paid over)',
  })
  held!: boolean;

  @ApiProperty({ type: LegalBasisView })
  legalBasis!: LegalBasisView;

  @ApiPropertyOptional({ format: 'uuid', description: 'The subject it was taken from' })
  seizedFrom?: string;

  @ApiProperty()
  seizedAt!: string;

  @ApiProperty()
  location!: string;

  @ApiProperty()
  custodyLocation!: string;

  @ApiPropertyOptional({ description: 'Money, a cryptoasset quantity, or an account' })
  declared?: Declared;

  @ApiPropertyOptional({ description: 'The declared amount in sterling, when known' })
  declaredGbp?: MoneyJson;

  @ApiPropertyOptional()
  cashBreakdown?: MoneyJson[];

  @ApiPropertyOptional()
  listedAggregateGbp?: MoneyJson;

  @ApiProperty({ description: 'Every exchange rate recorded on the asset, one per currency' })
  fx!: RateUsed[];

  @ApiPropertyOptional({ type: IntelligenceView })
  intelligence?: IntelligenceView;

  @ApiProperty({ type: CurrentValuationView, nullable: true })
  currentValuation!: CurrentValuationView | null;

  @ApiProperty({ type: [ValuationView], description: 'Every valuation, withdrawn ones flagged' })
  valuations!: ValuationView[];

  @ApiProperty({ type: DetentionView, nullable: true })
  detention!: DetentionView | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      's.47K: an application for a restraint order authorising detention, made within the 48 hours of s.47J ({ court, appliedAt }): the clock stops while it is pending',
  })
  restraintApplication?: Record<string, string>;

  @ApiPropertyOptional({
    type: FreezingOrderView,
    description: 'Accounts frozen under s.303Z1: the period the freezing order has effect',
  })
  freezingOrder?: FreezingOrderView;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      's.296: where seized cash is held to earn interest ({ status: paid_in, account, paidInAt }) or why it is kept as evidence ({ status: evidence, reason })',
  })
  interestBearing?: Record<string, string>;

  @ApiPropertyOptional({
    example: { amount: '12.34', currency: 'GBP' },
    description: 's.296: interest credited so far; it goes with the cash on forfeiture or release',
  })
  interestEarned?: MoneyJson;

  @ApiProperty({
    type: [EarlierRulesFlagView],
    description:
      'What was recorded under earlier rules and today’s rules would refuse (e.g. an extension order measured from the expiry it extended): the facts stand; check them with the court',
  })
  earlierRulesFlags!: EarlierRulesFlagView[];

  @ApiPropertyOptional({
    type: InitialPeriodView,
    description:
      'Before any detention is recorded: the statutory initial period that runs from the seizure itself (s.295(1), (1B); s.303K; cryptoassets seized under s.303Z29)',
  })
  initialPeriod?: InitialPeriodView;

  @ApiProperty({ description: 'Notice, application (and refusal), forfeiture' })
  forfeiture!: {
    notice: ForfeitureState['notice'] | null;
    application: ForfeitureState['application'] | null;
    forfeited: ForfeitureState['forfeited'] | null;
  };

  @ApiProperty({ type: [String], description: 'Active restraint orders' })
  restrainedBy!: string[];

  @ApiProperty({ nullable: true, description: 'Gross proceeds, costs and net proceeds' })
  realisation!: AssetState['realisation'] | null;

  @ApiProperty({ nullable: true })
  release!: AssetState['release'] | null;

  @ApiProperty({ nullable: true })
  destruction!: AssetState['destruction'] | null;

  @ApiProperty({ nullable: true })
  voided!: AssetState['voided'] | null;
}

/** The native amount a declaration stands for (the balance of an account). */
function declaredValue(declared: Declared): MoneyJson | CryptoJson {
  if (isAccountJson(declared)) return declared.balance;
  if (isCryptoJson(declared)) return { symbol: declared.symbol, quantity: declared.quantity };
  return declared;
}

function valuationView(v: ValuationRecord): ValuationView {
  return {
    valuationId: v.valuationId,
    basis: v.basis,
    value: v.value,
    gbpValue: v.gbpValue,
    ...(v.fx && { fx: v.fx }),
    valuedAsAt: v.valuedAsAt,
    valuer: v.valuer,
    ...(v.costsOfSale && { costsOfSale: v.costsOfSale }),
    ...(v.notes !== undefined && { notes: v.notes }),
    occurredAt: v.recordedAt,
    withdrawn: v.withdrawn,
    ...(v.withdrawnReason !== undefined && { withdrawnReason: v.withdrawnReason }),
  };
}

function currentValuationView(state: AssetState, asAt?: string): CurrentValuationView | null {
  const current = currentValuation(state, asAt);
  if (!current) return null;
  const at = asAt !== undefined ? { asAt } : {};
  if (current.source === 'valuation') {
    const record = state.valuations.find((v) => v.valuationId === current.valuationId);
    return {
      ...at,
      source: 'valuation',
      ...(record && { value: record.value }),
      gbpValue: current.gbpValue,
      ...(record?.fx && { fx: record.fx }),
      valuationId: current.valuationId,
      basis: current.basis,
      ...(record && { valuer: record.valuer }),
      valuedAsAt: current.valuedAsAt,
    };
  }
  const value = state.declared ? declaredValue(state.declared) : undefined;
  const unit = value && ('currency' in value ? value.currency : value.symbol);
  const rate = unit && unit !== 'GBP' ? state.fx.find((r) => r.currency === unit) : undefined;
  return {
    ...at,
    source: 'declared',
    ...(value && { value }),
    gbpValue: current.gbpValue,
    ...(rate && { fx: rate }),
  };
}

function detentionView(d: DetentionState | undefined, power?: string): DetentionView | null {
  if (!d) return null;
  return {
    firstStartedAt: d.firstStartedAt,
    ...withoutAbsent({ firstOrderDate: d.firstOrderDate, orderDate: d.orderDate }),
    startsAt: d.startsAt,
    expiresAt: d.expiresAt,
    kind: d.kind,
    ...(d.orderRef !== undefined && { orderRef: d.orderRef }),
    orders: d.orders,
    // s.47M orders (s.47C property) have no s.295(2)-style limit.
    ...withoutAbsent({ limit: power === 'POCA_S47C' ? undefined : detentionLimit(d) }),
  };
}

function freezingOrderView(state: AssetState): FreezingOrderView | undefined {
  if (state.power !== 'POCA_S303Z1_AFO') return undefined;
  const ends = freezingOrderEnds(state);
  if (!ends) return undefined;
  const recorded = state.freezingOrder;
  return {
    madeOn: ends.madeOn,
    lastDay: ends.lastDay,
    specified: ends.specified,
    ...withoutAbsent({ court: recorded?.court, orderRef: recorded?.orderRef }),
    variations: recorded?.variations ?? 0,
  };
}

export function toAssetSummary(
  id: string,
  state: AssetState,
  revision: bigint,
  asAt?: string,
  showConfidential = false,
): AssetSummary {
  return {
    id,
    revision: revision.toString(),
    historyLength: state.version,
    caseId: state.caseId ?? '',
    exhibitRef: state.exhibitRef ?? '',
    category: state.category ?? 'other',
    description: state.description ?? '',
    status: state.status ?? 'held',
    held: isHeld(state),
    legalBasis: { power: state.power ?? 'PACE_S19', since: state.powerSince ?? '' },
    ...(state.seizedFrom !== undefined && { seizedFrom: state.seizedFrom }),
    seizedAt: state.seizedAt ?? '',
    location: state.location ?? '',
    custodyLocation: state.custodyLocation ?? '',
    ...(state.declared && { declared: state.declared }),
    ...(state.declaredGbp && { declaredGbp: state.declaredGbp }),
    ...(state.cashBreakdown && { cashBreakdown: state.cashBreakdown }),
    ...(state.listedAggregateGbp && { listedAggregateGbp: state.listedAggregateGbp }),
    fx: state.fx,
    ...(state.intelligence && {
      intelligence: protectIntelligence(state.intelligence, showConfidential),
    }),
    currentValuation: currentValuationView(state, asAt),
    valuations: state.valuations.map(valuationView),
    detention: detentionView(state.detention, state.power),
    ...withoutAbsent({ freezingOrder: freezingOrderView(state) }),
    ...(state.restraintApplication && { restraintApplication: { ...state.restraintApplication } }),
    ...(state.interestBearing && {
      interestBearing: withoutAbsent({ ...state.interestBearing }),
    }),
    ...(state.interestEarned && { interestEarned: state.interestEarned }),
    earlierRulesFlags: earlierRulesFlags(state),
    ...withoutAbsent({ initialPeriod: initialPeriodFromSeizure(state) }),
    forfeiture: {
      notice: state.forfeiture.notice ?? null,
      application: state.forfeiture.application ?? null,
      forfeited: state.forfeiture.forfeited ?? null,
    },
    restrainedBy: state.restrainedBy,
    realisation: state.realisation ?? null,
    release: state.release ?? null,
    destruction: state.destruction ?? null,
    voided: state.voided ?? null,
  };
}
