import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { MoneyJson } from '../../../common/money';
import { londonDateOf } from '../../../common/time';
import { caseAggregate } from '../../cases/case.aggregate';
import { scopeAllows, writeScopeOf } from '../../../auth/access-scope';
import { CommandHandler, CommandOutcome } from '../../command-handling/command-handler';
import { CommandEnvelope } from '../../command-handling/command-metadata';
import { Actor } from '../../../common/actor';
import { CaseAccessReader } from '../../access/case-access-reader';
import { confiscationAggregate } from '../confiscation.aggregate';
import { ConfiscationCommand, MakeConfiscationOrder } from '../confiscation.commands';
import {
  CompensationJson,
  InstalmentJson,
  PriorityDirectionJson,
  ReceiptExpensesJson,
} from '../confiscation.events';
import { PriorityDirectionDto, ReceiptExpensesDto } from './priority.dto';
import { orderPosition } from '../confiscation.position';
import {
  ActivateDefaultTermDto,
  AppointEnforcementReceiverDto,
  ApplyForTimeToPayExtensionDto,
  CompensationDto,
  ExtendTimeToPayDto,
  InstalmentDto,
  MakeConfiscationOrderDto,
  DischargeConfiscationOrderDto,
  ReceivePaymentDto,
  RecordDefaultTermServedDto,
  RefuseTimeToPayExtensionDto,
  VaryConfiscationOrderDto,
} from './confiscation.dto';
import { ConfiscationOrderView, toConfiscationOrderView } from './confiscation.view';

type Data<T extends ConfiscationCommand['type']> = Extract<
  ConfiscationCommand,
  { type: T }
>['data'];

@Injectable()
export class ConfiscationService {
  constructor(
    private readonly handler: CommandHandler,
    private readonly access: CaseAccessReader,
  ) {}

  async make(dto: MakeConfiscationOrderDto, envelope: CommandEnvelope): Promise<CommandOutcome> {
    const confiscationOrderId = uuidv7();
    const found = await this.handler.load(caseAggregate, dto.caseId);
    // A case outside the actor's agency scope is, to them, no case at all.
    const exists = found.state.exists && scopeAllows(writeScopeOf(envelope.actor), found.state);
    const command: MakeConfiscationOrder = {
      type: 'MakeConfiscationOrder',
      now: envelope.now,
      data: {
        confiscationOrderId,
        caseId: dto.caseId,
        subjectId: dto.subjectId,
        orderRef: dto.orderRef,
        court: dto.court,
        convictedAt: dto.convictedAt,
        benefitFigure: moneyOf(dto.benefitFigure),
        availableAmount: moneyOf(dto.availableAmount),
        orderAmount: moneyOf(dto.orderAmount),
        instalments: dto.instalments.map(instalmentOf),
        defaultTermMonths: dto.defaultTermMonths,
        lifestyle: dto.lifestyle,
        compensation: compensationOf(dto.compensation),
        priorityDirections: directionsOf(dto.priorityDirections),
        occurredAt: dto.occurredAt,
      },
      context: {
        case: { exists, closed: found.state.closed },
        subjectExists: exists && Object.hasOwn(found.state.subjects, dto.subjectId),
      },
    };
    return this.handler.handle(confiscationAggregate, confiscationOrderId, command, envelope);
  }

  applyForExtension(
    id: string,
    dto: ApplyForTimeToPayExtensionDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(id, 'ApplyForTimeToPayExtension', { ...dto }, envelope);
  }

  extendTimeToPay(
    id: string,
    dto: ExtendTimeToPayDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(
      id,
      'ExtendTimeToPay',
      {
        newDueDates: dto.newDueDates.map((x) => ({ index: x.index, dueDate: x.dueDate })),
        occurredAt: dto.occurredAt,
      },
      envelope,
    );
  }

  refuseExtension(
    id: string,
    dto: RefuseTimeToPayExtensionDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(id, 'RefuseTimeToPayExtension', { ...dto }, envelope);
  }

  vary(id: string, dto: VaryConfiscationOrderDto, envelope: CommandEnvelope) {
    return this.send(
      id,
      'VaryConfiscationOrder',
      {
        section: dto.section,
        newBenefitFigure: dto.newBenefitFigure && moneyOf(dto.newBenefitFigure),
        newAvailableAmount: dto.newAvailableAmount && moneyOf(dto.newAvailableAmount),
        newOrderAmount: moneyOf(dto.newOrderAmount),
        instalments: dto.instalments?.map(instalmentOf),
        defaultTermMonths: dto.defaultTermMonths,
        compensation: compensationOf(dto.compensation),
        priorityDirections: directionsOf(dto.priorityDirections),
        appliedAt: dto.appliedAt,
        reason: dto.reason,
        occurredAt: dto.occurredAt,
      },
      envelope,
    );
  }

  appointReceiver(
    id: string,
    dto: AppointEnforcementReceiverDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(id, 'AppointEnforcementReceiver', { ...dto }, envelope);
  }

  /** A receipt: its id is generated here (a retry with the same Idempotency-Key replays the first). */
  receivePayment(
    id: string,
    dto: ReceivePaymentDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(
      id,
      'ReceivePayment',
      {
        receiptId: uuidv7(),
        amount: moneyOf(dto.amount),
        method: dto.method,
        assetId: dto.assetId,
        reference: dto.reference,
        ...(dto.acknowledgeOverpayment !== undefined && {
          acknowledgeOverpayment: dto.acknowledgeOverpayment,
        }),
        ...(dto.expenses && { expenses: expensesOf(dto.expenses) }),
        occurredAt: dto.occurredAt,
      },
      envelope,
    );
  }

  activateDefaultTerm(
    id: string,
    dto: ActivateDefaultTermDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(id, 'ActivateDefaultTerm', { ...dto }, envelope);
  }

  recordDefaultTermServed(
    id: string,
    dto: RecordDefaultTermServedDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(id, 'RecordDefaultTermServed', { occurredAt: dto.occurredAt }, envelope);
  }

  discharge(
    id: string,
    dto: DischargeConfiscationOrderDto,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    return this.send(
      id,
      'DischargeConfiscationOrder',
      {
        section: dto.section,
        ...(dto.cause !== undefined && { cause: dto.cause }),
        reason: dto.reason,
        occurredAt: dto.occurredAt,
      },
      envelope,
    );
  }

  /**
   * The order as at `asAt` (default: today in London), or undefined when there is no such order.
   * A date before the order is refused (`invalid_date` naming `asAt`). With `asKnownAt`, only the
   * events recorded up to that ledger position count (as the order was known then).
   */
  async position(
    id: string,
    asAt?: string,
    asKnownAt?: bigint,
    reader?: Actor,
  ): Promise<ConfiscationOrderView | undefined> {
    const loaded = await this.handler.load(confiscationAggregate, id, { maxPosition: asKnownAt });
    if (!loaded.state.exists || loaded.revision === 'no_stream') return undefined;
    // Out of the reader's agency scope reads as no such order (checked before any date rule).
    if (reader && !(await this.access.canRead(reader, loaded.state.order?.caseId)))
      return undefined;
    const date = asAt ?? londonDateOf(new Date().toISOString());
    const position = orderPosition(loaded.state, date);
    return toConfiscationOrderView(id, loaded.state, loaded.events, loaded.revision, position);
  }

  private send<T extends Exclude<ConfiscationCommand, MakeConfiscationOrder>['type']>(
    id: string,
    type: T,
    data: Data<T>,
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome> {
    const command = { type, now: envelope.now, data } as Extract<ConfiscationCommand, { type: T }>;
    return this.handler.handle(confiscationAggregate, id, command, envelope);
  }
}

/** Plain JSON for the events (not the DTO instances the validation pipe made). */
function moneyOf(dto: { amount: string; currency: string }): MoneyJson {
  return { amount: dto.amount, currency: dto.currency };
}

function instalmentOf(dto: InstalmentDto): InstalmentJson {
  return { amount: moneyOf(dto.amount), dueDate: dto.dueDate };
}

function directionsOf(
  dtos: PriorityDirectionDto[] | undefined,
): PriorityDirectionJson[] | undefined {
  return dtos?.map((d) => ({ kind: d.kind, amount: moneyOf(d.amount), payee: d.payee }));
}

function expensesOf(dto: ReceiptExpensesDto): ReceiptExpensesJson {
  const out: ReceiptExpensesJson = {};
  if (dto.insolvencyPractitioner) out.insolvencyPractitioner = moneyOf(dto.insolvencyPractitioner);
  if (dto.managementReceiver) out.managementReceiver = moneyOf(dto.managementReceiver);
  if (dto.enforcementReceiver) out.enforcementReceiver = moneyOf(dto.enforcementReceiver);
  return out;
}

function compensationOf(dto: CompensationDto | undefined): CompensationJson | undefined {
  return dto && { amount: moneyOf(dto.amount), payee: dto.payee };
}
