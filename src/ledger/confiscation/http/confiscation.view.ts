import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import Decimal from 'decimal.js';
import { Money, MoneyJson } from '../../../common/money';
import { londonDateOf } from '../../../common/time';
import { MoneyDto } from '../../http/dto/money.dto';
import { ConfiscationState } from '../confiscation.state';
import {
  PRIORITY_ORDER_KINDS,
  PriorityOrderKind,
  ConfiscationEvent,
  DISCHARGE_SECTIONS,
  DischargeSection,
  S24_CAUSES,
  S24Cause,
  PAYMENT_METHODS,
  PaymentMethod,
  VARIATION_SECTIONS,
  VariationSection,
} from '../confiscation.events';
import { OrderPosition } from '../confiscation.position';
import { ALLOCATION_ORDERS, AllocationOrder } from '../../recovery/allocation-policy';

/** Exact figures are shown to 10 decimal places (rounded half-up), money to the penny. */
const EXACT_PLACES = 10;

const money = (m: Money): MoneyJson => m.toJSON();
const exact = (d: Decimal): string => d.toFixed(EXACT_PLACES, Decimal.ROUND_HALF_UP);

export class InstalmentView {
  @ApiProperty({ example: 1, description: 'Position in the schedule, 0-based' })
  index!: number;

  @ApiProperty({ example: '2020-07-20', description: 'The due date in force as at the date' })
  dueDate!: string;

  @ApiProperty({ example: '2020-04-20', description: 'The due date first ordered' })
  originalDueDate!: string;

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyJson;

  @ApiProperty({ type: MoneyDto, description: 'Principal of this instalment paid' })
  paid!: MoneyJson;

  @ApiProperty({ type: MoneyDto })
  unpaid!: MoneyJson;

  @ApiProperty({ description: 'Unpaid after its due date, with no extension application pending' })
  overdue!: boolean;

  @ApiProperty()
  extensionPending!: boolean;

  @ApiProperty({ type: MoneyDto, description: 's.12 interest accrued on it, to the penny' })
  interest!: MoneyJson;

  @ApiProperty({ example: '609.3150684932', description: 'The same, exact (10 decimal places)' })
  interestExact!: string;
}

export class NextDueView {
  @ApiProperty()
  index!: number;

  @ApiProperty({ example: '2020-07-20' })
  dueDate!: string;

  @ApiProperty({ type: MoneyDto })
  unpaid!: MoneyJson;

  @ApiProperty()
  overdue!: boolean;
}

export class PaymentView {
  @ApiProperty({ format: 'uuid' })
  receiptId!: string;

  @ApiProperty({ example: '2020-02-20', description: 'The date received (London)' })
  date!: string;

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyJson;

  @ApiProperty({ enum: PAYMENT_METHODS })
  method!: PaymentMethod;

  @ApiPropertyOptional({ format: 'uuid' })
  assetId?: string;

  @ApiProperty()
  reference!: string;

  @ApiPropertyOptional({
    type: MoneyDto,
    description:
      'Received beyond what was owed on its date (an acknowledged overpayment): due back to the payer; only amount − refundDue paid the order',
  })
  refundDue?: MoneyJson;

  @ApiProperty({ example: '2020-02-20T10:00:00.000Z' })
  occurredAt!: string;
}

export class ExtensionRequestView {
  @ApiProperty({ description: 'Instalment position' })
  index!: number;

  @ApiProperty({ example: '2020-04-06' })
  appliedAt!: string;

  @ApiProperty({ enum: ['pending', 'extended', 'refused'] })
  outcome!: 'pending' | 'extended' | 'refused';

  @ApiPropertyOptional({ example: '2020-05-11' })
  decidedOn?: string;
}

export class VariationView {
  @ApiProperty({ enum: VARIATION_SECTIONS })
  section!: VariationSection;

  @ApiProperty({ example: '2020-05-20' })
  on!: string;

  @ApiProperty({ type: MoneyDto })
  newOrderAmount!: MoneyJson;

  @ApiProperty()
  reason!: string;
}

export class EnforcementReceiverView {
  @ApiProperty()
  receiver!: string;

  @ApiProperty({ example: '2020-10-01' })
  appointedOn!: string;
}

export class CompensationView {
  @ApiProperty()
  payee!: string;

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyJson;

  @ApiProperty({ type: MoneyDto, description: 'Paid first out of the sums recovered' })
  paid!: MoneyJson;

  @ApiProperty({ type: MoneyDto })
  outstanding!: MoneyJson;
}

/** A s.13(6) direction and what the receipts have paid on it (s.55(5)). */
export class PriorityDirectionView extends CompensationView {
  @ApiProperty({ enum: PRIORITY_ORDER_KINDS })
  kind!: PriorityOrderKind;
}

export class DefaultTermActivationView {
  @ApiProperty()
  months!: number;

  @ApiProperty({ example: '2021-01-05' })
  on!: string;
}

export class DischargeView {
  @ApiProperty({ enum: DISCHARGE_SECTIONS })
  section!: DischargeSection;

  @ApiProperty({ example: '2021-03-01', description: 'The date of the discharge (London)' })
  on!: string;

  @ApiPropertyOptional({ enum: S24_CAUSES, description: 's.24 only: why the amount is inadequate' })
  cause?: S24Cause;

  @ApiProperty()
  reason!: string;

  @ApiProperty({
    type: MoneyDto,
    description: 'What remained on the date (principal plus interest, to the penny), written off',
  })
  writtenOff!: MoneyJson;
}

export class AllocationPolicyView {
  @ApiProperty({ enum: ALLOCATION_ORDERS, example: 'principal_first' })
  order!: AllocationOrder;

  @ApiProperty({ description: 'true: the choice is not confirmed by statute or guidance (verify)' })
  verify!: boolean;

  @ApiProperty({ example: '2003-03-24', description: 'Applies to orders made from this date' })
  from!: string;

  @ApiProperty()
  note!: string;
}

export class DefaultTermServedView {
  @ApiProperty({ example: '2022-07-05' })
  on!: string;
}

export class DefaultTermView {
  @ApiProperty({ example: 18, description: 'The default term fixed by the court (s.35)' })
  months!: number;

  @ApiPropertyOptional({
    type: DefaultTermActivationView,
    description: 'Activated (serving it does not reduce the debt)',
  })
  activated?: DefaultTermActivationView;

  @ApiPropertyOptional({
    type: DefaultTermServedView,
    description: 'Served (s.38(5): the order stays payable and interest keeps running)',
  })
  served?: DefaultTermServedView;

  @ApiProperty({
    example: '2020-09-30',
    description: 'The date the term is counted from: its activation, or the asAt date before it',
  })
  startsOn!: string;

  @ApiProperty({ example: 547, description: 'Days in the term (the months activated, or fixed)' })
  termDays!: number;

  @ApiProperty({
    example: 364,
    description:
      'MCA 1980 s.79(2): days taken off for the part paid, floor((termDays − 1) × paid / ordered)',
  })
  reductionDays!: number;

  @ApiProperty({
    example: 183,
    description: 'The term left: termDays − reductionDays (0 once the amount ordered is paid)',
  })
  reducedToDays!: number;

  @ApiProperty({
    type: MoneyDto,
    description: 'The payments counted towards the reduction (at most the amount ordered)',
  })
  paidTowardsTerm!: MoneyJson;
}

/** `GET /confiscation-orders/{id}?asAt=`: the order as at a date. */
export class ConfiscationOrderView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '6', description: "The stream's revision; also the ETag" })
  revision!: string;

  @ApiProperty({ example: '2020-09-30', description: 'The date the figures are worked out at' })
  asAt!: string;

  @ApiProperty({ enum: ['outstanding', 'satisfied', 'discharged'] })
  status!: 'outstanding' | 'satisfied' | 'discharged';

  @ApiPropertyOptional({
    type: DischargeView,
    description:
      'Discharged (s.24 / s.25) by the date: the amount written off; interest stopped then',
  })
  discharge?: DischargeView;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ example: 'T20197001' })
  orderRef!: string;

  @ApiProperty({ example: 'Southwark Crown Court' })
  court!: string;

  @ApiProperty({ example: '2020-01-20', description: 'The date the order was made (London)' })
  orderDate!: string;

  @ApiPropertyOptional({ example: '2019-11-15' })
  convictedAt?: string;

  @ApiPropertyOptional()
  lifestyle?: boolean;

  @ApiProperty({ type: MoneyDto, description: 'As at the date (after variations made by then)' })
  benefitFigure!: MoneyJson;

  @ApiProperty({ type: MoneyDto, description: 'As at the date' })
  availableAmount!: MoneyJson;

  @ApiProperty({ type: MoneyDto, description: 'The amount ordered as at the date' })
  orderAmount!: MoneyJson;

  @ApiProperty({ type: [InstalmentView] })
  instalments!: InstalmentView[];

  @ApiProperty({ type: NextDueView, nullable: true })
  nextDue!: NextDueView | null;

  @ApiProperty({ type: [PaymentView], description: 'Receipts up to and including the date' })
  payments!: PaymentView[];

  @ApiProperty({
    type: MoneyDto,
    description: 'Everything received up to the date that paid the order (refunds due excluded)',
  })
  paid!: MoneyJson;

  @ApiProperty({
    type: MoneyDto,
    description:
      'Receipts beyond what was owed (acknowledged overpayments) up to the date: a refund due to the payer',
  })
  refundDue!: MoneyJson;

  @ApiProperty({ type: MoneyDto, description: 's.12 interest accrued, to the penny' })
  interestAccrued!: MoneyJson;

  @ApiProperty({ example: '609.3150684932', description: 'The same, exact (10 decimal places)' })
  interestAccruedExact!: string;

  @ApiProperty({
    type: MoneyDto,
    description: 'The part of the payments applied to interest (as allocationPolicy says)',
  })
  interestPaid!: MoneyJson;

  @ApiProperty({
    type: AllocationPolicyView,
    description:
      'How receipts are split between principal and interest (a dated configuration; verify: not settled by statute or guidance)',
  })
  allocationPolicy!: AllocationPolicyView;

  @ApiProperty({
    type: MoneyDto,
    description: 'Principal unpaid + interest accrued (to the penny) − interest paid',
  })
  outstanding!: MoneyJson;

  @ApiProperty({ example: '30609.3150684932', description: 'The same, exact (10 decimal places)' })
  outstandingExact!: string;

  @ApiProperty({ type: DefaultTermView })
  defaultTerm!: DefaultTermView;

  @ApiPropertyOptional({ type: CompensationView })
  compensation?: CompensationView;

  @ApiProperty({
    type: [PriorityDirectionView],
    description:
      's.13(6) directions (s.13(3A) priority orders), paid out of receipts after the s.55(3)-(4) expenses, ranking together; none: nothing is paid first',
  })
  priorityDirections!: PriorityDirectionView[];

  @ApiProperty({
    type: MoneyDto,
    description: 's.55(3)-(4): expenses applied first out of receipts',
  })
  expensesPaid!: MoneyJson;

  @ApiProperty({ type: [ExtensionRequestView] })
  extensionRequests!: ExtensionRequestView[];

  @ApiProperty({ type: [VariationView] })
  variations!: VariationView[];

  @ApiProperty({ type: [EnforcementReceiverView] })
  enforcementReceivers!: EnforcementReceiverView[];

  @ApiProperty({
    type: [String],
    description: 'Advisory findings recorded with the order (e.g. a default term above its band)',
  })
  warnings!: string[];
}

/**
 * The view of an order as at `asAt` from its position (`orderPosition`) and its events: only what
 * had happened by the end of that day (London) counts.
 */
export function toConfiscationOrderView(
  id: string,
  state: ConfiscationState,
  events: ConfiscationEvent[],
  revision: bigint,
  position: OrderPosition,
): ConfiscationOrderView {
  const order = state.order;
  if (!order) throw new Error(`toConfiscationOrderView: no order in ${id}`);
  const { asAt } = position;
  const byThen = (occurredAt: string) => londonDateOf(occurredAt) <= asAt;

  let benefitFigure = order.benefitFigure.toJSON();
  let availableAmount = order.availableAmount.toJSON();
  const payments: PaymentView[] = [];
  const enforcementReceivers: EnforcementReceiverView[] = [];
  const warnings: string[] = [];
  for (const event of events) {
    if (!byThen(event.data.occurredAt)) continue;
    switch (event.type) {
      case 'ConfiscationOrderMade':
        benefitFigure = event.data.benefitFigure;
        availableAmount = event.data.availableAmount;
        warnings.push(...event.data.warnings);
        break;
      case 'ConfiscationOrderVaried':
        benefitFigure = event.data.newBenefitFigure ?? benefitFigure;
        availableAmount = event.data.newAvailableAmount ?? availableAmount;
        warnings.push(...event.data.warnings);
        break;
      case 'PaymentReceived':
        payments.push({
          receiptId: event.data.receiptId,
          date: londonDateOf(event.data.occurredAt),
          amount: event.data.amount,
          method: event.data.method,
          ...(event.data.assetId !== undefined && { assetId: event.data.assetId }),
          reference: event.data.reference,
          ...(event.data.refundDue !== undefined && { refundDue: event.data.refundDue }),
          occurredAt: event.data.occurredAt,
        });
        break;
      case 'EnforcementReceiverAppointed':
        enforcementReceivers.push({
          receiver: event.data.receiver,
          appointedOn: londonDateOf(event.data.occurredAt),
        });
        break;
      default:
        break;
    }
  }
  payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const activated = position.defaultTerm.activated;
  return {
    id,
    revision: revision.toString(),
    asAt,
    status: position.status,
    ...(position.discharge && {
      discharge: {
        section: position.discharge.section,
        on: position.discharge.on,
        ...(position.discharge.cause !== undefined && { cause: position.discharge.cause }),
        reason: position.discharge.reason,
        writtenOff: money(position.discharge.writtenOff),
      },
    }),
    caseId: order.caseId,
    subjectId: order.subjectId,
    orderRef: order.orderRef,
    court: order.court,
    orderDate: order.orderDate,
    ...(order.convictedAt !== undefined && { convictedAt: order.convictedAt }),
    ...(order.lifestyle !== undefined && { lifestyle: order.lifestyle }),
    benefitFigure: Money.parse(benefitFigure).toJSON(),
    availableAmount: Money.parse(availableAmount).toJSON(),
    orderAmount: money(position.ordered),
    instalments: position.instalments.map((x) => ({
      index: x.index,
      dueDate: x.dueDate,
      originalDueDate: x.originalDueDate,
      amount: money(x.amount),
      paid: money(x.paid),
      unpaid: money(x.unpaid),
      overdue: x.overdue,
      extensionPending: x.extensionPending,
      interest: money(x.interest.rounded),
      interestExact: exact(x.interest.exact),
    })),
    nextDue: position.nextDue && { ...position.nextDue, unpaid: money(position.nextDue.unpaid) },
    payments,
    paid: money(position.paid),
    refundDue: money(position.refundDue),
    interestAccrued: money(position.interestAccrued.rounded),
    interestAccruedExact: exact(position.interestAccrued.exact),
    interestPaid: money(position.interestPaid),
    allocationPolicy: position.allocationPolicy,
    outstanding: money(position.outstanding),
    outstandingExact: exact(position.outstandingExact),
    defaultTerm: {
      months: position.defaultTerm.fixedMonths,
      ...(activated && { activated }),
      ...(position.defaultTerm.served && { served: position.defaultTerm.served }),
      startsOn: position.defaultTerm.startsOn,
      termDays: position.defaultTerm.termDays,
      reductionDays: position.defaultTerm.reductionDays,
      reducedToDays: position.defaultTerm.reducedToDays,
      paidTowardsTerm: money(position.defaultTerm.paidTowardsTerm),
    },
    ...(position.compensation && {
      compensation: {
        payee: position.compensation.payee,
        amount: money(position.compensation.amount),
        paid: money(position.compensation.paid),
        outstanding: money(position.compensation.outstanding),
      },
    }),
    priorityDirections: position.priority.map((p) => ({
      kind: p.kind,
      payee: p.payee,
      amount: money(p.amount),
      paid: money(p.paid),
      outstanding: money(p.outstanding),
    })),
    expensesPaid: money(position.expensesPaid),
    extensionRequests: state.extensionRequests
      .filter((r) => r.appliedAt <= asAt)
      .map((r) =>
        r.decidedOn !== undefined && r.decidedOn <= asAt && r.outcome
          ? { index: r.index, appliedAt: r.appliedAt, outcome: r.outcome, decidedOn: r.decidedOn }
          : { index: r.index, appliedAt: r.appliedAt, outcome: 'pending' as const },
      ),
    variations: state.variations
      .filter((v) => v.on <= asAt)
      .map((v) => ({
        section: v.section,
        on: v.on,
        newOrderAmount: money(v.newOrderAmount),
        reason: v.reason,
      })),
    enforcementReceivers,
    warnings,
  };
}
