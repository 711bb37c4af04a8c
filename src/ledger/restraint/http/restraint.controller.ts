import { CurrentActor } from '../../../auth/current-actor.decorator';
import { CaseAccessReader } from '../../access/case-access-reader';
import { Body, Controller, Get, NotFoundException, Post, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProblemDto } from '../../../common/http/problem.dto';
import { Actor, CommandEnvelope } from '../../command-handling/command-metadata';
import { ApiCommand } from '../../http/api-command.decorator';
import { Envelope } from '../../http/command-envelope';
import { CommandResponse, sendOutcome } from '../../http/command-response';
import { IdParam } from '../../http/id-param';
import {
  AppointManagementReceiverDto,
  DischargeRestraintOrderDto,
  MakeRestraintOrderDto,
  VaryRestraintOrderDto,
} from './restraint.dto';
import { RestraintService } from './restraint.service';
import { RestraintOrderSummary, toRestraintSummary } from './restraint.summary';

@ApiTags('restraint')
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
    { creates: true },
  )
  async make(
    @Body() dto: MakeRestraintOrderDto,
    @Envelope(['court_liaison']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.restraint.make(dto, envelope));
  }

  @Post(':id/variations')
  @ApiCommand('Vary a restraint order: add or remove assets, replace the exceptions', [
    'court_liaison',
  ])
  async vary(
    @IdParam('id') id: string,
    @Body() dto: VaryRestraintOrderDto,
    @Envelope(['court_liaison']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.restraint.vary(id, dto, envelope));
  }

  @Post(':id/discharge')
  @ApiCommand('Discharge a restraint order', ['court_liaison'])
  async discharge(
    @IdParam('id') id: string,
    @Body() dto: DischargeRestraintOrderDto,
    @Envelope(['court_liaison']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.restraint.discharge(id, dto, envelope));
  }

  @Post(':id/receivers')
  @ApiCommand('Appoint a management receiver (s.48)', ['court_liaison'])
  async appointReceiver(
    @IdParam('id') id: string,
    @Body() dto: AppointManagementReceiverDto,
    @Envelope(['court_liaison']) envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.restraint.appointReceiver(id, dto, envelope));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A restraint order: status, case, subject, court, the assets it covers, exceptions, receiver, variations',
  })
  @ApiExtraModels(ProblemDto)
  @ApiOkResponse({ type: RestraintOrderSummary, description: 'ETag: the revision' })
  @ApiResponse({
    status: 404,
    description: 'No such restraint order',
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } },
    },
  })
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
