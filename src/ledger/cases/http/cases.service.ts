import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { CommandHandler, CommandOutcome } from '../../command-handling/command-handler';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { caseReferenceStream, Reservations } from '../../reservations/reservations';
import { caseAggregate } from '../case.aggregate';
import { CaseAccessReader } from '../../access/case-access-reader';
import { ProblemException } from '../../../common/http/problem.exception';
import { problem } from '../../../common/problem';
import { OpenCase } from '../case.commands';
import { CaseState } from '../case.decider';
import { AddSubjectDto, OpenCaseDto, ReasonDto, ShareCaseDto } from './case.dto';

/** Subject ids are UUIDv5 in this namespace of the command that added them. */
const SUBJECT_NAMESPACE = '3e8a1b52-7c4d-5f06-9a2e-b1d0c6f47e91';

@Injectable()
export class CasesService {
  constructor(
    private readonly handler: CommandHandler,
    private readonly reservations: Reservations,
    private readonly access: CaseAccessReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async open(dto: OpenCaseDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    const own = envelope.actor.agency;
    if (dto.leadAgency !== undefined && dto.leadAgency !== own) {
      throw forbidden(
        `You may open cases led by your own agency (${own}) only; ${dto.leadAgency} opens its own and may share them`,
        'leadAgency',
      );
    }
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
      const proposed = command(proposedId);
      const decided = this.handler.assertAccepted(caseAggregate, proposed);
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
      // Decided once: a retried command goes on with the id it first reserved, decided afresh.
      return caseId === proposedId
        ? { id: caseId, command: proposed, decided }
        : { id: caseId, command: command(caseId) };
    });
  }

  /**
   * The subject's id derives from the command id, so a retry under the same Idempotency-Key
   * (answered from its record) names the same subject as the first answer did.
   */
  async addSubject(
    caseId: string,
    dto: AddSubjectDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome & { subjectId: string }> {
    const subjectId = uuidv5(`subject|${envelope.commandId}`, SUBJECT_NAMESPACE);
    const outcome = await this.handler.handle(
      caseAggregate,
      caseId,
      { type: 'AddSubject', now: envelope.now, data: { subjectId, ...dto } },
      envelope,
    );
    return { ...outcome, subjectId };
  }

  async share(
    caseId: string,
    dto: ShareCaseDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    await this.assertLeadAgency(caseId, envelope, 'share the case');
    return this.handler.handle(
      caseAggregate,
      caseId,
      { type: 'ShareCase', now: envelope.now, data: { ...dto } },
      envelope,
    );
  }

  async revoke(
    caseId: string,
    agency: string,
    dto: Partial<ReasonDto>,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    await this.assertLeadAgency(caseId, envelope, 'revoke sharing');
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

  async close(caseId: string, dto: ReasonDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    await this.assertLeadAgency(caseId, envelope, 'close the case');
    return this.handler.handle(
      caseAggregate,
      caseId,
      { type: 'CloseCase', now: envelope.now, data: { ...dto } },
      envelope,
    );
  }

  /**
   * Sharing and closing belong to the lead agency. An agency the case is shared with gets a 403
   * (it can see the case); any other agency falls through to the handler's not_found.
   */
  private async assertLeadAgency(caseId: string, envelope: CommandEnvelope, what: string) {
    const facts = await this.access.facts(caseId);
    const { agency } = envelope.actor;
    if (facts.exists && facts.leadAgency !== agency && facts.sharedWith.includes(agency)) {
      throw forbidden(`Only the lead agency (${facts.leadAgency}) may ${what}`);
    }
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

function forbidden(detail: string, field?: string): ProblemException {
  return new ProblemException(
    problem(
      403,
      'forbidden',
      'Not allowed',
      detail,
      field ? { errors: [{ path: field, message: detail }] } : {},
    ),
  );
}
