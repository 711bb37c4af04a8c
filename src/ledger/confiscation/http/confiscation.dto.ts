import { MoneyField } from '../../http/dto/money.dto';
import { lowerCase } from '../../http/dto/validators';
import { AsKnownAtParam, MinPositionParam } from '../../http/dto/query-params';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../../http/dto/money.dto';
import { PriorityDirectionDto, PriorityDirections, ReceiptExpensesDto } from './priority.dto';
import { IsIsoDate, NoNestedLists, OccurredAt, Text } from '../../http/dto/validators';
import {
  DISCHARGE_SECTIONS,
  DischargeSection,
  PAYMENT_METHODS,
  PaymentMethod,
  S24_CAUSES,
  S24Cause,
  VARIATION_SECTIONS,
  VariationSection,
} from '../confiscation.events';

const MAX_INSTALMENTS = 120;
/** The longest default term any band allows (14 years), with room for a court's outlier. */
const MAX_DEFAULT_TERM_MONTHS = 240;

function Id(description: string) {
  return applyDecorators(
    ApiProperty({ format: 'uuid', description }),
    Transform(lowerCase),
    IsUUID('all', { message: '$property must be an id (UUID)' }),
  );
}

function Months(description: string, optional = false) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ type: 'integer', minimum: 1, description })
      : ApiProperty({ type: 'integer', minimum: 1, description, example: 18 }),
    ...(optional ? [IsOptional()] : []),
    IsInt({ message: '$property must be a whole number of months' }),
    Min(1),
    Max(MAX_DEFAULT_TERM_MONTHS),
  );
}

/** Positions in the schedule (0-based) of the instalments concerned. */
function InstalmentIndexes(description: string, optional = false) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ type: [Number], description, example: [1] })
      : ApiProperty({ type: [Number], description, example: [1] }),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_INSTALMENTS),
    IsInt({ each: true, message: 'each of $property must be an instalment position (0, 1, ...)' }),
    Min(0, { each: true }),
  );
}

function Instalments(description: string, optional = false) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ type: [InstalmentDto], description })
      : ApiProperty({ type: [InstalmentDto], description }),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_INSTALMENTS),
    NoNestedLists(),
    ValidateNested({ each: true }),
    Type(() => InstalmentDto),
  );
}

export class InstalmentDto {
  @MoneyField('The amount of the instalment')
  amount!: MoneyDto;

  @ApiProperty({ example: '2020-02-20' })
  @IsIsoDate()
  dueDate!: string;
}

/** Compensation directed under s.13(5)-(6): paid first out of sums recovered. */
export class CompensationDto {
  @MoneyField('The compensation directed (at most the amount ordered)')
  amount!: MoneyDto;

  @Text(200, 'Who is compensated', 'Victim Ltd')
  payee!: string;
}

/** `POST /confiscation-orders`: the fields of ConfiscationOrderMade (the order id is the server's). */
export class MakeConfiscationOrderDto {
  @Id('The case the order is made in')
  caseId!: string;

  @Id('The defendant (a subject on the case)')
  subjectId!: string;

  @Text(100, "The court's reference (indictment number)", 'T20197001')
  orderRef!: string;

  @Text(200, 'The Crown Court that made the order', 'Southwark Crown Court')
  court!: string;

  @ApiPropertyOptional({ example: '2019-11-15', description: 'Date of conviction (s.21 limit)' })
  @IsOptional()
  @IsIsoDate()
  convictedAt?: string;

  @MoneyField('The benefit figure (never less than the amount ordered)')
  benefitFigure!: MoneyDto;

  @MoneyField('The available amount (may be zero)')
  availableAmount!: MoneyDto;

  @MoneyField('The amount ordered')
  orderAmount!: MoneyDto;

  @Instalments(
    'When the amount ordered is due: one or more instalments summing to it, each at most 3 months after the order (6 before June 2015)',
  )
  instalments!: InstalmentDto[];

  @Months('The default term (s.35), in months')
  defaultTermMonths!: number;

  @ApiPropertyOptional({ description: 'A criminal lifestyle finding (s.10)' })
  @IsOptional()
  @IsBoolean()
  lifestyle?: boolean;

  @ApiPropertyOptional({ type: CompensationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompensationDto)
  compensation?: CompensationDto;

  @PriorityDirections()
  priorityDirections?: PriorityDirectionDto[];

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/time-to-pay-applications` (s.11(4)). */
export class ApplyForTimeToPayExtensionDto {
  @InstalmentIndexes('The instalments the application concerns (positions, 0-based)')
  instalments!: number[];

  @ApiPropertyOptional({
    example: '2020-04-06',
    description: 'The date of the application; defaults to the date of occurredAt (London)',
  })
  @IsOptional()
  @IsIsoDate()
  appliedAt?: string;

  @OccurredAt()
  occurredAt?: string;
}

export class NewDueDateDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Instalment position' })
  @IsInt({ message: 'index must be an instalment position (0, 1, ...)' })
  @Min(0)
  index!: number;

  @ApiProperty({ example: '2020-07-20' })
  @IsIsoDate()
  dueDate!: string;
}

/** `POST /confiscation-orders/{id}/time-to-pay-extensions`: the court extends the time to pay. */
export class ExtendTimeToPayDto {
  @ApiProperty({ type: [NewDueDateDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INSTALMENTS)
  @NoNestedLists()
  @ValidateNested({ each: true })
  @Type(() => NewDueDateDto)
  newDueDates!: NewDueDateDto[];

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/time-to-pay-refusals`: the court refuses the application. */
export class RefuseTimeToPayExtensionDto {
  @InstalmentIndexes(
    'The instalments whose application is refused; default: every pending application',
    true,
  )
  instalments?: number[];

  @Text(500, 'Why the extension was refused', 'Not satisfied the defendant is unable to pay')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/variations`: s.21, s.22, s.23 or a substituted order on appeal. */
export class VaryConfiscationOrderDto {
  @ApiProperty({ enum: VARIATION_SECTIONS })
  @IsIn(VARIATION_SECTIONS)
  section!: VariationSection;

  @MoneyField('s.21: the benefit figure reconsidered', true)
  newBenefitFigure?: MoneyDto;

  @MoneyField('s.22 / s.23: the available amount reconsidered', true)
  newAvailableAmount?: MoneyDto;

  @MoneyField('The amount ordered from now on')
  newOrderAmount!: MoneyDto;

  @Instalments(
    'The whole new schedule (sums to newOrderAmount); default: an increase is due on the variation date, a reduction comes off the latest-due instalments',
    true,
  )
  instalments?: InstalmentDto[];

  @Months('A new default term, in months', true)
  defaultTermMonths?: number;

  @ApiPropertyOptional({ type: CompensationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompensationDto)
  compensation?: CompensationDto;

  @PriorityDirections()
  priorityDirections?: PriorityDirectionDto[];

  @ApiPropertyOptional({
    example: '2021-03-01',
    description: 'The date the application was made (s.21: within 6 years of conviction)',
  })
  @IsOptional()
  @IsIsoDate()
  appliedAt?: string;

  @Text(500, 'Why the order was varied', 'Home equity fell on sale')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/receivers`: an enforcement receiver (s.50). */
export class AppointEnforcementReceiverDto {
  @Text(200, 'The receiver appointed', 'Smith & Williamson LLP')
  receiver!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/payments`: a receipt (the receiptId is the server's). */
export class ReceivePaymentDto {
  @MoneyField(
    'The amount received (no more than is outstanding, interest included, unless acknowledgeOverpayment)',
  )
  amount!: MoneyDto;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The asset realised (required for method asset_realisation)',
  })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'assetId must be an asset id (UUID)' })
  assetId?: string;

  @Text(200, 'The finance reference of the receipt', 'HMCTS/REC/2020/0042')
  reference!: string;

  @ApiPropertyOptional({
    description:
      'true: a receipt larger than what is owed (principal plus interest) is recorded, the surplus as a refund due to the payer; without it such a receipt is refused (422 overpayment)',
  })
  @IsOptional()
  @IsBoolean({ message: 'acknowledgeOverpayment must be true or false' })
  acknowledgeOverpayment?: boolean;

  @ApiPropertyOptional({
    type: ReceiptExpensesDto,
    description:
      's.55(3)-(4): expenses applied first out of the receipt (it still reduces the order in full, s.55(2))',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReceiptExpensesDto)
  expenses?: ReceiptExpensesDto;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/default-term`: the default term activated (s.35). */
export class ActivateDefaultTermDto {
  @Months('The months activated; default: the whole term the court fixed', true)
  months?: number;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/default-term-served`: the default term served (s.38(5)). */
export class RecordDefaultTermServedDto {
  @OccurredAt()
  occurredAt?: string;
}

/** `POST /confiscation-orders/{id}/discharge`: s.24 or s.25 (the designated officer's application). */
export class DischargeConfiscationOrderDto {
  @ApiProperty({
    enum: DISCHARGE_SECTIONS,
    description:
      's24: available amount inadequate, less than £1,000 remaining; s25: £50 or less remaining (thresholds configured, verify)',
  })
  @IsIn(DISCHARGE_SECTIONS)
  section!: DischargeSection;

  @ApiPropertyOptional({
    enum: S24_CAUSES,
    description:
      's.24 only (required): the inadequacy is due to currency fluctuations, or to a reason specified by order',
  })
  @IsOptional()
  @IsIn(S24_CAUSES)
  cause?: S24Cause;

  @Text(500, 'The grounds the court discharged the order on', 'Shortfall on EUR cash seized')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `GET /confiscation-orders/{id}?asAt=`. */
export class OrderPositionQuery {
  @ApiPropertyOptional({
    example: '2020-09-30',
    description: "The date the position is worked out at; default: today's date in London",
  })
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @AsKnownAtParam()
  asKnownAt?: string;

  @MinPositionParam()
  minPosition?: string;
}
