import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CryptoDto, FxRateDto, MoneyDto } from '../../http/dto/money.dto';
import { IsIsoDate, IsIsoInstant, OccurredAt, OptionalText, Text } from '../../http/dto/validators';
import {
  DETENTION_KINDS,
  DetentionKind,
  Power,
  VALUATION_BASES,
  ValuationBasis,
} from '../asset.events';
import { MoneyField, OneOf, PowerField, RateField, RatesField, valueShape } from './asset-fields';

/** `POST /assets/{assetId}/legal-basis`: LegalBasisChanged (`from` is the current power). */
export class ChangeLegalBasisDto {
  @PowerField('The power the asset is held under from now on')
  to!: Power;

  @Text(500, 'Why', 'PACE evidential hold re-based to s.294 after interview')
  reason!: string;

  @RatesField('Rates for a sterling figure the new power needs and the seizure did not record')
  fx?: FxRateDto[];

  @MoneyField('Re-basing to s.303J: the aggregate value of the listed items held together', true)
  listedAggregate?: MoneyDto;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/custody-transfers`: CustodyTransferred (`from` is the current place). */
export class TransferCustodyDto {
  @Text(300, 'Where it goes', 'Force central property store, Lambeth')
  to!: string;

  @OptionalText(100, 'The seal number on the bag or container', 'MPS-SEAL-004417')
  sealNumber?: string;

  @Text(500, 'Why', 'Cash counted and banked in the force safe')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/detentions`: DetentionOrdered, initial or an extension order. */
export class OrderDetentionDto {
  @OneOf(DETENTION_KINDS, false, 'initial (the statutory period) or extension (a court order)')
  kind!: DetentionKind;

  @OptionalText(100, "The court's reference for an extension order", 'WMC/2026/1187')
  orderRef?: string;

  @OptionalText(200, 'The court that made the order', 'Westminster Magistrates’ Court')
  court?: string;

  @OptionalText(200, 'Who authorised it (the senior officer, for listed assets)', 'DI Sarah Cole')
  authorisedBy?: string;

  @ApiPropertyOptional({
    description:
      "Listed assets: a senior officer's authority extends the initial period to 48 hours",
  })
  @IsOptional()
  @IsBoolean()
  seniorOfficerAuthority?: boolean;

  @ApiPropertyOptional({
    example: '2026-12-01T10:00:00Z',
    description:
      'Initial: defaults to when the asset came under its power; extension: to the current expiry',
  })
  @IsOptional()
  @IsIsoInstant()
  startsAt?: string;

  @ApiPropertyOptional({
    example: '2027-06-01T10:00:00Z',
    description: 'Initial: defaults to the statutory period; required for an extension',
  })
  @IsOptional()
  @IsIsoInstant()
  expiresAt?: string;

  @OptionalText(1000, 'Why an extension is recorded after the detention expired')
  lateReason?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/detention-limit-extension`: DetentionLimitExtended, a s.303Z32(4) order. */
export class ExtendDetentionLimitDto {
  @Text(200, 'The court that made the s.303Z32(4) order', 'Westminster Magistrates’ Court')
  court!: string;

  @OptionalText(100, "The court's reference for the order", 'WMC/2028/0412')
  orderRef?: string;

  @ApiPropertyOptional({
    example: '2029-11-30',
    description:
      'The last day (London) to whose end detention may now be authorised: at most the end of 3 years beginning with the date of the first order, which is the default',
  })
  @IsOptional()
  @IsIsoDate()
  extendedTo?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/freezing-order-periods`: FreezingOrderPeriodSet (s.303Z3(3), s.303Z4). */
export class SetFreezingOrderPeriodDto {
  @OneOf(['made', 'variation'], false, 'made (the order as made) or variation (s.303Z4)')
  kind!: 'made' | 'variation';

  @Text(200, 'The court that made or varied the order', 'Westminster Magistrates’ Court')
  court!: string;

  @OptionalText(100, "The court's reference for the order", 'WMC/AFO/2026/0031')
  orderRef?: string;

  @ApiPropertyOptional({
    example: '2026-11-27',
    description:
      '`made` only: the day the order was made (defaults to the day the account came under s.303Z1)',
  })
  @IsOptional()
  @IsIsoDate()
  madeOn?: string;

  @ApiProperty({
    example: '2027-05-26',
    description:
      'The last day the order has effect: at most the end of 2 years starting with the day it was made (s.303Z3(4))',
  })
  @IsIsoDate()
  expiresOn!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/restraint-applications`: RestraintApplied (s.47K). */
export class ApplyForRestraintDto {
  @Text(200, 'The Crown Court applied to', 'Southwark Crown Court')
  court!: string;

  @ApiPropertyOptional({
    example: '2026-11-28T09:00:00Z',
    description:
      'When the application was made: within the 48 hours of s.47J (defaults to occurredAt)',
  })
  @IsOptional()
  @IsIsoInstant()
  appliedAt?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/interest-bearing-account`: CashInterestBearingRecorded (s.296). */
export class RecordInterestBearingAccountDto {
  @OneOf(
    ['paid_in', 'evidence'],
    false,
    'paid_in: paid into an interest-bearing account (s.296(1)); evidence: kept as evidence instead (s.296(3))',
  )
  kind!: 'paid_in' | 'evidence';

  @OptionalText(
    200,
    'paid_in: the account it was paid into',
    'Force suspense account, Lloyds 30-00-00 00112233',
  )
  account?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T14:00:00Z',
    description: 'paid_in: when it was paid in (defaults to occurredAt)',
  })
  @IsOptional()
  @IsIsoInstant()
  paidInAt?: string;

  @OptionalText(1000, 'evidence: why the cash is required as evidence')
  reason?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/interest-credits`: InterestCredited (s.296). */
export class CreditInterestDto {
  @MoneyField('The interest credited, in sterling')
  amount!: MoneyDto;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Defaults to the date of occurredAt' })
  @IsOptional()
  @IsIsoDate()
  creditedOn?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/valuations`: AssetValued (the valuation id is the server's). */
export class ValueAssetDto {
  @OneOf(VALUATION_BASES)
  basis!: ValuationBasis;

  @ApiProperty({
    description: 'Money { amount, currency } or a cryptoasset quantity { symbol, quantity }',
    oneOf: [{ $ref: '#/components/schemas/MoneyDto' }, { $ref: '#/components/schemas/CryptoDto' }],
  })
  @IsObject({
    message: 'value must be money { amount, currency } or a cryptoasset { symbol, quantity }',
  })
  @ValidateNested()
  @Type(valueShape)
  value!: MoneyDto | CryptoDto;

  @RateField(
    'The rate to sterling: for a foreign currency value, or the price per coin of a cryptoasset',
  )
  fx?: FxRateDto;

  @ApiProperty({ example: '2026-11-27', description: 'The date the value is given as at' })
  @IsIsoDate()
  valuedAsAt!: string;

  @Text(200, 'Who valued it', 'Bonhams, Knightsbridge')
  valuer!: string;

  @MoneyField('Expected costs of sale', true)
  costsOfSale?: MoneyDto;

  @OptionalText(2000, 'Notes')
  notes?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/valuations/{valuationId}/withdrawal` (supervisor). */
export class WithdrawValuationDto {
  @Text(500, 'Why the valuation is withdrawn', 'Valuer mistook the model')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}
