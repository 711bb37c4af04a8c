import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../common/http/api-problem.decorator';
import { readScopeOf } from '../../auth/access-scope';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ProblemException } from '../../common/http/problem.exception';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { Actor } from '../../common/actor';
import { IsIsoDate } from '../../ledger/http/dto/validators';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { buildReconciliation, DEFAULT_VARIANCE_THRESHOLD_PERCENT } from './reconciliation.builder';
import { Reconciliation } from './reconciliation.model';
import { reconciliationCsv } from './reconciliation.csv';
import { loadLedger } from './reconciliation.loader';
import { scopeLedger } from './reconciliation.scope';

export class ReconciliationQueryDto {
  @ApiProperty({
    example: '2020-04-01',
    description: 'First London date of the period (inclusive)',
  })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2021-03-31', description: 'Last London date of the period (inclusive)' })
  @IsIsoDate()
  to!: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    example: DEFAULT_VARIANCE_THRESHOLD_PERCENT,
    description: `Flag a realisation variance beyond this percent (default ${DEFAULT_VARIANCE_THRESHOLD_PERCENT})`,
  })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,4})?$/, {
    message: 'varianceThreshold must be a percentage such as 10 or 12.5',
  })
  varianceThreshold?: string;
}

/** The request checked as a whole: from on or before to. */
export function checkPeriod(from: string, to: string): void {
  if (from > to) {
    throw ProblemException.validation([
      { path: 'from', message: `from (${from}) is after to (${to})` },
      { path: 'to', message: `to (${to}) is before from (${from})` },
    ]);
  }
}

/** The finance reconciliation (issue 5, item 2): for finance, supervisors and auditors. */
@ApiTags('reports')
@ApiAuthenticated()
@Controller('reconciliation')
export class ReconciliationController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  @Get()
  @ApiOperation({
    description:
      "Every role may read it (queries are open to all roles, within agency scope). Only the orders, assets and receipts of cases led by, or shared with, the caller's agency; auditors see every case.",
    summary:
      'Finance reconciliation for a period: confiscation debt roll-forward (checked to the penny), receipts by type, agency, operation and financial year with ARIS allocations and compensation, realisation variance, exceptions',
  })
  @ApiOkResponse({ description: 'JSON, or text/csv with format=csv (one CSV, a section column)' })
  @ApiProblem(400, 'A bad or inverted date, format or threshold (each named)')
  async reconciliation(
    @Query() query: ReconciliationQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Reconciliation | string> {
    checkPeriod(query.from, query.to);
    const ledger = scopeLedger(await loadLedger(this.store, this.upcasters), readScopeOf(actor));
    const report = buildReconciliation(ledger, {
      from: query.from,
      to: query.to,
      varianceThreshold: query.varianceThreshold,
    });
    if (report.position !== null) response.setHeader('X-Ledger-Position', report.position);
    if (query.format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="reconciliation-${query.from}-${query.to}.csv"`,
      );
      return reconciliationCsv(report);
    }
    return report;
  }
}
