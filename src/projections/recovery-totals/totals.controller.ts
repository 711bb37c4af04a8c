import { AsKnownAtParam, MinPositionParam } from '../../ledger/http/dto/query-params';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../common/http/api-problem.decorator';
import { readScopeOf } from '../../auth/access-scope';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor } from '../../common/actor';
import { financialYearBounds } from '../../common/time';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { AGENCY_CODE, IsIsoDate } from '../../ledger/http/dto/validators';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { ProjectionRunner } from '../projection-runner';
import { READ_MODEL_DB } from '../projections.tokens';
import { ReadModelDb } from '../read-model-db';
import { readAfter } from '../read-your-writes';
import { RECOVERY_TOTALS, RecoveryTotalsProjection } from './recovery-totals.projection';
import { Dimension, DIMENSIONS, TotalsMeasures } from './totals.measures';
import { RecoveryTotalsQuery, TotalsGroup } from './totals.query';

/** A UK financial year label such as `2026-27`. */
function IsFinancialYear() {
  return ValidateBy({
    name: 'isFinancialYear',
    validator: {
      validate: (value) => {
        if (typeof value !== 'string') return false;
        try {
          financialYearBounds(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => '$property must be a UK financial year such as 2026-27',
    },
  });
}

export class TotalsQueryDto {
  @ApiPropertyOptional({ enum: DIMENSIONS, description: 'Absent: the total only' })
  @IsOptional()
  @IsIn(DIMENSIONS)
  groupBy?: Dimension;

  @ApiPropertyOptional({
    description:
      'YYYY-MM-DD: exact as at the end of that London date (events by occurredAt); interest to that date',
  })
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @AsKnownAtParam()
  asKnownAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;

  @ApiPropertyOptional({ example: 'Stimtone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation?: string;

  @ApiPropertyOptional({
    example: 'MPS',
    description: 'The lead agency of the case (within the cases the caller may read)',
  })
  @IsOptional()
  @Matches(AGENCY_CODE)
  agency?: string;

  @ApiPropertyOptional({
    example: '2026-27',
    description:
      'Seizures by the year seized, receipts by the year received, orders by the year made',
  })
  @IsOptional()
  @IsFinancialYear()
  financialYear?: string;

  @MinPositionParam()
  minPosition?: string;
}

export class TotalsResponse {
  @ApiProperty({ enum: DIMENSIONS, nullable: true }) groupBy!: Dimension | null;
  @ApiProperty({ nullable: true }) asAt!: string | null;
  @ApiProperty({ nullable: true }) asKnownAt!: string | null;
  @ApiProperty({ description: 'The date interest and outstanding are computed to' })
  interestAsAt!: string;
  @ApiProperty({
    description:
      'One entry per key (null: none, e.g. the power of a confiscation payment), with the measures of total',
  })
  groups!: TotalsGroup[];
  @ApiProperty({
    description:
      'Counts as integers; money as { amount, currency: "GBP" } decimal strings; arisAllocations by recipient. Each measure summed over the groups equals the total to the penny.',
  })
  total!: { measures: TotalsMeasures };
}

@ApiTags('totals')
@ApiAuthenticated()
@Controller('totals')
export class TotalsController {
  private readonly query: RecoveryTotalsQuery;

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(EVENT_STORE) store: EventStore,
    upcasters: UpcasterRegistry,
  ) {
    const projection = runner.projections.find(
      (p): p is RecoveryTotalsProjection => p.name === RECOVERY_TOTALS,
    );
    if (!projection) throw new Error(`The ${RECOVERY_TOTALS} projection is not registered`);
    this.query = new RecoveryTotalsQuery(db, runner, store, upcasters, projection.arisTable);
  }

  @Get()
  @ApiOperation({
    summary:
      'POCA recovery totals: seized, held, restrained, forfeited, released, realised, receipts with compensation and ARIS allocations, confiscation ordered, received, interest and outstanding',
    description:
      "Only the cases led by, or shared with, the caller's agency count; auditors see every case.",
  })
  @ApiOkResponse({ type: TotalsResponse })
  @ApiProblem(400, 'A bad query parameter (each one named)')
  @ApiProblem(503, 'minPosition not reached yet (Retry-After)')
  async totals(
    @Query() query: TotalsQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TotalsResponse> {
    await readAfter(this.runner, response, query.minPosition);
    const { minPosition: _minPosition, asKnownAt, ...request } = query;
    return this.query.totals(
      { ...request, asKnownAt: asKnownAt === undefined ? undefined : BigInt(asKnownAt) },
      readScopeOf(actor),
    );
  }
}
