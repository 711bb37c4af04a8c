import { MinPositionParam } from '../../ledger/http/dto/query-params';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, ValidateBy } from 'class-validator';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../common/http/api-problem.decorator';
import { readScopeOf } from '../../auth/access-scope';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor } from '../../common/actor';
import { AGENCY_CODE } from '../../ledger/http/dto/validators';
import { ProjectionRunner } from '../projection-runner';
import { READ_MODEL_DB } from '../projections.tokens';
import { ReadModelDb } from '../read-model-db';
import { readAfter } from '../read-your-writes';
import { DEADLINE_KINDS, DeadlineKind } from './deadline.rules';
import {
  DeadlineItem,
  deadlinesDue,
  DEFAULT_WITHIN,
  MAX_WITHIN_DAYS,
  parseWithin,
} from './deadlines.query';

/** An ISO 8601 duration the deadline view understands: PnD, PTnH or PnW. */
function IsWithin() {
  return ValidateBy({
    name: 'isWithin',
    validator: {
      validate: (value) => parseWithin(value) !== undefined,
      defaultMessage: () =>
        `$property must be an ISO 8601 duration of days, hours or weeks (PnD, PTnH or PnW, e.g. P14D, PT48H, P2W), at most ${MAX_WITHIN_DAYS} days`,
    },
  });
}

export class DeadlinesQueryDto {
  @ApiPropertyOptional({
    description: 'How far ahead to look: an ISO 8601 duration PnD, PTnH or PnW',
    default: DEFAULT_WITHIN,
    example: 'P14D',
  })
  @IsOptional()
  @IsWithin()
  within?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;

  @ApiPropertyOptional({
    example: 'MPS',
    description: "The case's lead agency (within the cases the caller may read)",
  })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: '$property must be an agency code such as MPS or NCA' })
  agency?: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @MinPositionParam()
  minPosition?: string;
}

export class DeadlineItemView implements DeadlineItem {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty({
    description: 'An ISO instant (detention_expiry) or a date YYYY-MM-DD (the other kinds)',
    example: '2026-12-01T10:00:00.000Z',
  })
  due!: string;
  @ApiProperty({
    description: 'When it passes as a UTC instant (a date passes at the London midnight ending it)',
  })
  dueAt!: string;
  @ApiProperty({ description: 'It passed before the request' }) overdue!: boolean;
  @ApiProperty() caseId!: string;
  @ApiProperty({ nullable: true, type: String }) caseReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) operation!: string | null;
  @ApiPropertyOptional() assetId?: string;
  @ApiPropertyOptional() confiscationOrderId?: string;
  @ApiPropertyOptional({ description: 'time_to_pay: the instalment (0-based position)' })
  instalment?: number;
  @ApiProperty({ description: 'Exhibit reference (assets) or order reference (orders)' })
  ref!: string;
  @ApiProperty({ nullable: true, type: String, description: "The case's lead agency" })
  agency!: string | null;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({
    type: [String],
    description:
      'Rule codes that today’s rules would refuse something recorded earlier on the asset with (an order recorded under earlier rules): check it with the court',
  })
  earlierRulesFlags?: string[];
  @ApiPropertyOptional({
    description: 'detention_expiry: hours left (one decimal, rounded down; negative when overdue)',
  })
  hoursLeft?: number;
  @ApiPropertyOptional({
    description: 'Date kinds: days left counted in London dates (0 = today; negative when overdue)',
  })
  daysLeft?: number;
}

export class DeadlinesView {
  @ApiProperty({ description: 'The server time the answer was computed for' }) asOf!: string;
  @ApiProperty({ example: 'P14D' }) within!: string;
  @ApiProperty({ type: [DeadlineItemView] }) items!: DeadlineItemView[];
}

@ApiTags('deadlines')
@ApiAuthenticated()
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Open deadlines due within a period: detention expiries and caps, forfeiture objection windows, AFO expiries, time to pay; soonest first, overdue flagged',
    description:
      "Only deadlines of cases led by, or shared with, the caller's agency; auditors see every case.",
  })
  @ApiOkResponse({ type: DeadlinesView })
  @ApiProblem(400, 'A bad filter (each named), e.g. `within`')
  @ApiProblem(503, 'minPosition not reached within 5 seconds')
  async deadlines(
    @Query() query: DeadlinesQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DeadlinesView> {
    await readAfter(this.runner, response, query.minPosition);
    const { within = DEFAULT_WITHIN, caseId, agency, kind } = query;
    return deadlinesDue(
      this.db,
      this.runner,
      new Date(),
      within,
      { caseId, agency, kind },
      readScopeOf(actor),
    );
  }
}
