import { Body, Controller, Get, NotFoundException, Post, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../../common/http/api-problem.decorator';
import { ProblemException } from '../../../common/http/problem.exception';
import { isIsoDate } from '../../../common/time';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { Actor, Role } from '../../../common/actor';
import { CaseAccessReader, maySeeConfidentialSources } from '../../access/case-access-reader';
import { readScopeOf, scopeAllows } from '../../../auth/access-scope';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { HistoryEntry } from '../../history/stream-history';
import { ApiCommand } from '../../http/api-command.decorator';
import { Envelope } from '../../http/command-envelope';
import { CommandResponse, sendOutcome } from '../../http/command-response';
import { CryptoDto, MoneyDto } from '../../http/dto/money.dto';
import { IdParam } from '../../http/id-param';
import { Audited } from '../../../logging/audited.decorator';
import { AccountDto } from './asset-fields';
import { SeizeAssetDto } from './asset.dto';
import { AssetService } from './asset.service';
import { AssetSummary, protectHistoryEntry, toAssetSummary } from './asset.view';
import {
  ApplyForForfeitureDto,
  DestroyAssetDto,
  ForfeitAssetDto,
  GiveForfeitureNoticeDto,
  ObjectToForfeitureDto,
  RealiseAssetDto,
  RefuseForfeitureDto,
  ReleaseAssetDto,
  VoidRecordDto,
} from './disposal.dto';
import {
  ApplyForRestraintDto,
  ChangeLegalBasisDto,
  CreditInterestDto,
  ExtendDetentionLimitDto,
  OrderDetentionDto,
  RecordInterestBearingAccountDto,
  SetFreezingOrderPeriodDto,
  TransferCustodyDto,
  ValueAssetDto,
  WithdrawValuationDto,
} from './holding.dto';

/** Who may call each route (docs/api.md, "Routes"). */
const ROLES = {
  seize: ['investigator', 'supervisor'],
  legalBasis: ['investigator', 'supervisor'],
  custody: ['investigator', 'supervisor'],
  detention: ['investigator', 'court_liaison'],
  interest: ['investigator', 'finance'],
  value: ['investigator', 'court_liaison', 'supervisor'],
  withdrawValuation: ['supervisor'],
  forfeitureTrack: ['investigator', 'court_liaison'],
  forfeit: ['court_liaison'],
  refuseForfeiture: ['court_liaison'],
  realise: ['finance', 'court_liaison'],
  release: ['investigator', 'supervisor'],
  destroy: ['supervisor'],
  void: ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;

/** `{ assetId, events }`: the asset's events in order, as `GET .../history` answers. */
export class AssetHistory {
  @ApiProperty({ format: 'uuid' })
  assetId!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'revision, position, eventId, type, data, occurredAt, recordedAt, actor, agency, role, commandId, correlationId, causationId, schemaVersion, hash, prevHash',
  })
  events!: HistoryEntry[];
}

@ApiTags('assets')
@ApiAuthenticated()
@ApiExtraModels(MoneyDto, CryptoDto, AccountDto)
@Controller('assets')
export class AssetController {
  constructor(
    private readonly assets: AssetService,
    private readonly access: CaseAccessReader,
  ) {}

  @Post()
  @ApiCommand('Record a seizure (AssetSeized)', ROLES.seize, { creates: true })
  async seize(
    @Body() dto: SeizeAssetDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.seize(dto, envelope));
  }

  @Post(':assetId/legal-basis')
  @ApiCommand('Change the power the asset is held under', ROLES.legalBasis)
  async changeLegalBasis(
    @IdParam('assetId') assetId: string,
    @Body() dto: ChangeLegalBasisDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.changeLegalBasis(assetId, dto, envelope));
  }

  @Post(':assetId/custody-transfers')
  @ApiCommand('Move custody', ROLES.custody)
  async transferCustody(
    @IdParam('assetId') assetId: string,
    @Body() dto: TransferCustodyDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.transferCustody(assetId, dto, envelope));
  }

  @Post(':assetId/detentions')
  @ApiCommand('Record the initial detention or an extension order', ROLES.detention)
  async orderDetention(
    @IdParam('assetId') assetId: string,
    @Body() dto: OrderDetentionDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.orderDetention(assetId, dto, envelope));
  }

  @Post(':assetId/detention-limit-extension')
  @ApiCommand(
    'Record a s.303Z32(4) order extending the 2-year detention limit of cryptoassets (to at most 3 years from the first order)',
    ROLES.detention,
  )
  async extendDetentionLimit(
    @IdParam('assetId') assetId: string,
    @Body() dto: ExtendDetentionLimitDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.extendDetentionLimit(assetId, dto, envelope));
  }

  @Post(':assetId/freezing-order-periods')
  @ApiCommand(
    'Record the period of an account freezing order as made, or a variation of it (s.303Z3(3), s.303Z4)',
    ROLES.detention,
  )
  async setFreezingOrderPeriod(
    @IdParam('assetId') assetId: string,
    @Body() dto: SetFreezingOrderPeriodDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.setFreezingOrderPeriod(assetId, dto, envelope));
  }

  @Post(':assetId/restraint-applications')
  @ApiCommand(
    'Record an application for a restraint order authorising detention of s.47C property, made within the 48 hours of s.47J (s.47K)',
    ROLES.detention,
  )
  async applyForRestraint(
    @IdParam('assetId') assetId: string,
    @Body() dto: ApplyForRestraintDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.applyForRestraint(assetId, dto, envelope));
  }

  @Post(':assetId/interest-bearing-account')
  @ApiCommand(
    'Record that seized cash was paid into an interest-bearing account, or is kept as evidence (s.296)',
    ROLES.interest,
  )
  async recordInterestBearingAccount(
    @IdParam('assetId') assetId: string,
    @Body() dto: RecordInterestBearingAccountDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(
      response,
      await this.assets.recordInterestBearingAccount(assetId, dto, envelope),
    );
  }

  @Post(':assetId/interest-credits')
  @ApiCommand('Record interest the account earned on seized cash (s.296)', ROLES.interest)
  async creditInterest(
    @IdParam('assetId') assetId: string,
    @Body() dto: CreditInterestDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.creditInterest(assetId, dto, envelope));
  }

  @Post(':assetId/valuations')
  @ApiCommand('Add a valuation (its id is generated; GET /assets/{assetId} lists it)', ROLES.value)
  async value(
    @IdParam('assetId') assetId: string,
    @Body() dto: ValueAssetDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.value(assetId, dto, envelope));
  }

  @Post(':assetId/valuations/:valuationId/withdrawal')
  @ApiCommand('Withdraw a valuation', ROLES.withdrawValuation)
  async withdrawValuation(
    @IdParam('assetId') assetId: string,
    @IdParam('valuationId') valuationId: string,
    @Body() dto: WithdrawValuationDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(
      response,
      await this.assets.withdrawValuation(assetId, valuationId, dto, envelope),
    );
  }

  @Post(':assetId/forfeiture-notices')
  @ApiCommand('Give a forfeiture notice (s.297A cash, s.303Z9 accounts)', ROLES.forfeitureTrack)
  async giveForfeitureNotice(
    @IdParam('assetId') assetId: string,
    @Body() dto: GiveForfeitureNoticeDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.giveForfeitureNotice(assetId, dto, envelope));
  }

  @Post(':assetId/forfeiture-objections')
  @ApiCommand(
    'Record an objection to a forfeiture notice (the notice lapses)',
    ROLES.forfeitureTrack,
  )
  async objectToForfeiture(
    @IdParam('assetId') assetId: string,
    @Body() dto: ObjectToForfeitureDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.objectToForfeiture(assetId, dto, envelope));
  }

  @Post(':assetId/forfeiture-applications')
  @ApiCommand('Record an application for forfeiture', ROLES.forfeitureTrack)
  async applyForForfeiture(
    @IdParam('assetId') assetId: string,
    @Body() dto: ApplyForForfeitureDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.applyForForfeiture(assetId, dto, envelope));
  }

  @Post(':assetId/forfeiture')
  @ApiCommand('Record a forfeiture (by order or by notice)', ROLES.forfeit)
  async forfeit(
    @IdParam('assetId') assetId: string,
    @Body() dto: ForfeitAssetDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.forfeit(assetId, dto, envelope));
  }

  @Post(':assetId/forfeiture-refusal')
  @ApiCommand('Record that the court refused forfeiture', ROLES.refuseForfeiture)
  async refuseForfeiture(
    @IdParam('assetId') assetId: string,
    @Body() dto: RefuseForfeitureDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.refuseForfeiture(assetId, dto, envelope));
  }

  @Post(':assetId/realisation')
  @ApiCommand('Record the sale proceeds (net proceeds are computed)', ROLES.realise)
  async realise(
    @IdParam('assetId') assetId: string,
    @Body() dto: RealiseAssetDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.realise(assetId, dto, envelope));
  }

  @Post(':assetId/release')
  @ApiCommand('Release or return the asset', ROLES.release)
  async release(
    @IdParam('assetId') assetId: string,
    @Body() dto: ReleaseAssetDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.release(assetId, dto, envelope));
  }

  @Post(':assetId/destruction')
  @ApiCommand('Record the destruction of the asset', ROLES.destroy)
  async destroy(
    @IdParam('assetId') assetId: string,
    @Body() dto: DestroyAssetDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.destroy(assetId, dto, envelope));
  }

  @Post(':assetId/void')
  @ApiCommand('Void a mistaken record (it leaves every total, keeps its history)', ROLES.void)
  async voidRecord(
    @IdParam('assetId') assetId: string,
    @Body() dto: VoidRecordDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.assets.voidRecord(assetId, dto, envelope));
  }

  @Get(':assetId')
  @ApiOperation({
    summary:
      'An asset as it stands: status, legal basis, custody, valuations, detention expiry, forfeiture, restraint',
  })
  @ApiQuery({
    name: 'asAt',
    required: false,
    description: 'YYYY-MM-DD: the current valuation as at that date',
  })
  @ApiOkResponse({ type: AssetSummary, description: 'ETag: the revision' })
  @ApiProblem(400, 'validation_failed: asAt is not a date YYYY-MM-DD')
  @ApiProblem(404, 'No such asset (or not in an agency scope the caller may read)')
  async get(
    @IdParam('assetId') assetId: string,
    @Query('asAt') asAt: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AssetSummary> {
    const date = asAtDate(asAt);
    const found = await this.assets.get(assetId);
    const sees = found && (await this.readable(actor, found.state.caseId));
    if (!found || !sees) throw new NotFoundException(`No asset ${assetId}`);
    response.setHeader('ETag', `"${found.revision}"`);
    response.setHeader('X-Ledger-Position', found.position.toString());
    return toAssetSummary(assetId, found.state, found.revision, date, sees.showConfidential);
  }

  @Get(':assetId/history')
  @Audited('asset_history.read')
  @ApiOperation({
    summary:
      'The events of the asset in order, with recorded time, actor and agency (confidential intelligence reads [protected])',
  })
  @ApiOkResponse({ type: AssetHistory, description: 'ETag: the revision of the last event' })
  @ApiProblem(404, 'No such asset (or not in an agency scope the caller may read)')
  async history(
    @IdParam('assetId') assetId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AssetHistory> {
    const events = await this.assets.history(assetId);
    const caseId = events[0]?.data.caseId;
    const sees = events.length > 0 && (await this.readable(actor, caseId));
    if (!sees) throw new NotFoundException(`No asset ${assetId}`);
    const last = events[events.length - 1];
    response.setHeader('ETag', `"${last.revision}"`);
    response.setHeader('X-Ledger-Position', last.position);
    return { assetId, events: sees.showConfidential ? events : events.map(protectHistoryEntry) };
  }

  /**
   * Whether the actor may read an asset of this case (agency scope; out of scope reads as no such
   * asset), and whether they may see its confidential intelligence source.
   */
  private async readable(
    actor: Actor,
    caseId: unknown,
  ): Promise<{ showConfidential: boolean } | undefined> {
    if (typeof caseId !== 'string') return undefined;
    const facts = await this.access.facts(caseId);
    if (!facts.exists || !scopeAllows(readScopeOf(actor), facts)) return undefined;
    return { showConfidential: maySeeConfidentialSources(actor, facts) };
  }
}

/** `?asAt=YYYY-MM-DD`, or a 400 naming `asAt`. */
function asAtDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (isIsoDate(value)) return value;
  throw ProblemException.validation([{ path: 'asAt', message: 'must be a date, YYYY-MM-DD' }]);
}
