import { lowerCase } from '../../http/dto/validators';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../../http/dto/money.dto';
import { IsIsoDate, NoNestedLists, OccurredAt, Text } from '../../http/dto/validators';

/** The most assets one order (or one variation) may name in a request. */
const MAX_ASSETS = 500;
const MAX_EXCEPTIONS = 50;

/** An exception to the order (s.41(3)): living or legal expenses, or carrying on a business. */
export class RestraintExceptionDto {
  @Text(500, 'What the exception allows', 'Reasonable living expenses')
  purpose!: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'The most that may be spent each week' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amountPerWeek?: MoneyDto;
}

function AssetIdList(description: string) {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      description,
      example: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b'],
    }),
    IsOptional(),
    Transform(lowerCase),
    IsArray(),
    ArrayMaxSize(MAX_ASSETS),
    IsUUID('all', { each: true, message: 'each of $property must be an asset id (UUID)' }),
  );
}

/** `POST /restraint-orders`: the fields of RestraintOrderMade (the order id is the server's). */
export class MakeRestraintOrderDto {
  @ApiProperty({ format: 'uuid', description: 'The case the order is made in' })
  @Transform(lowerCase)
  @IsUUID('all', { message: 'caseId must be a case id (UUID)' })
  caseId!: string;

  @ApiProperty({ format: 'uuid', description: 'The subject (on the case) the order names' })
  @Transform(lowerCase)
  @IsUUID('all', { message: 'subjectId must be a subject id (UUID)' })
  subjectId!: string;

  @Text(100, "The court's reference for the order", 'T20267001')
  orderRef!: string;

  @Text(200, 'The Crown Court that made the order', 'Southwark Crown Court')
  court!: string;

  @AssetIdList(
    'The assets restrained (each seized in the same case, still held, under no other order)',
  )
  assetIds?: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'The order covers all realisable property of the subject (assetIds may be empty)',
  })
  @IsOptional()
  @IsBoolean()
  coversAllRealisableProperty?: boolean;

  @ApiPropertyOptional({ type: [RestraintExceptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXCEPTIONS)
  @NoNestedLists()
  @ValidateNested({ each: true })
  @Type(() => RestraintExceptionDto)
  exceptions?: RestraintExceptionDto[];

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /restraint-orders/{id}/variations`: the fields of RestraintOrderVaried. */
export class VaryRestraintOrderDto {
  @AssetIdList('Assets the order now also covers')
  addedAssetIds?: string[];

  @AssetIdList('Assets released from the order')
  removedAssetIds?: string[];

  @ApiPropertyOptional({
    type: [RestraintExceptionDto],
    description: "When given, replaces the order's exceptions as a whole ([] removes them all)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXCEPTIONS)
  @NoNestedLists()
  @ValidateNested({ each: true })
  @Type(() => RestraintExceptionDto)
  exceptions?: RestraintExceptionDto[];

  @Text(500, 'Why the order was varied', 'Vehicle sold under the court’s direction')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /restraint-orders/{id}/discharge`. */
export class DischargeRestraintOrderDto {
  @Text(500, 'Why the order was discharged', 'Confiscation order satisfied')
  reason!: string;

  @OccurredAt()
  occurredAt?: string;
}

/** `POST /restraint-orders/{id}/receivers`: a management receiver (s.48). */
export class AppointManagementReceiverDto {
  @Text(200, 'The receiver appointed', 'Grant Thornton UK LLP')
  receiver!: string;

  @ApiPropertyOptional({
    example: '2026-11-27',
    description: 'The date of appointment; defaults to the date of occurredAt (London)',
  })
  @IsOptional()
  @IsIsoDate()
  appointedAt?: string;

  @OccurredAt()
  occurredAt?: string;
}
