import { CurrentActor } from '../../../auth/current-actor.decorator';
import { Body, Controller, Get, NotFoundException, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuthenticated } from '../../../auth/api-authenticated.decorator';
import { ApiProblem as problem } from '../../../common/http/api-problem.decorator';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { Actor } from '../../../common/actor';
import { ApiCommand } from '../../http/api-command.decorator';
import { Envelope } from '../../http/command-envelope';
import { CommandResponse, sendOutcome } from '../../http/command-response';
import { IdParam } from '../../http/id-param';
import {
  ActivateDefaultTermDto,
  AppointEnforcementReceiverDto,
  ApplyForTimeToPayExtensionDto,
  ExtendTimeToPayDto,
  MakeConfiscationOrderDto,
  OrderPositionQuery,
  DischargeConfiscationOrderDto,
  ReceivePaymentDto,
  RecordDefaultTermServedDto,
  RefuseTimeToPayExtensionDto,
  VaryConfiscationOrderDto,
} from './confiscation.dto';
import { ConfiscationService } from './confiscation.service';
import { ConfiscationOrderView } from './confiscation.view';

@ApiTags('confiscation')
@ApiAuthenticated()
@Controller('confiscation-orders')
export class ConfiscationController {
  constructor(private readonly confiscation: ConfiscationService) {}

  @Post()
  @ApiCommand(
    'Make a confiscation order (Part 2): benefit figure, available amount, amount ordered, instalments, default term',
    ['court_liaison'],
    { creates: true },
  )
  async make(
    @Body() dto: MakeConfiscationOrderDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.make(dto, envelope));
  }

  @Post(':id/time-to-pay-applications')
  @ApiCommand('Record an application to extend the time to pay (s.11(4))', ['court_liaison'])
  async applyForExtension(
    @IdParam('id') id: string,
    @Body() dto: ApplyForTimeToPayExtensionDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.applyForExtension(id, dto, envelope));
  }

  @Post(':id/time-to-pay-extensions')
  @ApiCommand('The court extends the time to pay (s.11: at most 6 months from the order)', [
    'court_liaison',
  ])
  async extendTimeToPay(
    @IdParam('id') id: string,
    @Body() dto: ExtendTimeToPayDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.extendTimeToPay(id, dto, envelope));
  }

  @Post(':id/time-to-pay-refusals')
  @ApiCommand('The court refuses an application to extend the time to pay', ['court_liaison'])
  async refuseExtension(
    @IdParam('id') id: string,
    @Body() dto: RefuseTimeToPayExtensionDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.refuseExtension(id, dto, envelope));
  }

  @Post(':id/variations')
  @ApiCommand('Vary the order (s.21, s.22, s.23, or a substituted order on appeal)', [
    'court_liaison',
  ])
  async vary(
    @IdParam('id') id: string,
    @Body() dto: VaryConfiscationOrderDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.vary(id, dto, envelope));
  }

  @Post(':id/receivers')
  @ApiCommand('Appoint an enforcement receiver (s.50)', ['court_liaison'])
  async appointReceiver(
    @IdParam('id') id: string,
    @Body() dto: AppointEnforcementReceiverDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.appointReceiver(id, dto, envelope));
  }

  @Post(':id/default-term')
  @ApiCommand('Activate the default term (s.35; the debt remains)', ['court_liaison'])
  async activateDefaultTerm(
    @IdParam('id') id: string,
    @Body() dto: ActivateDefaultTermDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.activateDefaultTerm(id, dto, envelope));
  }

  @Post(':id/default-term-served')
  @ApiCommand(
    'Record that the default term was served (s.38(5): the order stays payable, interest runs on)',
    ['court_liaison'],
  )
  async recordDefaultTermServed(
    @IdParam('id') id: string,
    @Body() dto: RecordDefaultTermServedDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(
      response,
      await this.confiscation.recordDefaultTermServed(id, dto, envelope),
    );
  }

  @Post(':id/discharge')
  @ApiCommand(
    'Discharge the order: s.24 (available amount inadequate, less than £1,000 remaining, currency fluctuation or a specified reason) or s.25 (£50 or less remaining); the rest is written off',
    ['court_liaison'],
  )
  async discharge(
    @IdParam('id') id: string,
    @Body() dto: DischargeConfiscationOrderDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.discharge(id, dto, envelope));
  }

  @Post(':id/payments')
  @ApiCommand(
    'Record a receipt against the order (the receipt id is generated; more than is outstanding is an overpayment, recorded with the surplus as a refund due only with acknowledgeOverpayment)',
    ['finance'],
  )
  async receivePayment(
    @IdParam('id') id: string,
    @Body() dto: ReceivePaymentDto,
    @Envelope() envelope: CommandEnvelope,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    return sendOutcome(response, await this.confiscation.receivePayment(id, dto, envelope));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A confiscation order as at a date: instalments, payments, s.12 interest accrued, outstanding',
  })
  @ApiOkResponse({ type: ConfiscationOrderView, description: 'ETag: the revision' })
  @problem(
    400,
    'validation_failed: asAt is not a date YYYY-MM-DD, or asKnownAt or minPosition not a position',
  )
  @problem(404, 'No such confiscation order')
  @problem(422, 'asAt is before the order was made (invalid_date)')
  async get(
    @IdParam('id') id: string,
    @Query() query: OrderPositionQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConfiscationOrderView> {
    const asKnownAt = query.asKnownAt === undefined ? undefined : BigInt(query.asKnownAt);
    const view = await this.confiscation.position(id, query.asAt, asKnownAt, actor);
    if (!view) throw new NotFoundException(`No confiscation order ${id}`);
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }
}
