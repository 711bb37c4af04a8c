import { AsKnownAtParam, MinPositionParam } from '../../ledger/http/dto/query-params';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../common/http/api-problem.decorator';
import { readScopeOf } from '../../auth/access-scope';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor } from '../../common/actor';
import { ASSET_STATUSES } from '../../ledger/assets/asset.state';
import {
  CATEGORIES,
  currentPowerCode,
  DEPRECATED_POWER_CODES,
  POWERS,
} from '../../ledger/assets/asset.events';
import { AGENCY_CODE } from '../../ledger/http/dto/validators';
import { ProjectionRunner } from '../projection-runner';
import { READ_MODEL_DB } from '../projections.tokens';
import { ReadModelDb } from '../read-model-db';
import { readAfter } from '../read-your-writes';
import { registerPage } from './register.query';
import { registerPageAsOf } from './register-as-at';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';
import { IsIsoDate } from '../../ledger/http/dto/validators';
import { RegisterRow } from './register-row';

export class RegisterQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ example: 'Stimtone' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation?: string;
  @ApiPropertyOptional({
    example: 'MPS',
    description: "The case's lead agency (within the cases the caller may read)",
  })
  @IsOptional()
  @Matches(AGENCY_CODE)
  agency?: string;
  @ApiPropertyOptional({ enum: ASSET_STATUSES })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: string;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: string;
  @ApiPropertyOptional({
    enum: [...POWERS, ...Object.keys(DEPRECATED_POWER_CODES)],
    description: 'POCA_S303Z21_CRYPTO is a deprecated alias of POCA_S303Z29_CRYPTO',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => currentPowerCode(value))
  @IsIn(POWERS)
  power?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @MinPositionParam()
  minPosition?: string;

  @ApiPropertyOptional({
    example: '2026-11-27',
    description: 'The register as it stood at the end of this date (events by when they happened)',
  })
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @AsKnownAtParam()
  asKnownAt?: string;
}

export class RegisterPage {
  items!: RegisterRow[];
  nextCursor!: string | null;
}

@ApiTags('register')
@ApiAuthenticated()
@Controller('register')
export class RegisterController {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The asset register: one row per asset, filtered, paged by cursor in seizure order',
    description:
      "Only assets of cases led by, or shared with, the caller's agency; auditors see every case.",
  })
  @ApiOkResponse({ type: RegisterPage })
  @ApiProblem(
    400,
    'validation_failed: a bad filter, cursor, limit, asAt, asKnownAt or minPosition (each named)',
  )
  @ApiProblem(503, 'not_yet_projected: minPosition not reached within 5 seconds (Retry-After)')
  async register(
    @Query() query: RegisterQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisterPage> {
    await readAfter(this.runner, response, query.minPosition);
    const scope = readScopeOf(actor);
    const { limit, cursor, minPosition: _minPosition, asAt, asKnownAt, ...filters } = query;
    if (asAt !== undefined || asKnownAt !== undefined) {
      const asOf = { asAt, asKnownAt: asKnownAt === undefined ? undefined : BigInt(asKnownAt) };
      return registerPageAsOf(
        this.db,
        this.runner,
        this.store,
        this.upcasters,
        scope,
        filters,
        asOf,
        limit ?? 50,
        cursor,
      );
    }
    return registerPage(this.db, this.runner, scope, filters, limit ?? 50, cursor);
  }
}
