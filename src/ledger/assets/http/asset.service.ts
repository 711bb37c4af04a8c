import { withoutAbsent } from '../../../common/objects';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CryptoJson, MoneyJson } from '../../../common/money';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { caseAggregate } from '../../cases/case.aggregate';
import { scopeAllows, writeScopeOf } from '../../../auth/access-scope';
import { CommandHandler, CommandOutcome } from '../../command-handling/command-handler';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { HistoryEntry, streamHistory } from '../../history/stream-history';
import { CryptoDto, FxRateDto, MoneyDto } from '../../http/dto/money.dto';
import { exhibitStream, Reservations } from '../../reservations/reservations';
import { UpcasterRegistry } from '../../upcasting/upcaster-registry';
import { assetAggregate } from '../asset.aggregate';
import { AssetCommand, SeizeAsset } from '../asset.commands';
import { AssetState } from '../asset.decider';
import { assetStream, Declared, RateUsed } from '../asset.events';
import { AccountDto } from './asset-fields';
import { SeizeAssetDto } from './asset.dto';
import {
  ApplyForForfeitureDto,
  DestroyAssetDto,
  ForfeitAssetDto,
  GiveForfeitureNoticeDto,
  ObjectToForfeitureDto,
  RealiseAssetDto,
  RefuseForfeitureDto,
  ReleaseAssetDto,
  VoidRecordDto,
} from './disposal.dto';
import {
  ApplyForRestraintDto,
  ChangeLegalBasisDto,
  CreditInterestDto,
  ExtendDetentionLimitDto,
  OrderDetentionDto,
  RecordInterestBearingAccountDto,
  SetFreezingOrderPeriodDto,
  TransferCustodyDto,
  ValueAssetDto,
  WithdrawValuationDto,
} from './holding.dto';

/** Data of an asset command (`context`, where a rule needs it, sits beside it, not in it). */
type DataOf<T extends AssetCommand['type']> = Extract<AssetCommand, { type: T }>['data'];

/**
 * The asset routes: each turns its DTO into the asset command (plain JSON, absent fields left
 * out) and lets the one command handler decide and append. A seizure also reserves its exhibit
 * reference within the acting agency, after the command is known to be acceptable.
 */
@Injectable()
export class AssetService {
  constructor(
    private readonly handler: CommandHandler,
    private readonly reservations: Reservations,
    private readonly upcasters: UpcasterRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  seize(dto: SeizeAssetDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return this.handler.handleCreating(assetAggregate, envelope, async () => {
      // The case's state only (from the snapshot kept of it, plus any later events).
      const found = await this.handler.loadState(caseAggregate, dto.caseId);
      // A case outside the actor's agency scope is, to them, no case at all.
      const caseExists =
        found.state.exists && scopeAllows(writeScopeOf(envelope.actor), found.state);
      const exhibitRef = dto.exhibitRef.trim();
      const command = (assetId: string): SeizeAsset => ({
        type: 'SeizeAsset',
        now: envelope.now,
        data: {
          assetId,
          caseId: dto.caseId,
          exhibitRef,
          power: dto.power,
          category: dto.category,
          description: dto.description,
          ...withoutAbsent({ seizedFrom: dto.seizedFrom }),
          location: dto.location,
          custodyLocation: dto.custodyLocation,
          ...(dto.declared && { declared: declaredFromDto(dto.declared) }),
          ...(dto.cashBreakdown && { cashBreakdown: dto.cashBreakdown.map(moneyFromDto) }),
          ...(dto.fx && { fx: dto.fx.map(rateFromDto) }),
          ...(dto.listedAggregate && { listedAggregate: moneyFromDto(dto.listedAggregate) }),
          ...(dto.intelligence && {
            intelligence: {
              sourceType: dto.intelligence.sourceType,
              reference: dto.intelligence.reference,
              confidential: dto.intelligence.confidential,
            },
          }),
          ...withoutAbsent({ occurredAt: dto.occurredAt }),
        },
        context: {
          case: {
            exists: caseExists,
            closed: found.state.closed,
            subjectIds: Object.keys(found.state.subjects),
          },
        },
      });
      const proposedId = uuidv7();
      const proposed = command(proposedId);
      const decided = this.handler.assertAccepted(assetAggregate, proposed);
      const agency = envelope.actor.agency;
      const assetId = await this.reservations.reserve(
        {
          stream: exhibitStream(agency, exhibitRef),
          describe: `exhibit reference ${exhibitRef} (${agency})`,
          ownerId: proposedId,
          code: 'exhibit_ref_taken',
          field: 'exhibitRef',
        },
        envelope,
      );
      // Decided once: a retried command goes on with the id it first reserved, decided afresh.
      return assetId === proposedId
        ? { id: assetId, command: proposed, decided }
        : { id: assetId, command: command(assetId) };
    });
  }

  changeLegalBasis(
    assetId: string,
    dto: ChangeLegalBasisDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ChangeLegalBasis', envelope, {
      to: dto.to,
      reason: dto.reason,
      ...(dto.fx && { fx: dto.fx.map(rateFromDto) }),
      ...(dto.listedAggregate && { listedAggregate: moneyFromDto(dto.listedAggregate) }),
      ...withoutAbsent({ occurredAt: dto.occurredAt }),
    });
  }

  transferCustody(
    assetId: string,
    dto: TransferCustodyDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'TransferCustody', envelope, {
      to: dto.to,
      reason: dto.reason,
      ...withoutAbsent({ sealNumber: dto.sealNumber, occurredAt: dto.occurredAt }),
    });
  }

  orderDetention(
    assetId: string,
    dto: OrderDetentionDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'OrderDetention', envelope, {
      kind: dto.kind,
      ...withoutAbsent({
        orderRef: dto.orderRef,
        court: dto.court,
        authorisedBy: dto.authorisedBy,
        seniorOfficerAuthority: dto.seniorOfficerAuthority,
        startsAt: dto.startsAt,
        expiresAt: dto.expiresAt,
        lateReason: dto.lateReason,
        occurredAt: dto.occurredAt,
      }),
    });
  }

  extendDetentionLimit(
    assetId: string,
    dto: ExtendDetentionLimitDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ExtendDetentionLimit', envelope, {
      court: dto.court,
      ...withoutAbsent({
        orderRef: dto.orderRef,
        extendedTo: dto.extendedTo,
        occurredAt: dto.occurredAt,
      }),
    });
  }

  setFreezingOrderPeriod(
    assetId: string,
    dto: SetFreezingOrderPeriodDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'SetFreezingOrderPeriod', envelope, {
      kind: dto.kind,
      court: dto.court,
      expiresOn: dto.expiresOn,
      ...withoutAbsent({ orderRef: dto.orderRef, madeOn: dto.madeOn, occurredAt: dto.occurredAt }),
    });
  }

  applyForRestraint(
    assetId: string,
    dto: ApplyForRestraintDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ApplyForRestraint', envelope, {
      court: dto.court,
      ...withoutAbsent({ appliedAt: dto.appliedAt, occurredAt: dto.occurredAt }),
    });
  }

  recordInterestBearingAccount(
    assetId: string,
    dto: RecordInterestBearingAccountDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'RecordInterestBearingAccount', envelope, {
      kind: dto.kind,
      ...withoutAbsent({
        account: dto.account,
        paidInAt: dto.paidInAt,
        reason: dto.reason,
        occurredAt: dto.occurredAt,
      }),
    });
  }

  creditInterest(
    assetId: string,
    dto: CreditInterestDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'CreditInterest', envelope, {
      amount: { amount: dto.amount.amount, currency: dto.amount.currency },
      ...withoutAbsent({ creditedOn: dto.creditedOn, occurredAt: dto.occurredAt }),
    });
  }

  value(assetId: string, dto: ValueAssetDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return this.send(assetId, 'ValueAsset', envelope, {
      valuationId: uuidv7(),
      basis: dto.basis,
      value: valueFromDto(dto.value),
      ...(dto.fx && { fx: rateFromDto(dto.fx) }),
      valuedAsAt: dto.valuedAsAt,
      valuer: dto.valuer,
      ...(dto.costsOfSale && { costsOfSale: moneyFromDto(dto.costsOfSale) }),
      ...withoutAbsent({ notes: dto.notes, occurredAt: dto.occurredAt }),
    });
  }

  withdrawValuation(
    assetId: string,
    valuationId: string,
    dto: WithdrawValuationDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'WithdrawValuation', envelope, {
      valuationId,
      reason: dto.reason,
      ...withoutAbsent({ occurredAt: dto.occurredAt }),
    });
  }

  giveForfeitureNotice(
    assetId: string,
    dto: GiveForfeitureNoticeDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'GiveForfeitureNotice', envelope, {
      noticeRef: dto.noticeRef,
      ...withoutAbsent({
        method: dto.method,
        sentAt: dto.sentAt,
        givenAt: dto.givenAt,
        objectionDeadline: dto.objectionDeadline,
        occurredAt: dto.occurredAt,
      }),
    });
  }

  objectToForfeiture(
    assetId: string,
    dto: ObjectToForfeitureDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ObjectToForfeiture', envelope, {
      objector: dto.objector,
      ...withoutAbsent({
        receivedAt: dto.receivedAt,
        madeAt: dto.madeAt,
        occurredAt: dto.occurredAt,
      }),
    });
  }

  applyForForfeiture(
    assetId: string,
    dto: ApplyForForfeitureDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ApplyForForfeiture', envelope, {
      court: dto.court,
      ...withoutAbsent({ appliedAt: dto.appliedAt, occurredAt: dto.occurredAt }),
    });
  }

  forfeit(
    assetId: string,
    dto: ForfeitAssetDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ForfeitAsset', envelope, {
      route: dto.route,
      ...(dto.amount && { amount: moneyFromDto(dto.amount) }),
      ...(dto.fx && { fx: rateFromDto(dto.fx) }),
      ...withoutAbsent({ orderRef: dto.orderRef, court: dto.court, occurredAt: dto.occurredAt }),
    });
  }

  refuseForfeiture(
    assetId: string,
    dto: RefuseForfeitureDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'RefuseForfeiture', envelope, {
      court: dto.court,
      reason: dto.reason,
      ...withoutAbsent({ outcome: dto.outcome, occurredAt: dto.occurredAt }),
    });
  }

  realise(
    assetId: string,
    dto: RealiseAssetDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'RealiseAsset', envelope, {
      grossProceeds: moneyFromDto(dto.grossProceeds),
      costs: moneyFromDto(dto.costs),
      ...(dto.receiverExpenses && { receiverExpenses: moneyFromDto(dto.receiverExpenses) }),
      realisedBy: dto.realisedBy,
      ...withoutAbsent({
        confiscationOrderId: dto.confiscationOrderId,
        courtAuthority: dto.courtAuthority,
        occurredAt: dto.occurredAt,
      }),
    });
  }

  release(
    assetId: string,
    dto: ReleaseAssetDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'ReleaseAsset', envelope, {
      reason: dto.reason,
      releasedTo: dto.releasedTo,
      ...withoutAbsent({ occurredAt: dto.occurredAt }),
    });
  }

  destroy(
    assetId: string,
    dto: DestroyAssetDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'DestroyAsset', envelope, {
      reason: dto.reason,
      authority: dto.authority,
      ...withoutAbsent({ courtAuthority: dto.courtAuthority, occurredAt: dto.occurredAt }),
    });
  }

  voidRecord(
    assetId: string,
    dto: VoidRecordDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(assetId, 'VoidRecord', envelope, {
      reason: dto.reason,
      ...withoutAbsent({ occurredAt: dto.occurredAt }),
    });
  }

  async get(
    assetId: string,
  ): Promise<{ state: AssetState; revision: bigint; position: bigint } | undefined> {
    const loaded = await this.handler.load(assetAggregate, assetId);
    if (!loaded.state.exists || loaded.revision === 'no_stream') return undefined;
    return { state: loaded.state, revision: loaded.revision, position: loaded.position ?? 0n };
  }

  history(assetId: string): Promise<HistoryEntry[]> {
    return streamHistory(this.store, this.upcasters, assetStream(assetId));
  }

  private send<T extends AssetCommand['type']>(
    assetId: string,
    type: T,
    envelope: CommandEnvelope,
    data: DataOf<T>,
  ): Promise<CommandOutcome> {
    const command = { type, now: envelope.now, data } as Extract<AssetCommand, { type: T }>;
    return this.handler.handle(assetAggregate, assetId, command, envelope);
  }
}

function moneyFromDto(m: MoneyDto): MoneyJson {
  return { amount: m.amount, currency: m.currency };
}

function rateFromDto(r: FxRateDto): RateUsed {
  return { currency: r.currency, rateToGbp: r.rateToGbp, source: r.source, asAt: r.asAt };
}

function valueFromDto(v: MoneyDto | CryptoDto): MoneyJson | CryptoJson {
  return v instanceof CryptoDto ? { symbol: v.symbol, quantity: v.quantity } : moneyFromDto(v);
}

function declaredFromDto(d: MoneyDto | CryptoDto | AccountDto): Declared {
  if (d instanceof AccountDto) {
    return {
      institution: d.institution,
      accountRef: d.accountRef,
      balance: moneyFromDto(d.balance),
    };
  }
  return valueFromDto(d);
}
