import {
  applyDecorators,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { readScopeOf, scopeAllows } from '../../auth/access-scope';
import { ApiAuthenticated } from '../../auth/api-authenticated.decorator';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor } from '../../common/actor';
import { ApiProblem } from '../../common/http/api-problem.decorator';
import { CaseSummary, toCaseSummary } from '../../ledger/cases/http/case.view';
import { CasesService } from '../../ledger/cases/http/cases.service';
import { IdParam } from '../../ledger/http/id-param';
import { ProjectionRunner } from '../projection-runner';
import { READ_MODEL_DB } from '../projections.tokens';
import { ReadModelDb } from '../read-model-db';
import { readAfter } from '../read-your-writes';
import { CaseContents, caseContents } from './case-contents.query';

/** A case as its reads answer it: the case from its stream, its assets and orders from the register. */
export type CaseFile = CaseSummary & CaseContents;

/** `?minPosition=` on the case reads: wait until the register has applied that position. */
const ApiMinPosition = () =>
  applyDecorators(
    ApiQuery({
      name: 'minPosition',
      type: String,
      required: false,
      example: '1042',
      description: 'Wait until the read models have applied this position (read your writes)',
    }),
    ApiProblem(400, 'validation_failed: minPosition is not a ledger position'),
    ApiProblem(503, 'not_yet_projected: minPosition not reached within 5 seconds (Retry-After)'),
  );

/**
 * `GET /cases/{caseId}` and `GET /cases?reference=`: the read side of the case (its commands are
 * in ledger/cases/http/cases.controller.ts), since it joins the case stream with the register.
 */
@ApiTags('cases')
@ApiAuthenticated()
@Controller('cases')
export class CaseFileController {
  constructor(
    private readonly cases: CasesService,
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find a case by its reference' })
  @ApiQuery({ name: 'reference', type: String, required: true, example: 'MPS/ECU/2026/0113' })
  @ApiMinPosition()
  @ApiOkResponse({ description: 'The case, as GET /cases/{caseId} answers it. ETag: its revision' })
  @ApiProblem(404, 'No reference given, or no case with it that the caller may read')
  async find(
    @Query('reference') reference: string | undefined,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseFile> {
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
  @ApiMinPosition()
  @ApiOkResponse({ description: 'The case. ETag: its revision' })
  @ApiProblem(404, 'No such case (or not in an agency scope the caller may read)')
  async get(
    @IdParam('caseId') caseId: string,
    @Query('minPosition') minPosition: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseFile> {
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
  ): Promise<CaseFile | undefined> {
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
