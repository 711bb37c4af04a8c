import { CurrentActor } from '../../../auth/current-actor.decorator';
import { CaseAccessReader } from '../../access/case-access-reader';
import { Body, Controller, Get, NotFoundException, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../../auth/api-authenticated.decorator';
import { ApiProblem } from '../../../common/http/api-problem.decorator';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { Actor } from '../../../common/actor';
import { ApiCommand } from '../../http/api-command.decorator';
import { Envelope } from '../../http/command-envelope';
import {
  CommandResponse,
  RestraintCommandResponse,
  sendOutcome,
} from '../../http/command-response';
import { IdParam } from '../../http/id-param';
import {
  AppointManagementReceiverDto,
  DischargeRestraintOrderDto,
  MakeRestraintOrderDto,
  VaryRestraintOrderDto,
} from './restraint.dto';
import { RestraintOutcome, RestraintService } from './restraint.service';
import { RestraintOrderSummary, toRestraintSummary } from './restraint.view';

@ApiTags('restraint')
@ApiAuthenticated()
@Controller('restraint-orders')
export class RestraintController {
  constructor(
    private readonly restraint: RestraintService,
    private readonly access: CaseAccessReader,
  ) {}

  @Post()
  @ApiCommand(
    'Make a restraint order (ss.40-41) over assets of a case, or all realisable property',
    ['court_liaison'],
    { creates: true, response: RestraintCommandResponse },
  )
  async make(
    @Body() dto: MakeRestraintOrderDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RestraintCommandResponse> {
    return withWarnings(response, await this.restraint.make(dto, envelope));
  }

  @Post(':id/variations')
  @ApiCommand(
    'Vary a restraint order: add or remove assets, replace the exceptions',
    ['court_liaison'],
    { response: RestraintCommandResponse },
  )
  async vary(
    @IdParam('id') id: string,
    @Body() dto: VaryRestraintOrderDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RestraintCommandResponse> {
    return withWarnings(response, await this.restraint.vary(id, dto, envelope));
  }

  @Post(':id/discharge')
  @ApiCommand('Discharge a restraint order', ['court_liaison'])
  async discharge(
    @IdParam('id') id: string,
    @Body() dto: DischargeRestraintOrderDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.restraint.discharge(id, dto, envelope));
  }

  @Post(':id/receivers')
  @ApiCommand('Appoint a management receiver (s.48)', ['court_liaison'])
  async appointReceiver(
    @IdParam('id') id: string,
    @Body() dto: AppointManagementReceiverDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.restraint.appointReceiver(id, dto, envelope));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A restraint order: status, case, subject, court, the assets it covers, exceptions, receiver, variations',
  })
  @ApiOkResponse({ type: RestraintOrderSummary, description: 'ETag: the revision' })
  @ApiProblem(404, 'No such restraint order (or not in an agency scope the caller may read)')
  async get(
    @IdParam('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RestraintOrderSummary> {
    const found = await this.restraint.get(id);
    if (!found || !(await this.access.canRead(actor, found.state.caseId)))
      throw new NotFoundException(`No restraint order ${id}`);
    response.setHeader('ETag', `"${found.revision}"`);
    return toRestraintSummary(id, found.state, found.events, found.revision);
  }
}

/** The command response, with `warnings` when the order met any (another order over an asset). */
function withWarnings(response: Response, outcome: RestraintOutcome): RestraintCommandResponse {
  const body: RestraintCommandResponse = sendOutcome(response, outcome);
  if (outcome.warnings.length > 0) body.warnings = outcome.warnings;
  return body;
}
