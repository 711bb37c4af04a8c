import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { assetAggregate } from '../../assets/asset.aggregate';
import { isHeld } from '../../assets/asset.state';
import { caseAggregate } from '../../cases/case.aggregate';
import {
  CommandHandler,
  CommandOutcome,
  LoadedAggregate,
} from '../../command-handling/command-handler';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { Actor } from '../../../common/actor';
import { CaseAccessReader } from '../../access/case-access-reader';
import { scopeAllows, writeScopeOf } from '../../../auth/access-scope';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { restraintAggregate } from '../restraint.aggregate';
import {
  MakeRestraintOrder,
  RestraintAssetContext,
  RestraintAssetFacts,
  RestraintOrderContext,
  VaryRestraintOrder,
} from '../restraint.commands';
import { RestraintState } from '../restraint.state';
import { RestraintEvent } from '../restraint.events';
import {
  AppointManagementReceiverDto,
  DischargeRestraintOrderDto,
  MakeRestraintOrderDto,
  RestraintExceptionDto,
  VaryRestraintOrderDto,
} from './restraint.dto';
import { RestraintLinks } from './restraint-links';
import { concurrentRestraints, RuleWarning } from '../restraint.rules';

/** A restraint command's outcome and its warnings (another active order over an asset). */
export type RestraintOutcome = CommandOutcome & { warnings: RuleWarning[] };

const NO_ASSET: RestraintAssetFacts = { exists: false, caseId: '', held: false, restrainedBy: [] };

@Injectable()
export class RestraintService {
  private readonly links: RestraintLinks;

  constructor(
    private readonly handler: CommandHandler,
    private readonly access: CaseAccessReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.links = new RestraintLinks(handler);
  }

  async make(dto: MakeRestraintOrderDto, envelope: CommandEnvelope): Promise<RestraintOutcome> {
    const restraintOrderId = uuidv7();
    const assetIds = dto.assetIds ?? [];
    const command: MakeRestraintOrder = {
      type: 'MakeRestraintOrder',
      now: envelope.now,
      data: {
        restraintOrderId,
        caseId: dto.caseId,
        subjectId: dto.subjectId,
        orderRef: dto.orderRef,
        court: dto.court,
        assetIds,
        coversAllRealisableProperty: dto.coversAllRealisableProperty ?? false,
        exceptions: exceptionsOf(dto.exceptions),
        occurredAt: dto.occurredAt,
      },
      context: await this.orderContext(dto.caseId, dto.subjectId, assetIds, envelope.actor),
    };
    const outcome = await this.linked(
      await this.handler.handle(restraintAggregate, restraintOrderId, command, envelope),
    );
    // Against the order as answered (a retry answers with the first order's id).
    const warnings = concurrentRestraints(assetIds, command.context.assets, outcome.id, 'assetIds');
    return { ...outcome, warnings };
  }

  async vary(
    id: string,
    dto: VaryRestraintOrderDto,
    envelope: CommandEnvelope,
  ): Promise<RestraintOutcome> {
    const command: VaryRestraintOrder = {
      type: 'VaryRestraintOrder',
      now: envelope.now,
      data: {
        addedAssetIds: dto.addedAssetIds,
        removedAssetIds: dto.removedAssetIds,
        exceptions: exceptionsOf(dto.exceptions),
        reason: dto.reason,
        occurredAt: dto.occurredAt,
      },
      context: { assets: await this.assetFacts(dto.addedAssetIds ?? [], envelope.actor) },
    };
    const outcome = await this.linked(
      await this.handler.handle(restraintAggregate, id, command, envelope),
    );
    const added = dto.addedAssetIds ?? [];
    const warnings = concurrentRestraints(added, command.context.assets, id, 'addedAssetIds');
    return { ...outcome, warnings };
  }

  async discharge(
    id: string,
    dto: DischargeRestraintOrderDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.linked(
      await this.handler.handle(
        restraintAggregate,
        id,
        {
          type: 'DischargeRestraintOrder',
          now: envelope.now,
          data: { reason: dto.reason, occurredAt: dto.occurredAt },
        },
        envelope,
      ),
    );
  }

  /**
   * An order binds from the moment it is acknowledged: before answering, write its links onto
   * each asset's stream (the events this command appended, read back as recorded, followed as the
   * restraint-links workflow follows them). A retry under the same Idempotency-Key, answered from
   * its record, follows the same events again, so a crash between the order and its links is
   * completed by the retry as well as by the workflow.
   */
  private async linked(outcome: CommandOutcome): Promise<CommandOutcome> {
    const count = outcome.events.length;
    if (count === 0) return outcome;
    const stream = restraintAggregate.stream(outcome.id);
    const fromRevision = outcome.revision - BigInt(count - 1);
    for await (const event of this.store.readStream(stream, { fromRevision, maxCount: count })) {
      await this.links.follow(event);
    }
    return outcome;
  }

  appointReceiver(
    id: string,
    dto: AppointManagementReceiverDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.handler.handle(
      restraintAggregate,
      id,
      {
        type: 'AppointManagementReceiver',
        now: envelope.now,
        data: { receiver: dto.receiver, appointedAt: dto.appointedAt, occurredAt: dto.occurredAt },
      },
      envelope,
    );
  }

  async get(
    id: string,
  ): Promise<(LoadedAggregate<RestraintEvent, RestraintState> & { revision: bigint }) | undefined> {
    const loaded = await this.handler.load(restraintAggregate, id);
    if (!loaded.state.exists || loaded.revision === 'no_stream') return undefined;
    return { ...loaded, revision: loaded.revision };
  }

  /** The case and subject named, and the assets: what `MakeRestraintOrder` decides against. */
  private async orderContext(
    caseId: string,
    subjectId: string,
    assetIds: string[],
    actor: Actor,
  ): Promise<RestraintOrderContext> {
    const [found, assets] = await Promise.all([
      this.handler.load(caseAggregate, caseId),
      this.assetFacts(assetIds, actor),
    ]);
    // A case outside the actor's agency scope is, to them, no case at all.
    const exists = found.state.exists && scopeAllows(writeScopeOf(actor), found.state);
    return {
      case: { exists, closed: found.state.closed },
      subjectExists: exists && Object.hasOwn(found.state.subjects, subjectId),
      assets,
    };
  }

  private async assetFacts(assetIds: string[], actor: Actor): Promise<RestraintAssetContext> {
    const ids = [...new Set(assetIds)];
    const facts = await Promise.all(ids.map((assetId) => this.factsOf(assetId, actor)));
    return Object.fromEntries(ids.map((assetId, i) => [assetId, facts[i]]));
  }

  /**
   * What the asset's stream says: its case, whether it is still held, and the restraint orders it
   * is under. The restraint commands write those links before they answer; an order not yet
   * unlinked (discharged, or the asset varied out of it) no longer counts.
   */
  private async factsOf(assetId: string, actor: Actor): Promise<RestraintAssetFacts> {
    const { state } = await this.handler.load(assetAggregate, assetId);
    if (!state.exists || !(await this.access.canWrite(actor, state.caseId))) return NO_ASSET;
    const linked = await Promise.all(
      state.restrainedBy.map(async (orderId) => {
        const order = await this.handler.load(restraintAggregate, orderId);
        const active =
          order.state.exists && !order.state.discharged && order.state.assetIds.includes(assetId);
        return active ? orderId : undefined;
      }),
    );
    return {
      exists: true,
      caseId: state.caseId ?? '',
      held: isHeld(state),
      restrainedBy: linked.filter((id): id is string => id !== undefined),
    };
  }
}

function exceptionsOf(dtos: RestraintExceptionDto[] | undefined) {
  return dtos?.map((x) => ({
    purpose: x.purpose,
    ...(x.amountPerWeek && {
      amountPerWeek: { amount: x.amountPerWeek.amount, currency: x.amountPerWeek.currency },
    }),
  }));
}
