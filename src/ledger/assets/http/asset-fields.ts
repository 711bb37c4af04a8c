import { lowerCase } from '../../http/dto/validators';
import { MoneyField } from '../../http/dto/money.dto';

export { MoneyField };
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type, TypeHelpOptions } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { CryptoDto, FxRateDto, MoneyDto } from '../../http/dto/money.dto';
import { NoNestedLists, Text } from '../../http/dto/validators';
import { currentPowerCode, DEPRECATED_POWER_CODES, POWERS } from '../asset.events';

/** Decorators the asset DTOs share: nested money, rates, enums and ids. */

/** The most exchange rates, or cash currencies, one request may carry. */
export const MAX_RATES = 20;

/** One exchange rate `{ currency, rateToGbp, source, asAt }`. */
export function RateField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: FxRateDto, description }),
    IsOptional(),
    IsObject({ message: '$property must be a rate { currency, rateToGbp, source, asAt }' }),
    ValidateNested(),
    Type(() => FxRateDto),
  );
}

/** The rates used, one per currency or crypto symbol. */
export function RatesField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: [FxRateDto], description }),
    IsOptional(),
    IsArray({ message: '$property must be a list of rates { currency, rateToGbp, source, asAt }' }),
    ArrayMaxSize(MAX_RATES),
    NoNestedLists(),
    ValidateNested({ each: true }),
    Type(() => FxRateDto),
  );
}

/** A list of money amounts (a cash breakdown: one per currency). */
export function MoneyListField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: [MoneyDto], description }),
    IsOptional(),
    IsArray({ message: '$property must be a list of money { amount, currency }' }),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_RATES),
    NoNestedLists(),
    ValidateNested({ each: true }),
    Type(() => MoneyDto),
  );
}

/** Deprecated power codes and what each now reads as, for the OpenAPI description. */
export const DEPRECATED_POWER_NOTE = Object.entries(DEPRECATED_POWER_CODES)
  .map(([old, now]) => `${old} is a deprecated alias of ${now}, accepted and recorded as ${now}`)
  .join('; ');

/** A legal power: one of POWERS, or a deprecated code (recorded as its current one). */
export function PowerField(description: string, optional = false) {
  const options = {
    enum: [...POWERS, ...Object.keys(DEPRECATED_POWER_CODES)],
    description: `${description}. ${DEPRECATED_POWER_NOTE}.`,
  };
  return applyDecorators(
    optional ? ApiPropertyOptional(options) : ApiProperty(options),
    ...(optional ? [IsOptional()] : []),
    Transform(({ value }: { value: unknown }) => currentPowerCode(value)),
    IsIn(POWERS, { message: `$property must be one of: ${POWERS.join(', ')}` }),
  );
}

/** One of a fixed list of codes. */
export function OneOf(values: readonly string[], optional = false, description?: string) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ enum: values, description })
      : ApiProperty({ enum: values, description }),
    ...(optional ? [IsOptional()] : []),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/** The id (UUID) of another thing in the ledger. */
export function IdField(what: string, optional = false) {
  return applyDecorators(
    optional
      ? ApiPropertyOptional({ format: 'uuid', description: what })
      : ApiProperty({ format: 'uuid', description: what }),
    ...(optional ? [IsOptional()] : []),
    Transform(lowerCase),
    IsUUID('all', { message: `$property must be ${what.toLowerCase()} (a UUID)` }),
  );
}

/** A bank, building society, e-money or payment account: the declared value of an AFO. */
export class AccountDto {
  @Text(200, 'The institution holding the account', 'Barclays Bank UK plc')
  institution!: string;

  @Text(100, 'Sort code and account number, or another reference', '20-00-00 12345678')
  accountRef!: string;

  @MoneyField('The balance frozen')
  balance!: MoneyDto;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Which shape a value declares, from its keys: an account (`institution`, `accountRef`,
 * `balance`), a cryptoasset (`symbol`, `quantity`) or money. Any other object is checked as money,
 * so the fields it lacks or should not have are named under its path.
 */
export function declaredShape(
  options?: TypeHelpOptions,
): typeof MoneyDto | typeof CryptoDto | typeof AccountDto {
  const value: unknown = options?.object?.[options.property];
  if (isObject(value)) {
    if ('institution' in value || 'accountRef' in value || 'balance' in value) return AccountDto;
    if ('symbol' in value || 'quantity' in value) return CryptoDto;
  }
  return MoneyDto;
}

/** A valuation's value: a cryptoasset quantity (`symbol`, `quantity`) or money. */
export function valueShape(options?: TypeHelpOptions): typeof MoneyDto | typeof CryptoDto {
  const value: unknown = options?.object?.[options.property];
  return isObject(value) && ('symbol' in value || 'quantity' in value) ? CryptoDto : MoneyDto;
}
