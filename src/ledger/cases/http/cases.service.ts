import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { CommandHandler, CommandOutcome } from '../../command-handling/command-handler';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { caseReferenceStream, Reservations } from '../../reservations/reservations';
import { caseAggregate } from '../case.aggregate';
import { OpenCase } from '../case.commands';
import { CaseState } from '../case.decider';
import { AddSubjectDto, OpenCaseDto, ReasonDto, ShareCaseDto } from './case.dto';

@Injectable()
export class CasesService {
  constructor(
    private readonly handler: CommandHandler,
    private readonly reservations: Reservations,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async open(dto: OpenCaseDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    const reference = dto.reference.trim();
    const command = (caseId: string): OpenCase => ({
      type: 'OpenCase',
      now: envelope.now,
      data: {
        caseId,
        reference,
        title: dto.title,
        operation: dto.operation,
        leadAgency: dto.leadAgency ?? envelope.actor.agency,
        prosecutingAgency: dto.prosecutingAgency,
        jurisdiction: dto.jurisdiction ?? 'E&W',
        offenceType: dto.offenceType,
        occurredAt: dto.occurredAt,
      },
    });
    return this.handler.handleCreating(caseAggregate, envelope, async () => {
      const proposedId = uuidv7();
      this.handler.assertAccepted(caseAggregate, command(proposedId));
      const caseId = await this.reservations.reserve(
        {
          stream: caseReferenceStream(reference),
          describe: `case reference ${reference}`,
          ownerId: proposedId,
          code: 'case_reference_taken',
          field: 'reference',
        },
        envelope,
      );
      return { id: caseId, command: command(caseId) };
    });
  }

  addSubject(
    caseId: string,
    dto: AddSubjectDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    const subjectId = uuidv7();
    return this.handler.handle(
      caseAggregate,
      caseId,
      { type: 'AddSubject', now: envelope.now, data: { subjectId, ...dto } },
      envelope,
    );
  }

  share(caseId: string, dto: ShareCaseDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return this.handler.handle(
      caseAggregate,
      caseId,
      { type: 'ShareCase', now: envelope.now, data: { ...dto } },
      envelope,
    );
  }

  revoke(
    caseId: string,
    agency: string,
    dto: Partial<ReasonDto>,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.handler.handle(
      caseAggregate,
      caseId,
      {
        type: 'RevokeCaseSharing',
        now: envelope.now,
        data: { agency, reason: dto.reason ?? 'Sharing revoked', occurredAt: dto.occurredAt },
      },
      envelope,
    );
  }

  close(caseId: string, dto: ReasonDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return this.handler.handle(
      caseAggregate,
      caseId,
      { type: 'CloseCase', now: envelope.now, data: { ...dto } },
      envelope,
    );
  }

  async get(caseId: string): Promise<{ state: CaseState; revision: bigint } | undefined> {
    const loaded = await this.handler.load(caseAggregate, caseId);
    if (!loaded.state.exists || loaded.revision === 'no_stream') return undefined;
    return { state: loaded.state, revision: loaded.revision };
  }

  async idByReference(reference: string): Promise<string | undefined> {
    for await (const event of this.store.readStream(caseReferenceStream(reference), {
      maxCount: 1,
    })) {
      return (event.data as { ownerId: string }).ownerId;
    }
    return undefined;
  }
}
