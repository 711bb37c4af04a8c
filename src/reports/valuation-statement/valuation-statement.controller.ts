import { CaseAccessReader } from '../../ledger/access/case-access-reader';
import { Controller, Get, Inject, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Request, Response } from 'express';
import { ApiAuthenticated } from '../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../common/http/api-problem.decorator';
import { ProblemException } from '../../common/http/problem.exception';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { AsKnownAtParam } from '../../ledger/http/dto/query-params';
import { IdParam } from '../../ledger/http/id-param';
import { Audited } from '../../logging/audited.decorator';
import { IsIsoDate } from '../../ledger/http/dto/validators';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { caseContents } from '../../projections/asset-register/case-contents.query';
import { ProjectionRunner } from '../../projections/projection-runner';
import { READ_MODEL_DB } from '../../projections/projections.tokens';
import { ReadModelDb } from '../../projections/read-model-db';
import { buildValuationStatement } from './valuation-statement';
import {
  CaseIndex,
  loadStatementInput,
  logHead,
  StatementParamError,
  StatementSubjectNotFoundError,
} from './valuation-statement.loader';
import { toPdf } from './valuation-statement.pdf';
import { toCsv, toJson } from './valuation-statement.render';

export const STATEMENT_FORMATS = ['json', 'csv', 'pdf'] as const;

export class ValuationStatementQuery {
  @ApiPropertyOptional({
    example: '2026-11-27',
    description:
      'The date the statement is as at; default: the London date of the ledger time it reflects',
  })
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @AsKnownAtParam()
  asKnownAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A statement for this subject of the case only (assets seized from them or restrained by an order naming them, and the orders naming them); a subject not on the case is a 404',
  })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ enum: STATEMENT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(STATEMENT_FORMATS, { message: 'format must be one of json, csv, pdf' })
  format?: (typeof STATEMENT_FORMATS)[number];
}

const REGISTER_WAIT_MS = 5_000;

@ApiTags('reports')
@ApiAuthenticated()
@Controller('cases')
export class ValuationStatementController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly access: CaseAccessReader,
  ) {}

  @Get(':caseId/valuation-statement')
  @Audited('valuation_statement.read')
  @ApiOperation({
    description:
      "Every role may read it for a case led by, or shared with, the caller's agency; auditors for every case. Confidential intelligence sources never appear in it.",
    summary:
      'The court valuation statement of a case as at a date and as known at a ledger position (json, csv or pdf)',
  })
  @ApiOkResponse({ description: 'application/json, text/csv or application/pdf' })
  @ApiProblem(400, 'validation_failed: a bad asAt, asKnownAt, subjectId or format (each named)')
  @ApiProblem(404, 'No such case the caller may read, or subjectId is not a subject of the case')
  async statement(
    @IdParam('caseId') caseId: string,
    @Query() query: ValuationStatementQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Out of the reader's agency scope reads as no such case.
    if (!request.actor || !(await this.access.canRead(request.actor, caseId))) {
      throw new NotFoundException(`No case ${caseId}`);
    }
    const asKnownAt = query.asKnownAt === undefined ? undefined : BigInt(query.asKnownAt);
    // The register lists the case's assets and orders: let it reach the position reflected.
    const head = await logHead(this.store);
    const target =
      asKnownAt !== undefined && head !== undefined && asKnownAt < head ? asKnownAt : head;
    if (target !== undefined) await this.runner.waitFor(target, REGISTER_WAIT_MS);
    const index: CaseIndex = {
      assetIds: (id) =>
        Promise.resolve(caseContents(this.db, this.runner, id).assets.map((a) => a.assetId)),
      orders: (id) => Promise.resolve(caseContents(this.db, this.runner, id).orders),
    };
    let input;
    try {
      input = await loadStatementInput(this.store, this.upcasters, index, {
        caseId,
        asAt: query.asAt,
        asKnownAt,
        preparedBy: request.actor?.id ?? 'unknown',
        subjectId: query.subjectId?.toLowerCase(),
      });
    } catch (error) {
      if (error instanceof StatementParamError) {
        throw ProblemException.validation([{ path: error.param, message: error.message }]);
      }
      if (error instanceof StatementSubjectNotFoundError)
        throw new NotFoundException(error.message);
      throw error;
    }
    if (!input) throw new NotFoundException(`No case ${caseId}`);
    const statement = buildValuationStatement(input);
    const name = `valuation-statement-${statement.header.caseReference.replace(/[^A-Za-z0-9-]+/g, '-')}-${statement.header.asAt}`;
    response.setHeader('X-Statement-Id', statement.statementId);
    switch (query.format ?? 'json') {
      case 'csv':
        response.type('text/csv; charset=utf-8').send(toCsv(statement));
        return;
      case 'pdf':
        response
          .type('application/pdf')
          .setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`)
          .send(await toPdf(statement));
        return;
      default:
        response.type('application/json; charset=utf-8').send(toJson(statement));
    }
  }
}
