import {
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  NotFoundException,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CommandEnvelope } from '../../command-handling/command-metadata';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { readScopeOf, scopeAllows } from '../../../auth/access-scope';
import { ApiCommand } from '../../http/api-command.decorator';
import { Envelope } from '../../http/command-envelope';
import { CommandResponse, sendOutcome } from '../../http/command-response';
import { IdParam } from '../../http/id-param';
import { AgencyParam } from '../../http/agency-param';
import { AddSubjectDto, OpenCaseDto, ReasonDto, ShareCaseDto } from './case.dto';
import { CaseSummary, toCaseSummary } from './case.summary';
import { caseContents } from '../../../projections/asset-register/case-contents.query';
import { ProjectionRunner } from '../../../projections/projection-runner';
import { READ_MODEL_DB } from '../../../projections/projections.tokens';
import { ReadModelDb } from '../../../projections/read-model-db';
import { readAfter } from '../../../projections/read-your-writes';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  @Post()
  @ApiCommand('Open a case', ['investigator', 'supervisor'], { creates: true })
  async open(
    @Body() dto: OpenCaseDto,
    @Envelope(['investigator', 'supervisor']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.open(dto, envelope));
  }

  @Post(':caseId/subjects')
  @ApiCommand('Add a subject (suspect, defendant, respondent or third party)', [
    'investigator',
    'court_liaison',
    'supervisor',
  ])
  async addSubject(
    @IdParam('caseId') caseId: string,
    @Body() dto: AddSubjectDto,
    @Envelope(['investigator', 'court_liaison', 'supervisor']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.addSubject(caseId, dto, envelope));
  }

  @Post(':caseId/shares')
  @ApiCommand('Share the case with another agency', ['supervisor', 'investigator'])
  async share(
    @IdParam('caseId') caseId: string,
    @Body() dto: ShareCaseDto,
    @Envelope(['supervisor', 'investigator']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.share(caseId, dto, envelope));
  }

  @Delete(':caseId/shares/:agency')
  @ApiCommand('Revoke sharing with an agency', ['supervisor', 'investigator'])
  async revoke(
    @IdParam('caseId') caseId: string,
    @AgencyParam('agency') agency: string,
    @Body() dto: ReasonDto,
    @Envelope(['supervisor', 'investigator']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.revoke(caseId, agency, dto, envelope));
  }

  @Post(':caseId/close')
  @ApiCommand('Close the case', ['supervisor'])
  async close(
    @IdParam('caseId') caseId: string,
    @Body() dto: ReasonDto,
    @Envelope(['supervisor']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.cases.close(caseId, dto, envelope));
  }

  @Get()
  @ApiOperation({ summary: 'Find a case by its reference' })
  async find(
    @Query('reference') reference: string | undefined,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseSummary> {
    if (!reference) throw new NotFoundException('Give ?reference=');
    const id = await this.cases.idByReference(reference);
    const summary = id && (await this.summary(id, actor, response, minPosition));
    if (!summary) throw new NotFoundException(`No case with reference ${reference}`);
    return summary;
  }

  @Get(':caseId')
  @ApiOperation({
    summary:
      'A case: reference, title, lead agency, sharing, subjects, status, its assets and orders',
  })
  async get(
    @IdParam('caseId') caseId: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseSummary> {
    const summary = await this.summary(caseId, actor, response, minPosition);
    if (!summary) throw new NotFoundException(`No case ${caseId}`);
    return summary;
  }

  /**
   * The case from its stream; its assets and orders from the register (read your writes:
   * minPosition). Undefined when there is no such case or it is outside the actor's agency scope
   * (both answer 404 alike: existence is not revealed).
   */
  private async summary(
    caseId: string,
    actor: Actor,
    response: Response,
    minPosition?: string,
  ): Promise<CaseSummary | undefined> {
    const found = await this.cases.get(caseId);
    if (!found || !scopeAllows(readScopeOf(actor), found.state)) return undefined;
    await readAfter(this.runner, response, minPosition);
    response.setHeader('ETag', `"${found.revision}"`);
    return {
      ...toCaseSummary(caseId, found.state, found.revision),
      ...caseContents(this.db, this.runner, caseId),
    };
  }
}
