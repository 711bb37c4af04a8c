import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CryptoDto, FxRateDto, MoneyDto } from '../../http/dto/money.dto';
import { OccurredAt, Text } from '../../http/dto/validators';
import { CATEGORIES, Category, Power } from '../asset.events';
import {
  AccountDto,
  declaredShape,
  IdField,
  MoneyField,
  MoneyListField,
  OneOf,
  PowerField,
  RatesField,
} from './asset-fields';

/** Exhibit references: 1 to 64 letters, digits or / _ . - (unique within the acting agency). */
export const EXHIBIT_REF = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$/;

/** Where the intelligence behind a seizure came from; a confidential source reads `[protected]`. */
export class IntelligenceDto {
  @Text(100, 'The kind of source', 'retail partner')
  sourceType!: string;

  @Text(200, 'The reference of the source (shown only to the recording agency)', 'INT/2026/3391')
  reference!: string;

  @ApiProperty({ description: 'Never shown outside the recording agency, never printed' })
  @IsBoolean()
  confidential!: boolean;
}

/** `POST /assets`: the fields of AssetSeized (the asset id is the server's). */
export class SeizeAssetDto {
  @IdField('The case the seizure belongs to')
  caseId!: string;

  @ApiProperty({
    example: 'JDS/1',
    description: 'Exhibit reference, unique within the acting agency',
  })
  @IsString()
  @Matches(EXHIBIT_REF, {
    message: 'exhibitRef must be 1 to 64 letters, digits or / _ . - (e.g. JDS/1)',
  })
  exhibitRef!: string;

  @PowerField('The legal power the asset is seized under')
  power!: Power;

  @OneOf(CATEGORIES)
  category!: Category;

  @Text(1000, 'What was seized', 'Cash in a sports bag, mostly EUR 50 notes')
  description!: string;

  @IdField('The subject (on the case) it was taken from', true)
  seizedFrom?: string;

  @Text(300, 'Where it was seized', '14 Harrow Road, London W2')
  location!: string;

  @Text(300, 'Where it is held now', 'Charing Cross property store')
  custodyLocation!: string;

  @ApiPropertyOptional({
    description:
      'What was declared: money { amount, currency }, a cryptoasset { symbol, quantity }, or an account { institution, accountRef, balance }',
    oneOf: [
      { $ref: '#/components/schemas/MoneyDto' },
      { $ref: '#/components/schemas/CryptoDto' },
      { $ref: '#/components/schemas/AccountDto' },
    ],
  })
  @IsOptional()
  @IsObject({
    message:
      'declared must be money { amount, currency }, a cryptoasset { symbol, quantity } or an account { institution, accountRef, balance }',
  })
  @ValidateNested()
  @Type(declaredShape)
  declared?: MoneyDto | CryptoDto | AccountDto;

  @MoneyListField('Cash only: the amount seized in each currency')
  cashBreakdown?: MoneyDto[];

  @RatesField('The exchange rates used, one per currency (or crypto symbol)')
  fx?: FxRateDto[];

  @MoneyField('Listed assets seized together: their aggregate value (s.303J minimum)', true)
  listedAggregate?: MoneyDto;

  @ApiPropertyOptional({ type: IntelligenceDto })
  @IsOptional()
  @IsObject({ message: 'intelligence must be { sourceType, reference, confidential }' })
  @ValidateNested()
  @Type(() => IntelligenceDto)
  intelligence?: IntelligenceDto;

  @OccurredAt()
  occurredAt?: string;
}
