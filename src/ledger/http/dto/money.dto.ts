import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, IsIsoDate } from './validators';

/** `{ "amount": "25000.00", "currency": "GBP" }`: the amount is a string; a JSON number is a 400. */
export class MoneyDto {
  @ApiProperty({ example: '25000.00', description: 'Decimal string (never a JSON number)' })
  @IsDecimalString()
  amount!: string;

  @ApiProperty({ example: 'GBP', description: 'ISO 4217 code' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as GBP or EUR' })
  currency!: string;
}

/** A cryptoasset holding: `{ "symbol": "BTC", "quantity": "0.53100000" }` (up to 18 places). */
export class CryptoDto {
  @ApiProperty({ example: 'BTC' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,10}$/, {
    message: 'symbol must be 2 to 10 capital letters or digits, e.g. BTC',
  })
  symbol!: string;

  @ApiProperty({ example: '0.53100000', description: 'Decimal string, up to 18 places' })
  @IsString({ message: 'quantity must be a decimal string, not a number' })
  @Matches(/^\d{1,18}(\.\d{1,18})?$/, {
    message: 'quantity must be a decimal string with up to 18 places',
  })
  quantity!: string;
}

/** The rate used to derive a sterling figure, recorded with the event. */
export class FxRateDto {
  @ApiProperty({ example: 'EUR', description: 'The currency (or crypto symbol) converted to GBP' })
  @IsString()
  @Matches(/^[A-Z0-9]{2,10}$/, { message: 'currency must be an ISO 4217 code or crypto symbol' })
  currency!: string;

  @ApiProperty({ example: '0.8567', description: 'GBP per one unit, decimal string' })
  @IsDecimalString()
  rateToGbp!: string;

  @ApiProperty({ example: 'Bank of England spot' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source!: string;

  @ApiProperty({ example: '2026-11-27' })
  @IsIsoDate()
  asAt!: string;
}

/** A money object `{ amount, currency }` (amount a decimal string), validated field by field. */
export function MoneyField(description: string, optional = false) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ type: MoneyDto, description })
      : ApiProperty({ type: MoneyDto, description }),
    ...(optional ? [IsOptional()] : [IsDefined()]),
    IsObject({ message: '$property must be money: { "amount": "25000.00", "currency": "GBP" }' }),
    ValidateNested(),
    Type(() => MoneyDto),
  );
}
