import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { FxRateDto, MoneyDto } from '../../http/dto/money.dto';
import { IsIsoDate, IsIsoInstant, OccurredAt, OptionalText, Text } from '../../http/dto/validators';
import {
  FORFEITURE_ROUTES,
  ForfeitureRoute,
  NOTICE_METHODS,
  NoticeMethod,
  REFUSAL_OUTCOMES,
  RefusalOutcome,
  RELEASE_REASONS,
  ReleaseReason,
} from '../asset.events';
import { IdField, MoneyField, OneOf, RateField } from './asset-fields';

/** `POST /assets/{assetId}/forfeiture-notices`: ForfeitureNoticeGiven (s.297A, s.303Z9). */
export class GiveForfeitureNoticeDto {
  @Text(100, "The notice's reference", 'AFN/2026/0042')
  noticeRef!: string;

  @OneOf(
    NOTICE_METHODS,
    true,
    'How it was given (the notice regulations); with sentAt, the date it is treated as given is computed',
  )
  method?: NoticeMethod;

  @ApiPropertyOptional({
    example: '2026-12-02T11:00:00Z',
    description: 'When it was posted, sent electronically or published (with method)',
  })
  @IsOptional()
  @IsIsoInstant()
  sentAt?: string;

  @ApiPropertyOptional({
    example: '2026-11-28',
    description:
      'The date the notice is treated as given. With method and sentAt: computed (electronic: that day if sent by 4.30pm, else the next; publication: that day; post: the second business day after posting, or the date given here). Without: defaults to the date of occurredAt (London)',
  })
  @IsOptional()
  @IsIsoDate()
  givenAt?: string;

  @ApiPropertyOptional({
    example: '2026-12-29',
    description: 'Defaults to the earliest allowed: 30 days after the day after the notice',
  })
  @IsOptional()
  @IsIsoDate()
  objectionDeadline?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/forfeiture-objections`: ForfeitureObjected (the notice lapses). */
export class ObjectToForfeitureDto {
  @Text(200, 'Who objected', 'Solicitors for the respondent')
  objector!: string;

  @ApiPropertyOptional({
    example: '2026-11-29',
    description: 'The date the objection was received; defaults to the date of madeAt',
  })
  @IsOptional()
  @IsIsoDate()
  receivedAt?: string;

  @ApiPropertyOptional({
    example: '2026-12-10T14:00:00Z',
    description:
      'When the objection was made; s.297D and s.303Z11(2) count 48 hours from it. Defaults to occurredAt',
  })
  @IsOptional()
  @IsIsoInstant()
  madeAt?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/forfeiture-applications`: ForfeitureApplied. */
export class ApplyForForfeitureDto {
  @Text(200, 'The court applied to', 'Westminster Magistrates’ Court')
  court!: string;

  @ApiPropertyOptional({
    example: '2026-11-29',
    description: 'The date of the application; defaults to the date of occurredAt',
  })
  @IsOptional()
  @IsIsoDate()
  appliedAt?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/forfeiture`: AssetForfeited (by order or by notice). */
export class ForfeitAssetDto {
  @OneOf(FORFEITURE_ROUTES)
  route!: ForfeitureRoute;

  @OptionalText(100, "The court's reference for the order", 'WMC/2026/2210')
  orderRef?: string;

  @OptionalText(200, 'The court that made the order', 'Westminster Magistrates’ Court')
  court?: string;

  @MoneyField('The amount forfeited; defaults to the whole current value in sterling', true)
  amount?: MoneyDto;

  @RateField('For a foreign-currency amount, when the seizure did not record a rate for it')
  fx?: FxRateDto;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/forfeiture-refusal`: ForfeitureRefused. */
export class RefuseForfeitureDto {
  @Text(200, 'The court that refused', 'Westminster Magistrates’ Court')
  court!: string;

  @Text(1000, 'Why', 'Not satisfied the cash is recoverable property')
  reason!: string;

  @OneOf(REFUSAL_OUTCOMES, true, 'Where the refusal leaves the asset (default detained)')
  outcome?: RefusalOutcome;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/realisation`: AssetRealised (net proceeds are computed). */
export class RealiseAssetDto {
  @MoneyField('What the sale raised')
  grossProceeds!: MoneyDto;

  @MoneyField('The costs of sale, in the currency of the proceeds')
  costs!: MoneyDto;

  @MoneyField(
    "s.55(4)(b): the enforcement receiver's remuneration and expenses, applied first out of the sum paid into the order (not deducted from it); needs confiscationOrderId",
    true,
  )
  receiverExpenses?: MoneyDto;

  @Text(200, 'Who realised it', 'Enforcement receiver: Smith & Williamson')
  realisedBy!: string;

  @IdField('The confiscation order the proceeds go towards', true)
  confiscationOrderId?: string;

  @OptionalText(
    300,
    "Required while the asset is under a restraint order: the court's authority to realise it",
    'Enforcement receiver appointed under s.50, Southwark Crown Court, 2 Nov 2026',
  )
  courtAuthority?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/release`: AssetReleased. */
export class ReleaseAssetDto {
  @OneOf(RELEASE_REASONS)
  reason!: ReleaseReason;

  @Text(200, 'Who it was released or returned to', 'Daniel Okafor (the person it was taken from)')
  releasedTo!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/destruction` (supervisor): AssetDestroyed. */
export class DestroyAssetDto {
  @Text(500, 'Why', 'Counterfeit goods')
  reason!: string;

  @Text(200, 'The authority for it', 'Order of Westminster Magistrates’ Court, 4 Dec 2026')
  authority!: string;

  @OptionalText(
    300,
    "Required while the asset is under a restraint order: the court's authority to destroy it",
    'Variation of restraint order T20267001, Southwark Crown Court, 1 Dec 2026',
  )
  courtAuthority?: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /assets/{assetId}/void` (supervisor): RecordVoided. */
export class VoidRecordDto {
  @Text(500, 'Why the record was a mistake', 'Recorded twice: see exhibit JDS/2')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}
