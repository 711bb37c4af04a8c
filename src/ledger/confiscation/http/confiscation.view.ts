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
  PAYMENT_METHODS,
  PaymentMethod,
  VARIATION_SECTIONS,
  VariationSection,
} from '../confiscation.events';
import { OrderPosition } from '../confiscation.position';

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

export class DefaultTermView {
  @ApiProperty({ example: 18, description: 'The default term fixed by the court (s.35)' })
  months!: number;

  @ApiPropertyOptional({
    type: DefaultTermActivationView,
    description: 'Activated (serving it does not reduce the debt)',
  })
  activated?: DefaultTermActivationView;
}

/** `GET /confiscation-orders/{id}?asAt=`: the order as at a date. */
export class ConfiscationOrderView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '6', description: "The stream's revision; also the ETag" })
  revision!: string;

  @ApiProperty({ example: '2020-09-30', description: 'The date the figures are worked out at' })
  asAt!: string;

  @ApiProperty({ enum: ['outstanding', 'satisfied'] })
  status!: 'outstanding' | 'satisfied';

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

  @ApiProperty({ type: MoneyDto, description: 'Everything received up to the date' })
  paid!: MoneyJson;

  @ApiProperty({ type: MoneyDto, description: 's.12 interest accrued, to the penny' })
  interestAccrued!: MoneyJson;

  @ApiProperty({ example: '609.3150684932', description: 'The same, exact (10 decimal places)' })
  interestAccruedExact!: string;

  @ApiProperty({
    type: MoneyDto,
    description: 'The part of the payments applied to interest (payments go to principal first)',
  })
  interestPaid!: MoneyJson;

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
    interestAccrued: money(position.interestAccrued.rounded),
    interestAccruedExact: exact(position.interestAccrued.exact),
    interestPaid: money(position.interestPaid),
    outstanding: money(position.outstanding),
    outstandingExact: exact(position.outstandingExact),
    defaultTerm: {
      months: position.defaultTerm.months,
      ...(activated && activated.on <= asAt && { activated }),
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
